package org.levelfield.tender

import io.micronaut.http.HttpStatus
import io.micronaut.web.router.Router
import jakarta.inject.Inject
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

    @Inject Router router

    /** What of an answer may change between two reads for reasons other than tenders: times, and the hashes and ids of new entries. */
    static String masked(String body) {
        (body ?: "").replaceAll(/\d{4}-\d{2}-\d{2}T[0-9:.]+Z/, "<time>").replaceAll(/"(lastHash|sha256)":"[0-9a-f]{64}"/, '"$1":"<hash>"')
                .replaceAll(/\d{1,2}(:\d{2})?(am|pm)/, "<clock>")
                .replaceAll(/"generatedAt":"[^"]*"/, '"generatedAt":"<printed>"')
    }

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

    def "before the deadline the audit trail's verify and a round's entries do not move when a tender arrives, and an amendment does not count tenders"() {
        given:
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        def verifyBefore = api("GET", "/api/audit/verify", who.scrutiny).body
        def entriesBefore = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body

        when:
        assert api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000)).status == HttpStatus.CREATED
        assert api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 26_000_000)).status == HttpStatus.CREATED
        def verifyAfter = api("GET", "/api/audit/verify", who.scrutiny).body
        def entriesAfter = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body
        def amended = api("POST", "/api/rounds/$round.id/amendments", who.commissioner, [reason: "Clearer descriptors",
                newTenderDeadline: Instant.now().plus(Duration.ofDays(45)).toString(),
                lots: [[lotId: lot.id, criteria: RoundFixture.criteria().collect { it.title == "Price" ? it : it + [descriptors: "0 none; 3 credible plan; 5 costed plan with KPIs"] }]]])

        then: "the chain still verifies, and its count and head are as they were"
        verifyAfter.intact
        verifyAfter.entries == verifyBefore.entries
        verifyAfter.lastHash == verifyBefore.lastHash

        and: "the round's entries are as they were: no receipt, no eligibility run"
        entriesAfter*.seq == entriesBefore*.seq

        and: "the amendment is made without saying how many tenders must be sent again"
        amended.status == HttpStatus.OK
        !amended.body.containsKey("tendersToResubmit")
        !new String(amended.bytes).contains(who.sisters) && !new String(amended.bytes).contains(who.generic)
    }

    def "before the deadline, no API answer to any role but the bidder's own differs with the number or identity of tenders"() {
        given: "a published round; the routes every role can ask about it (a draft round of the same partnership is asked too)"
        def who = people()
        def design = RoundFixture.aRound(Instant.now().plus(Duration.ofDays(30)), LocalDate.now())
        Map round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, design).body, who.commissioner).body.round
        Map lot = round.lots[1]
        def paths = router.uriRoutes().toList().findAll { it.httpMethodName == "GET" }*.uriMatchTemplate*.toPathString()
                .findAll { it.startsWith("/api/") && !it.contains("{tenderId}") && !it.contains("{id}/receipt") && !it.contains("attachments") }
                // a PDF download issues a document (a separate part of issue 15): reading it here would change /documents
                .findAll { !it.endsWith(".pdf") }
                .collect { it.replace("{roundId}", round.id as String).replace("{id}", round.id as String).replace("{lotId}", lot.id as String) }
                .findAll { !it.contains("{") }
        def roles = ["anonymous", "commissioner", "evaluator", "scrutiny", "admin", "bidder2"]
        def read = { -> paths.collectEntries { p -> roles.collectEntries { r ->
            def reply = api("GET", p, r == "anonymous" ? null : who[r])
            // A PDF is printed with the time it was printed: its text, not its bytes, is what could tell of tenders.
            String body = reply.contentType?.contains("pdf") ? org.levelfield.support.Pdfs.text(reply.bytes) : new String(reply.bytes)
            [("$r $p".toString()): "$reply.status ${masked(body)}".toString()]
        } } }
        def before = read()

        when: "Sister Space sends tenders for both lots"
        round.lots.each { l -> assert api("POST", "/api/rounds/$round.id/lots/$l.id/tenders", who.bidder, RoundFixture.tender(l, 25_000_000)).status == HttpStatus.CREATED }
        def after = read()
        def changed = before.findAll { k, v -> after[k] != v }.collect { k, v -> "$k\n  before: ${v.take(300)}\n  after:  ${after[k].take(300)}" }

        then: "every answer is as it was"
        paths.size() > 20
        changed.isEmpty()
    }
}
