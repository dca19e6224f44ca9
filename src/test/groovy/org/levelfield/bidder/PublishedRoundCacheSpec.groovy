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
        def round = publishedRound(who)
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

    def "a held round's facts for a lot are made by the first check of that lot on a day, and made again on the next day"() {
        given:
        def held = new PublishedRoundCache.Held(null, null, 0L)
        def lotA = UUID.randomUUID()
        def lotB = UUID.randomUUID()
        def monday = java.time.LocalDate.of(2026, 12, 7)
        int made = 0
        def make = { String tag -> { -> made++; [tag, made] as List<Object> } as java.util.function.Supplier<List<Object>> }

        when:
        def first = held.lotFacts(lotA, monday, make("A"))
        def second = held.lotFacts(lotA, monday, make("A"))
        def other = held.lotFacts(lotB, monday, make("B"))
        def nextDay = held.lotFacts(lotA, monday.plusDays(1), make("A"))

        then: "one making per lot and day; the list kept cannot be changed by a caller"
        made == 3
        second.is(first)
        first == ["A", 1]
        other == ["B", 2]
        nextDay == ["A", 3]

        when:
        first.add("changed")

        then:
        thrown(UnsupportedOperationException)
    }

    def "the self-check answers the same from the kept facts as from facts made afresh, for each lot"() {
        given:
        def who = people()
        def round = publishedRound(who)
        def roundId = UUID.fromString(round.id as String)

        expect:
        round.lots.size() > 1
        round.lots.every { lot ->
            def lotId = UUID.fromString(lot.id as String)
            def kept = [checking.check(roundId, lotId, profileRecord()), checking.check(roundId, lotId, profileRecord())]
            def stored = applicationContext.getBean(org.levelfield.round.infrastructure.Rounds).find(roundId).get()
            def afresh = checking.evaluate(stored, stored.lot(lotId).get(), profileRecord())
            kept.every { it == afresh } && afresh.lot() == lot.title
        }
    }

    /** A round published on 1 December 2026 with its deadline on 1 February 2027, the clock left at its publication. */
    Map publishedRound(Map who) {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"))
        approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2027-02-01T12:00:00Z"))).body, who.commissioner).body.round
    }

        CheckingEligibility.Profile profileRecord() {
        applicationContext.getBean(io.micronaut.json.JsonMapper).readValue(groovy.json.JsonOutput.toJson(profile()), CheckingEligibility.Profile)
    }
}
