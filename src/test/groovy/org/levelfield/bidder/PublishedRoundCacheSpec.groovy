package org.levelfield.bidder

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.common.database.SqlStatistics
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 15, part 10: the anonymous self-check answers from a published round held in memory for a short while, so a
 * crowd of charities checking one round does not read the round from the database on every request; a round not yet
 * published is never held, and once the time is up the round is read again.
 */
@MicronautTest(transactional = false)
@Property(name = "levelfield.self-check.cache", value = "1500ms")
class PublishedRoundCacheSpec extends IntegrationSpec {

    @Inject CheckingEligibility checking
    @Inject SqlStatistics statistics

    static Map profile() {
        EligibilityCheckSpec.sisterSpace()
    }

    def "a published round is read once for many checks, and again once the holding time is up; a draft is never held"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-12-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2027-02-01T12:00:00Z"))).body, who.commissioner).body.round
        def draft = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2027-02-01T12:00:00Z"))).body
        String path = "/api/rounds/$round.id/lots/${round.lots[0].id}/eligibility-check"
        def roundId = UUID.fromString(round.id as String)
        def lotId = UUID.fromString(round.lots[0].id as String)

        when:
        def first = api("POST", path, null, profile())
        def readFirst = statistics.counting { checking.check(roundId, lotId, profileRecord()) }.statements()
        def readSecond = statistics.counting { checking.check(roundId, lotId, profileRecord()) }.statements()
        Thread.sleep(1600)
        def readAfter = statistics.counting { checking.check(roundId, lotId, profileRecord()) }.statements()
        def again = api("POST", path, null, profile())

        then: "the answers are the same, and only the first and the one after the holding time read the database"
        first.status.code == 200
        again.body == first.body
        readFirst == 0
        readSecond == 0
        readAfter > 0

        and: "a draft round is not offered to the self-check, however often it is asked"
        api("POST", "/api/rounds/$draft.id/lots/${draft.lots[0].id}/eligibility-check", null, profile()).status.code == 404
        statistics.counting { try { checking.check(UUID.fromString(draft.id as String), UUID.fromString(draft.lots[0].id as String), profileRecord()) } catch (e) { } }.statements() > 0
    }

    CheckingEligibility.Profile profileRecord() {
        applicationContext.getBean(io.micronaut.json.JsonMapper).readValue(groovy.json.JsonOutput.toJson(profile()), CheckingEligibility.Profile)
    }
}
