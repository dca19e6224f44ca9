package org.levelfield.bidder

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 17, part 17 (SEL-10): an organisation says in its profile whether it is part of a group, or has linked or partner
 * enterprises, and names the group's parent; its check and its tender then flag the SME classification for a person,
 * as information that never fails or scores the bid.
 */
@MicronautTest(transactional = false)
class LinkedEnterprisesSpec extends IntegrationSpec {

    def "a subsidiary records its group in the profile, and its check flags the classification for a person"() {
        given:
        def who = people()
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plusSeconds(30 * 86400L))).body,
                who.commissioner).body.round
        def lot = round.lots[1]
        String org = api("GET", "/api/me", who.bidder).body.organisationId
        def profile = api("GET", "/api/organisations/$org/profile", who.bidder).body
        def before = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body

        when:
        def saved = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [linkedEnterprises: true, groupParent: "  Careworks Holdings plc "])
        def after = api("POST", "/api/rounds/$round.id/lots/$lot.id/eligibility-check/mine", who.bidder).body
        def refused = api("PUT", "/api/organisations/$org/profile", who.bidder, profile + [linkedEnterprises: true, groupParent: "x" * 301])

        then: "before, no flag; after, one, naming the parent, under s123 of the Act (a round of 2026)"
        !before.results.any { it.ruleId == "SEL-10" && it.outcome == "NEEDS_ATTENTION" }
        saved.status == HttpStatus.OK
        saved.body.linkedEnterprises == true
        saved.body.groupParent == "Careworks Holdings plc"
        def flagged = after.results.findAll { it.ruleId == "SEL-10" && it.outcome == "NEEDS_ATTENTION" }
        flagged.size() == 1
        flagged[0].message.contains("(its parent is Careworks Holdings plc)")
        flagged[0].message.contains("Section 123 classifies the supplier by its own staff, turnover and balance sheet")
        after.canBid == before.canBid

        and: "a parent's name over 300 characters is refused naming the field, and the saved one stays"
        refused.status == HttpStatus.BAD_REQUEST
        refused.body.errors*.field == ["groupParent"]
        api("GET", "/api/organisations/$org/profile", who.bidder).body.groupParent == "Careworks Holdings plc"
    }
}
