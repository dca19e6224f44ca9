package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, parts 9 and 13: a lot's terms can say how many quality questions the tender asks, which documents every
 * bidder must upload, how often the provider is paid, how many pieces of comparable work in how many years bidders must
 * show, and the insurance cover asked. The design check weighs each (SS-05, RD-20, RD-08); bidders read them on the
 * published round; a bidder's listed work is counted against the number asked (SEL-08).
 */
@MicronautTest(transactional = false)
class BidBurdenSpec extends IntegrationSpec {

    static final Map TERMS = [questionCount: 9, requestedDocuments: ["ANNUAL_ACCOUNTS", "INSURANCE_CERTIFICATES", "SAFEGUARDING_POLICY"],
                              paymentTiming: "ARREARS_ONLY", paymentFrequency: "MONTHLY", minContractCount: 3, experiencePeriodYears: 5,
                              publicContractExperienceOnly: true, publicLiabilityCoverPence: 1_000_000_000, employersLiabilityCoverPence: 500_000_000]

    def "the design check weighs the questions, documents, payment, experience count and cover the lot asks for, and bidders read them"() {
        given: "the £100,000-a-year lot asks for 9 questions, accounts and insurance certificates, 3 public contracts in 5 years, £10m cover, monthly in arrears"
        def who = people()
        def request = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        request.lots[1].terms = TERMS
        def round = api("POST", "/api/rounds", who.commissioner, request).body
        def lotId = round.lots[1].id

        when:
        def findings = api("POST", "/api/rounds/$round.id/design-check", who.commissioner).body.findings
        def about = { String rule -> findings.findAll { it.ruleId == rule }*.message }

        then:
        about("SS-05").any { it.contains("the tender asks 9 quality questions") }
        about("SS-05").any { it.contains("asks every bidder to upload its annual accounts") }
        about("SS-05").any { it.contains("insurance certificates") && it.contains("ask only the winner") }
        !about("SS-05").any { it.toLowerCase().contains("safeguarding") }
        about("RD-20").any { it.contains("carrying £8,333 of delivery (a month's worth)") }
        about("RD-08").any { it.contains("asks for 3 public contracts in 5 years") }
        about("RD-08").any { it.contains("public liability cover of £10,000,000") }

        and: "the terms are kept and published to bidders as set"
        def stored = api("GET", "/api/rounds/$round.id", who.commissioner).body.lots.find { it.id == lotId }.terms
        stored.subMap(TERMS.keySet()) == TERMS
    }

    def "a bidder's listed work is counted against the number asked, of any funding kind, in the period"() {
        given: "a published round whose lot asks for 2 pieces of comparable work in the last 5 years"
        def who = people()
        def request = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        request.lots[1].terms = [minContractCount: 2, experiencePeriodYears: 5]
        def draft = api("POST", "/api/rounds", who.commissioner, request).body
        api("POST", "/api/rounds/$draft.id/design-check", who.commissioner).body.findings.findAll { it.severity == "WARN" }.each {
            api("POST", "/api/rounds/$draft.id/justifications", who.commissioner,
                    [ruleId: it.ruleId, subjectId: it.subjectId, officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Reviewed"])
        }
        def round = approveAndPublish(draft, who.commissioner).body.round
        def lot = round.lots[1]
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body
        int year = java.time.LocalDate.now().year

        when: "it lists one grant-funded piece still running and one that ended 8 years ago"
        api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [experience: [
                [description: "Lottery-funded outreach", kind: "GRANT_FUNDED", valuePerYearPence: 6_000_000, fromYear: year - 3],
                [description: "Old helpline", kind: "VOLUNTEER", fromYear: year - 12, toYear: year - 8]]])
        def short1 = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        and: "then a partnership that ended last year"
        def more = api("GET", "/api/organisations/$org/profile", who.bidder).body
        api("PUT", "/api/organisations/$org/profile", who.bidder, more + [experience: more.experience + [
                [description: "Refuge partnership", kind: "PARTNERSHIP", fromYear: year - 4, toYear: year - 1]]])
        def enough = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body
        def badYears = api("PUT", "/api/organisations/$org/profile", who.bidder, more + [experience: [
                [description: "Backwards", kind: "GRANT_FUNDED", fromYear: 2020, toYear: 2018]]])

        then:
        short1.results.any { it.ruleId == "SEL-08" && it.outcome == "FAILS" && it.message.contains("lists 1 piece of relevant work in the last 5 years") }
        !short1.canBid
        enough.results.any { it.ruleId == "SEL-08" && it.outcome == "PASSES" && it.message.contains("lists 2 pieces of relevant work in the last 5 years") }
        !enough.results.any { it.ruleId == "SEL-08" && it.outcome == "FAILS" }
        badYears.status == HttpStatus.BAD_REQUEST
        badYears.body.errors*.field == ["experience[0].toYear"]
    }

    def "the published round page tells bidders what the lot asks for and what disqualifies a tender"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        request.lots[1].terms = TERMS + [mandatoryItems: ["BSL interpreting at every session"]]
        request.lots[1].criteria.find { it.duty == "RACE" }.minScore = 3
        def draft = api("POST", "/api/rounds", who.commissioner, request).body
        api("POST", "/api/rounds/$draft.id/design-check", who.commissioner).body.findings.findAll { it.severity == "WARN" }.each {
            api("POST", "/api/rounds/$draft.id/justifications", who.commissioner,
                    [ruleId: it.ruleId, subjectId: it.subjectId, officerName: "Pat Officer", officerRole: "Head of Commissioning", justification: "Reviewed"])
        }
        def round = approveAndPublish(draft, who.commissioner).body.round

        when:
        String page = new String(api("GET", "/rounds/$round.id", null).bytes, "UTF-8").replaceAll("\\s+", " ")

        then: "the terms, in words"
        page.contains("Paid in arrears only</span><span>; monthly")
        page.contains("at least 3 pieces of comparable work in the last 5 years")
        page.contains("Public liability: £10,000,000")
        page.contains("Quality questions</dt><dd class=\"govuk-summary-list__value\">9")
        page.contains("<li>Annual accounts</li>")

        and: "what disqualifies: the published minimum, the equality gateway at its frozen levels, the mandatory items; for the other lot, the gateway alone"
        page.contains("What disqualifies a tender")
        page.contains("A score below 3 on Race equality.")
        page.contains("The equality gateway: a score below 2 on any of race, disability and sex equality, or a mean of the three below 3.0.")
        page.contains("Not providing one of the things every tender must provide.")
    }

    def "unknown documents, frequencies and counts are refused naming the field, and nothing is stored"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        request.lots[0].terms = [requestedDocuments: ["PASSPORT"], paymentFrequency: "WEEKLY", minContractCount: 0, questionCount: -1,
                                 experiencePeriodYears: 5, professionalIndemnityCoverPence: 0]
        long rounds = count("round")

        when:
        def reply = api("POST", "/api/rounds", who.commissioner, request)

        then:
        reply.status == HttpStatus.BAD_REQUEST
        reply.body.errors*.field.toSet() == ["lots[0].terms.requestedDocuments[0]", "lots[0].terms.paymentFrequency", "lots[0].terms.minContractCount",
                                             "lots[0].terms.questionCount", "lots[0].terms.professionalIndemnityCoverPence"] as Set
        count("round") == rounds
    }
}
