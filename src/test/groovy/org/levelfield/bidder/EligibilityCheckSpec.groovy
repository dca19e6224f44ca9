package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant
import java.time.LocalDate

/**
 * A small women's charity checks, before bidding and without an account, whether it can bid for
 * a lot that asks for audited accounts and insurance in place, and is told rule by rule why and what
 * it can do.
 */
@MicronautTest(transactional = false)
@Stepwise
class EligibilityCheckSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round

    static Map sisterSpace() {
        [name: "Sister Space CIO", legalForm: "CIO", turnoverPence: 30_000_000, staffHeadcount: 8, accountsType: "INDEPENDENT_EXAMINATION",
         insuranceHeld: false, insuranceUndertaking: true, experienceKinds: ["GRANT_FUNDED", "VOLUNTEER"]]
    }

    def "a 2024 round under the 2015 regulations asks for audited accounts and insurance in place; the warnings are justified and it is published"() {
        given:
        who = people()
        clock.set(Instant.parse("2024-06-03T09:00:00Z"))
        def request = RoundFixture.aRound(Instant.parse("2024-08-01T12:00:00Z"), LocalDate.of(2024, 6, 3))
        request.eqia = RoundFixture.fullEqia(LocalDate.of(2024, 5, 1))
        request.details = RoundFixture.goodDetails(LocalDate.of(2024, 5, 1))
        request.lots[0] << [minTurnoverPence: 20_000_000, requiresAuditedAccounts: true, insuranceTiming: "IN_PLACE_BEFORE_AWARD"]
        def draft = api("POST", "/api/rounds", who.commissioner, request).body
        draft.partners.each { api("POST", "/api/rounds/$draft.id/partners/$it.id/sign-off", who.commissioner, [signatory: "Director", signatoryRole: "Director"]) }
        api("POST", "/api/rounds/$draft.id/approve-design", who.commissioner)
        api("POST", "/api/rounds/$draft.id/design-check", who.commissioner).body.findings.findAll { it.severity == "WARN" }.each {
            api("POST", "/api/rounds/$draft.id/justifications", who.commissioner,
                    [ruleId: it.ruleId, subjectId: it.subjectId, officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Legacy requirement under review"])
        }

        when:
        def published = api("POST", "/api/rounds/$draft.id/publish", who.commissioner)
        round = published.body.round

        then:
        published.status == HttpStatus.OK
    }

    def "without an account, the charity is told independent examination is accepted and an insurance undertaking is enough, with sources"() {
        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/eligibility-check", null, sisterSpace())
        def byRule = reply.body.results.groupBy { it.ruleId }

        then:
        reply.status == HttpStatus.OK
        reply.body.canBid
        reply.body.sme
        reply.body.vcse
        with(byRule["SEL-06"].first()) {
            outcome == "PASSES"
            message.contains("independent examination is accepted")
            citation.contains("Procurement Act 2023 s22")
        }
        with(byRule["SEL-07"].first()) {
            outcome == "PASSES"
            message.contains("an undertaking to obtain the required insurance")
        }
        byRule["SEL-04"].first().message.contains("Passes: turnover £300,000 vs required £200,000")
        byRule["SEL-08"].first().outcome == "PASSES"
        byRule["SEL-10"].first().message.contains("For information only")
        reply.body.results.every { it.citation && it.force }
    }

    def "a turnover short of the condition fails, saying what the charity can do"() {
        when:
        def poorer = sisterSpace() + [turnoverPence: 10_000_000]
        def reply = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/eligibility-check", null, poorer)

        then:
        !reply.body.canBid
        with(reply.body.results.find { it.ruleId == "SEL-04" }) {
            outcome == "FAILS"
            message.contains("bid as part of a consortium")
        }
    }

    def "each organisation of a consortium declares for itself: a member's recurring exclusion ground fails the bid and is named; grounds and recurrence of different members do not add up"() {
        when:
        String path = "/api/rounds/$round.id/lots/${round.lots[1].id}/eligibility-check"
        def recurring = api("POST", path, null, sisterSpace() + [consortiumTurnoverPence: 90_000_000, declarants: [
                [name: "Sister Space CIO", member: false, mandatoryExclusionGround: false, recurrenceLikely: false],
                [name: "Northside Ltd", member: true, mandatoryExclusionGround: true, recurrenceLikely: true]]])
        def apart = api("POST", path, null, sisterSpace() + [consortiumTurnoverPence: 90_000_000, declarants: [
                [name: "Northside Ltd", member: true, mandatoryExclusionGround: true, recurrenceLikely: false],
                [name: "Eastside CIC", member: true, mandatoryExclusionGround: false, recurrenceLikely: true]]])

        then:
        !recurring.body.canBid
        with(recurring.body.results.find { it.ruleId == "SEL-01" }) {
            outcome == "FAILS"
            message.startsWith("Northside Ltd (a member of Sister Space CIO's consortium) declares a mandatory exclusion ground that is likely to recur")
        }
        apart.body.results.findAll { it.ruleId == "SEL-01" }*.outcome == ["NEEDS_ATTENTION"]
        apart.body.results.find { it.ruleId == "SEL-01" }.message.startsWith("Northside Ltd (a member of Sister Space CIO's consortium)")
    }

    def "a consortium member's discretionary exclusion ground needs the authority's recorded decision: flagged and named, never failed (issue 17, part 15)"() {
        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/eligibility-check", null, sisterSpace() + [consortiumTurnoverPence: 90_000_000, declarants: [
                [name: "Sister Space CIO", member: false, mandatoryExclusionGround: false, recurrenceLikely: false, discretionaryExclusionGround: false],
                [name: "Northside Ltd", member: true, mandatoryExclusionGround: false, recurrenceLikely: false, discretionaryExclusionGround: true]]])
        def sel01 = reply.body.results.findAll { it.ruleId == "SEL-01" }

        then:
        reply.body.canBid
        sel01*.outcome == ["NEEDS_ATTENTION"]
        sel01[0].message.startsWith("Northside Ltd (a member of Sister Space CIO's consortium) declares a discretionary exclusion ground")
        sel01[0].message.contains("the authority decides whether to exclude")
    }

    def "under the 2015 regulations a company is classified by the EU definition, and one in a group is flagged for a person (issue 17, part 17)"() {
        given: "£43m turnover: within the Act's £44m, but over EUR 50m at the set £0.85 (£42.5m)"
        def company = [name: "Careworks North Ltd", legalForm: "COMPANY", turnoverPence: 4_300_000_000, staffHeadcount: 120, accountsType: "AUDITED",
                       insuranceHeld: true, experienceKinds: ["PUBLIC_CONTRACT"]]

        when:
        def alone = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/eligibility-check", null, company)
        def inGroup = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/eligibility-check", null,
                company + [linkedEnterprises: true, groupParent: "Careworks Holdings plc"])
        def tooLong = api("POST", "/api/rounds/$round.id/lots/${round.lots[1].id}/eligibility-check", null,
                company + [linkedEnterprises: true, groupParent: "x" * 301])

        then: "information, never a failure: not an SME by the EU definition, and within 5% of its limit, so the rate decides"
        def sel10 = alone.body.results.findAll { it.ruleId == "SEL-10" }
        sel10*.outcome.sort() == ["NEEDS_ATTENTION", "PASSES"]
        sel10.find { it.outcome == "PASSES" }.message.contains(
                "is not an SME by the EU definition used under the Public Contracts Regulations 2015 (120 staff, turnover £43,000,000;")
        sel10.find { it.outcome == "NEEDS_ATTENTION" }.message.contains("the exchange rate decides")

        and: "the group is a matter for a person"
        def flagged = inGroup.body.results.findAll { it.ruleId == "SEL-10" && it.message.contains("part of a group") }
        flagged*.outcome == ["NEEDS_ATTENTION"]
        flagged[0].message.contains("(its parent is Careworks Holdings plc), or has linked or partner enterprises. Under the EU definition")
        inGroup.body.canBid == alone.body.canBid
        tooLong.status == HttpStatus.BAD_REQUEST
        tooLong.body.errors*.field == ["groupParent"]
    }

    def "a profile with bad fields is refused naming them, and nothing is stored"() {
        given:
        long notices = count("bidder_notice")

        when:
        def reply = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/eligibility-check", null,
                [name: "", legalForm: "CLUB", turnoverPence: -5, accountsType: "AUDITED"])
        def unknownLot = api("POST", "/api/rounds/$round.id/lots/${UUID.randomUUID()}/eligibility-check", null, sisterSpace())

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field == ["name", "legalForm", "turnoverPence", "staffHeadcount"]
        unknownLot.status == HttpStatus.NOT_FOUND
        count("bidder_notice") == notices
    }
}
