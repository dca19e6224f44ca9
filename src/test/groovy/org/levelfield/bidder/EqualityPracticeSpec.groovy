package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 15 (SEL-03): a lot can publish evidence of equality practice as a condition (a written policy from an
 * organisation with 50 or more staff, a short statement from a smaller one); an organisation says in its profile what
 * it can show and whether the EHRC has acted against it. Falling short of the published condition fails; without the
 * condition, a larger supplier without a policy is flagged for a person; an EHRC action is always for a person.
 */
@MicronautTest(transactional = false)
class EqualityPracticeSpec extends IntegrationSpec {

    def "a 60-person organisation with only a statement fails a lot that asks for a policy, passes once it has one, and an EHRC action is flagged"() {
        given:
        def who = people()
        def request = RoundFixture.aRound(Instant.now().plusSeconds(60 * 86400L))
        request.lots[1].terms = [equalityEvidenceRequired: true]
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, request).body, who.commissioner).body.round
        def asking = round.lots[1]
        def notAsking = round.lots[0]
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body
        def sel03 = { Map lot -> api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body.results.findAll { it.ruleId == "SEL-03" } }

        when: "it has 60 staff and a short statement"
        api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [staffHeadcount: 60, equalityEvidence: "STATEMENT"])
        def statementAsked = sel03(asking)
        def statementNotAsked = sel03(notAsking)

        and: "then a written policy, and it says the EHRC investigated it"
        def saved = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [staffHeadcount: 60, equalityEvidence: "POLICY", ehrcAction: true])
        def policyAsked = sel03(asking)
        def refused = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [equalityEvidence: "MAYBE"])

        then: "where the lot asks, a statement from 60 staff fails; where it does not, a person looks"
        statementAsked*.outcome == ["FAILS"]
        statementAsked[0].message.contains("has 60 staff but gives only a short statement")
        statementNotAsked*.outcome == ["NEEDS_ATTENTION"]

        and: "with a policy it passes; the EHRC action is flagged for a person, never failed"
        saved.body.equalityEvidence == "POLICY"
        saved.body.ehrcAction == true
        policyAsked*.outcome.sort() == ["NEEDS_ATTENTION", "PASSES"]
        policyAsked.find { it.outcome == "NEEDS_ATTENTION" }.message.contains("It is not an automatic exclusion")

        and: "an unknown answer is refused, naming the field"
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors*.field == ["equalityEvidence"]
    }
}
