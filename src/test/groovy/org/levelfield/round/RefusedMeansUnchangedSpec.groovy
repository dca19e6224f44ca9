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
 * once, exactly one succeeds; the others are told it was already closed (409), never a second success. A refused
 * amendment leaves no rule run, finding or audit entry. A scrutiny member reads documents as issued and issues none.
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

    def "an amendment refused by RD-27 leaves no rule run, no finding and no audit entry, and the round's design check is the one it was published on"() {
        given:
        def who = people()
        Instant deadline = Instant.parse("2026-10-15T12:00:00Z")
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        UUID id = UUID.fromString(round.id as String)
        def before = [runs: count("rule_run", "round_id = ?", id), findings: count("finding", "round_id = ?", id),
                      audit: count("audit_entry", "round_id = ?", id)]
        def checkBefore = api("GET", "/api/rounds/$round.id/findings", who.commissioner).body.toString()

        when: "the deadline is not extended, which RD-27 refuses"
        def reply = api("POST", "/api/rounds/$round.id/amendments", who.commissioner,
                [reason: "Rebalance price and quality", newTenderDeadline: deadline.toString(), lots: [[lotId: round.lots[0].id, criteria: AmendmentSpec.rebalanced()]]])

        then:
        reply.status == HttpStatus.UNPROCESSABLE_ENTITY
        reply.body.toString().contains("RD-27")
        [runs: count("rule_run", "round_id = ?", id), findings: count("finding", "round_id = ?", id),
         audit: count("audit_entry", "round_id = ?", id)] == before
        api("GET", "/api/rounds/$round.id/findings", who.commissioner).body.toString() == checkBefore

        cleanup:
        clock.followSystemClock()
    }

    def "a scrutiny member's download serves the document the commissioner issued and writes no issued_document row"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-15T12:00:00Z"))).body, who.commissioner).body.round
        UUID id = UUID.fromString(round.id as String)
        String path = "/api/rounds/$round.id/safeguards.pdf"
        long issuedAtPublication = count("issued_document", "round_id = ?", id)

        when: "scrutiny asks before the commissioner has issued the report"
        long before = count("issued_document", "round_id = ? and kind = 'SAFEGUARDS_REPORT'", id)
        def early = before == 0 ? api("GET", path, who.scrutiny) : null

        then:
        early == null || early.status == HttpStatus.NOT_FOUND
        count("issued_document", "round_id = ?", id) == issuedAtPublication

        when: "the commissioner issues it, then scrutiny downloads it twice"
        def issued = api("GET", path, who.commissioner)
        long afterIssue = count("issued_document", "round_id = ?", id)
        def read = (1..2).collect { api("GET", path, who.scrutiny) }

        then:
        issued.status == HttpStatus.OK
        read.every { it.status == HttpStatus.OK && it.headers.get("x-document-sha256") == issued.headers.get("x-document-sha256") }
        read.every { Arrays.equals(it.bytes, issued.bytes) }
        count("issued_document", "round_id = ?", id) == afterIssue

        cleanup:
        clock.followSystemClock()
    }
}
