package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Issue 15, part 2: nothing about sealed tenders before the deadline, sideways either. A round cancelled
 * before its deadline never opens its tenders (its moderation sheet stays closed, even once the deadline
 * it had has passed), and a sealed tender answers exactly as an unknown id does.
 */
@MicronautTest(transactional = false)
class SealedSidewaysSpec extends IntegrationSpec {

    def setup() {
        clock.followSystemClock()
    }

    def "a round cancelled before its deadline never shows its tenders on the moderation sheet"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        assert api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).status == HttpStatus.CREATED
        assert api("POST", "/api/rounds/$round.id/cancel", who.commissioner, [reason: "The partnership withdrew its funding."]).status == HttpStatus.OK

        when:
        def before = api("GET", "/api/rounds/$round.id/moderation", who.commissioner)
        clock.set(Instant.now().plus(Duration.ofDays(40)))
        def afterItsDeadline = api("GET", "/api/rounds/$round.id/moderation", who.commissioner)

        then:
        before.status == HttpStatus.FORBIDDEN
        afterItsDeadline.status == HttpStatus.FORBIDDEN
        !new String(before.bytes).contains(who.sisters)
        !new String(afterItsDeadline.bytes).contains(who.sisters)

        cleanup:
        clock.followSystemClock()
    }

    def "before the deadline a sealed tender answers as an unknown id does, to every staff role"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        String tenderId = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).body.tenderId

        expect:
        ["commissioner", "evaluator", "scrutiny", "admin", "bidder2"].each { role ->
            def sealed = api("GET", "/api/tenders/$tenderId", who[role])
            def unknown = api("GET", "/api/tenders/${UUID.randomUUID()}", who[role])
            assert sealed.status == unknown.status: "$role: a sealed tender answered $sealed.status, an unknown one $unknown.status"
            assert sealed.body?.title == unknown.body?.title
        }
    }
}
