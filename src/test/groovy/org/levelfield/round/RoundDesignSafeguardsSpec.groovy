package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant
import java.time.LocalDate

/**
 * A pooled domestic-abuse round (council, district, NHS, PCC; three lots, one for Deaf and disabled
 * survivors) is refused publication, with every refusal explained by rule id and figures, until its
 * design is fixed; warnings need a named officer's justification, which is kept with the finding.
 */
@MicronautTest(transactional = false)
@Stepwise
class RoundDesignSafeguardsSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Instant deadline = Instant.parse("2026-12-01T12:00:00Z")

    static Map pooledDomesticAbuseRound(Instant deadline) {
        def request = RoundFixture.aRound(deadline)
        request.title = "Anyshire pooled domestic abuse service"
        request.partners = [
                [name: "Anyshire County Council", type: "COUNCIL", lead: true, budgetLines: [[financialYear: "2027/28", amountPence: 40_000_000], [financialYear: "2028/29", amountPence: 40_000_000]]],
                [name: "Northdale District Council", type: "DISTRICT", lead: false, budgetLines: [[financialYear: "2027/28", amountPence: 5_000_000]]],
                [name: "Anyshire Integrated Care Board", type: "NHS", lead: false, budgetLines: [[financialYear: "2027/28", amountPence: 15_000_000]]],
                [name: "Anyshire Police and Crime Commissioner", type: "PCC", lead: false, budgetLines: [[financialYear: "2027/28", amountPence: 10_000_000]]],
        ]
        request.lots = [
                [title: "Refuge and community support", valueInclVatPence: 120_000_000, termMonths: 36, minTurnoverPence: 240_000_000,
                 requiresAuditedAccounts: true, criteria: RoundFixture.criteria()],
                [title: "Deaf and disabled survivors", valueInclVatPence: 30_000_000, termMonths: 36, criteria: RoundFixture.criteria()],
                [title: "Black and minoritised survivors", valueInclVatPence: 30_000_000, termMonths: 36,
                 eligibilityRestriction: "BME-led organisations only", criteria: RoundFixture.criteria()],
        ]
        request.eqia = RoundFixture.fullEqia(LocalDate.of(2026, 3, 20))
        request
    }

    def "the round is created with four partners, the pooled total and each partner's share"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-03-10T09:00:00Z"))

        when:
        round = api("POST", "/api/rounds", who.commissioner, pooledDomesticAbuseRound(deadline)).body

        then:
        round.pooledTotalPence == 110_000_000
        round.partners*.sharePercent == [72.7, 4.5, 13.6, 9.1]
        round.lots*.title == ["Refuge and community support", "Deaf and disabled survivors", "Black and minoritised survivors"]
    }

    def "the design cannot be approved until every partner has signed it off"() {
        given:
        def first = round.partners[0]
        api("POST", "/api/rounds/$round.id/partners/$first.id/sign-off", who.commissioner, [signatory: "Ann Chief", signatoryRole: "Chief Executive"])

        when:
        def reply = api("POST", "/api/rounds/$round.id/approve-design", who.commissioner)

        then:
        reply.status == HttpStatus.CONFLICT
        reply.body.detail.contains("Northdale District Council, Anyshire Integrated Care Board, Anyshire Police and Crime Commissioner")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DRAFT"
    }

    def "publication is refused, rule by rule with the figures, while the design has these faults"() {
        given: "every partner signs off and the design is approved on 10 March, before the EqIA of 20 March"
        round.partners.each { api("POST", "/api/rounds/$round.id/partners/$it.id/sign-off", who.commissioner, [signatory: "Signatory of $it.name".toString(), signatoryRole: "Director"]) }
        def approved = api("POST", "/api/rounds/$round.id/approve-design", who.commissioner)

        when:
        def reply = api("POST", "/api/rounds/$round.id/publish", who.commissioner)
        def byRule = reply.body.findings.groupBy { it.ruleId }

        then:
        approved.body.status == "DESIGN_APPROVED"
        approved.body.partners.every { it.signOff.signatory }
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        byRule["RD-01"].first().message.contains("EqIA dated 2026-03-20 is after design approval 2026-03-10")
        byRule["RD-07"].first().message.contains("Lot 'Refuge and community support' requires audited accounts")
        byRule["RD-06"].first().message.contains("6.0x the annual value of Lot 'Refuge and community support' (£400,000 a year; limit 2x)")
        byRule["RD-06"].first().severity == "WARN"
        byRule["RD-13"].first().message.contains("'BME-led organisations only'")
        ["RD-01", "RD-07", "RD-13"].every { id -> byRule[id].every { it.severity == "BLOCK" && it.citation && it.force } }
        reply.body.detail.contains("RD-06 on Lot 'Refuge and community support'")
        api("GET", "/api/rounds/$round.id", who.commissioner).body.status == "DESIGN_APPROVED"
    }

    def "a warning is answered by a named officer's justification, which is kept with the finding"() {
        given:
        def warning = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings.find { it.ruleId == "RD-06" }

        when:
        def wrong = api("POST", "/api/rounds/$round.id/justifications", who.commissioner,
                [ruleId: "RD-06", subjectId: UUID.randomUUID().toString(), officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "x"])
        def missing = api("POST", "/api/rounds/$round.id/justifications", who.commissioner, [ruleId: "RD-06", subjectId: warning.subjectId])
        def recorded = api("POST", "/api/rounds/$round.id/justifications", who.commissioner,
                [ruleId: "RD-06", subjectId: warning.subjectId, officerName: "Pat Officer", officerRole: "Head of Commissioning",
                 justification: "The refuge lot needs a provider able to fund twelve months of mobilisation from reserves."])
        def check = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body

        then:
        wrong.status == HttpStatus.BAD_REQUEST
        wrong.body.detail.contains("Warnings now: RD-06 on $warning.subjectId")
        missing.status == HttpStatus.BAD_REQUEST
        missing.body.errors*.field == ["justification", "officerName", "officerRole"]
        recorded.status == HttpStatus.CREATED
        with(check.findings.find { it.ruleId == "RD-06" }) {
            justification.officerName == "Pat Officer"
            justification.officerRole == "Head of Commissioning"
            !unansweredWarning
        }
        check.warningsToJustify == 0
    }

    def "the safeguards report names every finding by stage and every justification, as JSON and as a PDF"() {
        when:
        def json = api("GET", "/api/rounds/$round.id/safeguards", who.scrutiny)
        assert api("GET", "/api/rounds/$round.id/safeguards.pdf", who.commissioner).status.code == 200
        def pdf = api("GET", "/api/rounds/$round.id/safeguards.pdf", who.scrutiny)
        def text = org.levelfield.support.Pdfs.text(pdf.bytes)
        def findings = json.body.stages.collectMany { it.findings }

        then:
        json.body.stages*.stage == ["Regime", "Round design", "Scoring"]
        findings*.ruleId.toSet().containsAll(["REG-01", "REG-02", "RD-01", "RD-06", "RD-07", "RD-13"])
        org.levelfield.support.Pdfs.pdfaFailures(pdf.bytes) == []
        findings.find { it.ruleId == "RD-06" }.justifiedBy.startsWith("Pat Officer, Head of Commissioning")
        json.body.summary.blocks == 3
        json.body.summary.unjustifiedWarnings == 0
        pdf.contentType == "application/pdf"
        findings.every { f -> text.contains(f.ruleId) && text.contains(org.levelfield.common.document.Templates.inWords(f.message).replaceAll(/\s+/, " ").take(60)) }
        text.contains("Justified by Pat Officer, Head of Commissioning")
        text.contains("fund twelve months of mobilisation from reserves")
        text.contains("Signatory of Anyshire Police and Crime Commissioner")
        org.levelfield.support.Pdfs.info(pdf.bytes).title == "Safeguards report: Anyshire pooled domestic abuse service"
    }

    def "once fixed and approved again, the round is published"() {
        given: "the EqIA redone before the new approval, audited accounts and the BME-led restriction removed"
        clock.set(Instant.parse("2026-03-25T09:00:00Z"))
        def fixed = pooledDomesticAbuseRound(deadline)
        fixed.eqia = RoundFixture.fullEqia(LocalDate.of(2026, 3, 20))
        fixed.lots[0].requiresAuditedAccounts = false
        fixed.lots[0].minTurnoverPence = 80_000_000
        fixed.lots[2].remove("eligibilityRestriction")
        api("POST", "/api/rounds/$round.id/reopen", who.commissioner, [reason: "RD-01, RD-07, RD-13"])
        round = api("PUT", "/api/rounds/$round.id", who.commissioner, fixed).body

        when:
        def reply = approveAndPublish(round, who.commissioner)

        then:
        reply.status == HttpStatus.OK
        reply.body.round.status == "PUBLISHED"
        !reply.body.findings.any { it.severity in ["BLOCK", "WARN"] }
        api("GET", "/api/rounds/$round.id/history", who.scrutiny).body*.to ==
                ["DRAFT", "DESIGN_APPROVED", "DRAFT", "DRAFT", "DESIGN_APPROVED", "PUBLISHED"]
    }

    def "after publication the safeguards report still shows the BLOCKs that forced the redesign, in words a board member reads (issue 16)"() {
        when:
        assert api("GET", "/api/rounds/$round.id/safeguards.pdf", who.commissioner).status.code == 200
        def text = org.levelfield.support.Pdfs.text(api("GET", "/api/rounds/$round.id/safeguards.pdf", who.scrutiny).bytes)
        def earlier = text.substring(text.indexOf("3. Found earlier and resolved before publication"))

        then: "the findings that stopped publication are listed as resolved, with when they were found"
        ["RD-01", "RD-07", "RD-13"].every { earlier.contains(it + " Blocks publication") }
        earlier.count("Found: ") >= 3

        and: "the summary counts in words, and no code or ISO date is left for the reader to decode"
        text.contains("Status: Open for tenders.")
        !(text =~ /\b1 (warnings|findings|flags)\b/)
        !(text =~ /\b[A-Z]{2,}_[A-Z_]+\b/)
        !(text =~ /\b\d{4}-\d{2}-\d{2}\b/)
    }

    def "a round is cancelled with reasons from any state before award, and the reasons are kept"() {
        when:
        def noReason = api("POST", "/api/rounds/$round.id/cancel", who.commissioner, [reason: " "])
        def cancelled = api("POST", "/api/rounds/$round.id/cancel", who.commissioner, [reason: "Partners withdrew their budgets"])
        def again = api("POST", "/api/rounds/$round.id/cancel", who.commissioner, [reason: "again"])

        then:
        noReason.status == HttpStatus.BAD_REQUEST
        cancelled.body.status == "CANCELLED"
        cancelled.body.cancelledReason == "Partners withdrew their budgets"
        again.status == HttpStatus.CONFLICT
        api("GET", "/api/rounds/$round.id/history", who.commissioner).body.last().reason == "Cancelled: Partners withdrew their budgets"
    }
}
