package org.levelfield.round

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/**
 * Issue 15, part 9: refused means unchanged. Of many commissioners' requests closing the same round at
 * once, exactly one succeeds; the others are told it was already closed (409), never a second success.
 */
@MicronautTest(transactional = false)
class RefusedMeansUnchangedSpec extends IntegrationSpec {

    def "closing a round that another request is closing at the same moment gives one success and says 'already closed' to the rest"() {
        given:
        def who = people()
        clock.set(Instant.now().minus(Duration.ofDays(40)))
        def design = RoundFixture.aRound(Instant.now().minus(Duration.ofHours(1)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        clock.followSystemClock()
        def pool = Executors.newFixedThreadPool(8)

        when:
        // Read once here: the parsed JSON maps are not safe to read from several threads at once.
        String close = "/api/rounds/${round.id}/close"
        String token = who.commissioner
        def statuses = pool.invokeAll((1..8).collect { { -> api("POST", close, token).status } as Callable }).collect { it.get() }
        def changes = count("round_status_change", "round_id = ? and to_status = 'CLOSED'", UUID.fromString(round.id as String))

        then:
        statuses.count { it == HttpStatus.OK } == 1
        statuses.findAll { it != HttpStatus.OK }.every { it == HttpStatus.CONFLICT }
        changes == 1

        cleanup:
        pool?.shutdown()
        clock.followSystemClock()
    }
}
