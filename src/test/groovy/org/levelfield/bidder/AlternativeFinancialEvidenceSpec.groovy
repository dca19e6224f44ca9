package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 14 (SEL-05): a small charity short of a lot's turnover figure records its reserves and a funder's letter
 * in its profile; its own check and its tender are then considered (SEL-05, for the commissioner to look at) instead of
 * failed (SEL-04). Before, a tender could not say so at all: the alternative evidence never reached the rules.
 */
@MicronautTest(transactional = false)
class AlternativeFinancialEvidenceSpec extends IntegrationSpec {

    def "reserves and a funder's letter in the profile turn a failed turnover test into one the commissioner considers, at the check and in the tender"() {
        given: "Sister Space (income £300,000) and a lot asking for £600,000 turnover"
        def who = people()
        clock.set(Instant.now())
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plusSeconds(30 * 86400L))).body,
                who.commissioner).body.round
        def lot = round.lots[0]
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        def before = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        when: "it records its reserves and its funder's letter"
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body
        def saved = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [reservesPence: 18_000_000,
                funderLetter: "National Lottery Community Fund: £120,000 a year to March 2029"])
        def after = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body
        def tender = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 80_000_000))

        then: "before: the turnover test fails"
        !before.canBid
        before.results.find { it.ruleId == "SEL-04" }.outcome == "FAILS"

        and: "after: stored, and considered rather than failed, at the check and at submission"
        saved.status == HttpStatus.OK
        saved.body.reservesPence == 18_000_000
        saved.body.funderLetter.startsWith("National Lottery Community Fund")
        after.canBid
        !after.results.any { it.ruleId == "SEL-04" && it.outcome == "FAILS" }
        after.results.find { it.ruleId == "SEL-05" }.outcome == "NEEDS_ATTENTION"
        tender.status == HttpStatus.CREATED
        tender.body.eligibility.results.find { it.ruleId == "SEL-05" }.outcome == "NEEDS_ATTENTION"

        cleanup:
        clock.followSystemClock()
    }

    def "negative reserves are refused naming the field, and nothing changes"() {
        given:
        def who = people()
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body

        when:
        def refused = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [reservesPence: -1])

        then:
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors*.field == ["reservesPence"]
        api("GET", "/api/organisations/$org/profile", who.bidder).body.reservesPence == null
    }
}
