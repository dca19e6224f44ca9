package org.levelfield.audit

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.TestDatabase
import org.levelfield.support.RoundFixture
import spock.lang.Shared
import spock.lang.Stepwise

import java.time.Instant

/**
 * Every state change, score, declaration, finding and decision is appended to a hash-chained log;
 * an endpoint verifies the chain; the database refuses to change or remove an entry.
 */
@MicronautTest(transactional = false)
@Stepwise
class AuditTrailSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map receipt
    @Shared Instant deadline = Instant.parse("2027-02-01T12:00:00Z")

    def "a round's life is recorded in order; before the deadline nothing shows who has bid"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-12-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        receipt = api("POST", "/api/rounds/$round.id/lots/${round.lots[0].id}/tenders", who.bidder, RoundFixture.tender(round.lots[0], 80_000_000)).body

        when:
        def entries = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body

        then:
        entries*.kind.containsAll(["STATE_CHANGE", "PARTNER_SIGN_OFF", "RULE_RUN"])
        entries.findAll { it.kind == "STATE_CHANGE" }*.detail.collect { new groovy.json.JsonSlurper().parseText(it).to } == ["DRAFT", "DESIGN_APPROVED", "PUBLISHED"]
        !entries.any { it.kind.startsWith("TENDER_") }
        entries.every { it.hash ==~ /[0-9a-f]{64}/ && it.previousHash ==~ /[0-9a-f]{64}/ }
        api("GET", "/api/rounds/$round.id/audit", who.bidder).status == HttpStatus.FORBIDDEN
    }

    def "after the deadline the receipt, the panel, declarations and scores are there too, and the chain verifies"() {
        given:
        seatPanel(round, who)
        clock.set(deadline.plusSeconds(1))
        api("POST", "/api/rounds/$round.id/close", who.commissioner)
        declareNoConflicts(round, who)
        api("POST", "/api/tenders/$receipt.tenderId/scores", who.evaluator, RoundFixture.scores(round.lots[0], [RACE: 4, DISABILITY: 4, SEX: 4], 4, "Eve"))

        when:
        def kinds = api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body*.kind
        def check = api("GET", "/api/audit/verify", who.scrutiny).body

        then:
        kinds.containsAll(["TENDER_RECEIVED", "PANEL_APPOINTMENT", "CONFLICT_DECLARATION", "SCORE"])
        check.intact
        check.entries > 10
        api("GET", "/api/rounds/$round.id/audit", who.scrutiny).body.find { it.kind == "TENDER_RECEIVED" }.detail.contains(receipt.sha256)
    }

    def "on the real clock, whose instants carry nanoseconds, every entry, receipt and document still verifies"() {
        given: "the service reads the system clock, as it does in real use"
        def live = people()
        clock.followSystemClock()
        assert (1..20).any { clock.instant().nano % 1000 != 0 }: "this machine's clock has no sub-microsecond part to test with"

        when: "a round is created, signed off, approved and published, and a tender received"
        def draft = api("POST", "/api/rounds", live.commissioner, RoundFixture.aRound(Instant.now().plus(java.time.Duration.ofDays(40)))).body
        def published = approveAndPublish(draft, live.commissioner).body.round
        def received = api("POST", "/api/rounds/$published.id/lots/${published.lots[0].id}/tenders", live.bidder, RoundFixture.tender(published.lots[0], 80_000_000)).body
        def check = api("GET", "/api/audit/verify", live.scrutiny).body

        then: "the chain is intact from the first entry"
        check.intact
        check.firstBrokenSeq == null

        and: "the receipt's time is exactly the stored one, and the stored tender matches its hash"
        Instant.parse(received.receivedAt) == sql.query("select submitted_at from tender where id = ?", { rs -> rs.getTimestamp(1).toInstant() } as org.levelfield.common.database.Sql.Row, UUID.fromString(received.tenderId)).first()
        api("GET", "/api/tenders/$received.tenderId/receipt", live.bidder).body.intact

        cleanup:
        clock.set(Instant.now())
    }

    def "the service's own role may not #operation an entry, and even the owner is refused by the trigger"() {
        when: "the service tries, as the ordinary role it connects as"
        sql.update(statement)

        then:
        def e = thrown(Exception)
        (e.message + " " + e.cause?.message).contains("permission denied")

        when: "the database's owner tries"
        TestDatabase.asOwner(TestDatabase.shared(), [[statement]])

        then:
        def o = thrown(Exception)
        o.message.contains("append-only")

        where:
        operation  | statement
        "update"   | "update audit_entry set kind = 'FORGED' where seq = (select min(seq) from audit_entry)"
        "delete"   | "delete from audit_entry where seq = (select max(seq) from audit_entry)"
        "truncate" | "truncate audit_entry"
    }

    def "the service's role cannot switch the audit trail's guard off, skip triggers, or connect as a superuser"() {
        expect:
        sql.one("select rolsuper or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user", { it.getBoolean(1) } as org.levelfield.common.database.Sql.Row).get() == false
        sql.one("select current_user", { it.getString(1) } as org.levelfield.common.database.Sql.Row).get() == "levelfield_app"

        when:
        sql.update(statement)

        then:
        def e = thrown(Exception)
        (e.message + " " + e.cause?.message) =~ /must be owner|permission denied/

        where:
        statement << ["alter table audit_entry disable trigger audit_entry_no_update", "set session_replication_role = replica"]
    }

    def "an entry changed behind the database's back breaks the chain at that entry"() {
        given: "a superuser switches the guard off and edits one score's reason"
        long seq = sql.query("select max(seq) from audit_entry where kind = 'SCORE'", { rs -> rs.getLong(1) } as org.levelfield.common.database.Sql.Row).first()
        String original = sql.query("select detail::text from audit_entry where seq = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, seq).first()
        TestDatabase.asOwner(TestDatabase.shared(), [["alter table audit_entry disable trigger audit_entry_no_update"],
                                                     ["update audit_entry set detail = jsonb_set(detail, '{score}', '\"5\"') where seq = ?", seq]])

        when:
        def check = api("GET", "/api/audit/verify", who.admin).body

        then:
        !check.intact
        check.firstBrokenSeq == seq
        check.problem.contains("changed after it was recorded")

        cleanup:
        TestDatabase.asOwner(TestDatabase.shared(), [["update audit_entry set detail = cast(? as jsonb) where seq = ?", original, seq],
                                                     ["alter table audit_entry enable trigger audit_entry_no_update"]])
        assert api("GET", "/api/audit/verify", who.admin).body.intact
    }
}
