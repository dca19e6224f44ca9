package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.access.Organisation
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.award.application.ComputingAward
import org.levelfield.common.database.SqlStatistics
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture

import java.time.Instant

/**
 * Issue 13, section 3, as behaviour rather than timing (the timings are in docs/benchmarks.md):
 * computing an award runs the same number of SQL statements however many tenders the round has,
 * and the justification is issued once per version of the award, later downloads serving the
 * stored file.
 */
@MicronautTest(transactional = false)
class AwardWorkSpec extends IntegrationSpec {

    static final Instant DEADLINE = Instant.parse("2026-12-21T12:00:00Z")
    @Inject SqlStatistics statistics
    @Inject ComputingAward computing

    /** A closed, scored round with n tenders on its second lot, from n organisations of their own. */
    Map scoredRound(Map who, int n) {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(DEADLINE)).body, who.commissioner).body.round
        def lot = round.lots[1]
        def ids = (1..n).collect { i ->
            def org = organisations.save(new Organisation(UUID.randomUUID(), "Bidder $i ${UUID.randomUUID()}".toString(), "GB-COH-" + uniqueDigits(8), Instant.now()))
            completeProfile(org.id(), "COMPANY", 500_000_000, 80, "AUDITED")
            def user = accounts.save(new UserAccount(UUID.randomUUID(), "work-${org.id()}", "Bidder $i", PasswordHasher.hash(PASSWORD), Role.BIDDER, org.id(), Instant.now()))
            def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", login(user.username()), RoundFixture.tender(lot, 24_000_000 + i * 100_000))
            assert reply.status == HttpStatus.CREATED
            reply.body.tenderId
        }
        seatPanel(round, who)
        clock.set(DEADLINE.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        ids.each { id -> ["evaluator", "evaluator2"].each { e ->
            assert api("POST", "/api/tenders/$id/scores", who[e], RoundFixture.scores(lot, [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Panel")).status == HttpStatus.CREATED
        } }
        round
    }

    def "computing the award runs as many SQL statements for 8 tenders as for 2"() {
        given:
        def who = people()
        def commissioner = api("GET", "/api/me", who.commissioner).body
        def actor = new org.levelfield.common.identity.Actor(UUID.fromString(commissioner.userId as String), commissioner.username as String, "Commissioner",
                Role.COMMISSIONER, null, [])
        def small = scoredRound(who, 2)
        def large = scoredRound(who, 8)

        when:
        def forSmall = statistics.counting { computing.compute(UUID.fromString(small.id as String), actor) }
        def forLarge = statistics.counting { computing.compute(UUID.fromString(large.id as String), actor) }

        then: "the same statements, more rows"
        forSmall.result().value().lots()[1].tenders().size() == 2
        forLarge.result().value().lots()[1].tenders().size() == 8
        forLarge.statements() == forSmall.statements()
        forLarge.rows() > forSmall.rows()
    }

    def "the justification is issued once per version of what it says: a second download serves the same file; a change to it issues a new one"() {
        given:
        def who = people()
        def round = scoredRound(who, 2)
        api("POST", "/api/rounds/$round.id/award", who.commissioner)
        long before = count("issued_document", "round_id = ?", UUID.fromString(round.id as String))

        when:
        def first = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        def second = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.scrutiny)
        long afterTwo = count("issued_document", "round_id = ?", UUID.fromString(round.id as String))
        def tender = api("GET", "/api/rounds/$round.id/tenders", who.commissioner).body[0]
        assert api("POST", "/api/tenders/$tender.id/abnormally-low/notify", who.commissioner, [question: "How is the price achieved?"]).status == HttpStatus.OK
        def afterNotice = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)
        sql.update("update round set status = 'EVALUATION' where id = ?", UUID.fromString(round.id as String))
        clock.advance(java.time.Duration.ofMinutes(5))
        assert api("POST", "/api/rounds/$round.id/award", who.commissioner).status == HttpStatus.OK
        def third = api("GET", "/api/rounds/$round.id/award/justification.pdf", who.commissioner)

        then:
        first.status == HttpStatus.OK
        second.headers["x-document-id"] == first.headers["x-document-id"]
        second.headers["x-document-sha256"] == first.headers["x-document-sha256"]
        second.bytes == first.bytes
        afterTwo == before + 1

        and: "anything the report says that changed since, such as an abnormally-low step, is a new version"
        afterNotice.headers["x-document-id"] != first.headers["x-document-id"]
        Pdfs.text(afterNotice.bytes).contains("How is the price achieved?")

        and: "so is a new computation"
        third.headers["x-document-id"] != afterNotice.headers["x-document-id"]
        count("issued_document", "round_id = ?", UUID.fromString(round.id as String)) == before + 3
    }
}
