package org.levelfield.audit

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import org.levelfield.common.audit.AuditTrail
import org.levelfield.common.database.DatabaseTarget
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.Pdfs
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import spock.lang.Shared
import spock.lang.Stepwise

import java.sql.DriverManager
import java.time.Instant

/**
 * Issue 15, part 4: the audit trail's head is printed in every issued document and kept with it; verify shows the
 * chain still leads through every head that was published, and reports a missing entry. Someone with full control of
 * the database (a superuser) who rewrites an entry and every hash after it gets a chain consistent with itself, and
 * verify still reports the break, against the last published head. Runs on a database of its own: it breaks the chain.
 */
@MicronautTest(transactional = false)
@Stepwise
class AuditAnchorSpec extends IntegrationSpec {

    static DatabaseTarget target = TestDatabase.fresh()
    @Shared Map<String, String> who
    @Shared Map round
    @Shared Map anchor

    @Override
    Map<String, String> getProperties() {
        TestDatabase.properties(target) + ["levelfield.demo.seed": "false", "levelfield.closing.enabled": "false"]
    }

    /** As the database's owner, with the append-only triggers off: what a superuser could do. */
    void asOwner(Closure work) {
        DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password()).withCloseable { c ->
            c.autoCommit = false
            c.createStatement().execute("alter table audit_entry disable trigger audit_entry_no_update")
            work(c)
            c.createStatement().execute("alter table audit_entry enable trigger audit_entry_no_update")
            c.commit()
        }
    }

    /** Rewrites every entry's previous hash and hash from {@code fromSeq} on, so that the chain is consistent again. */
    static void rehash(java.sql.Connection c, long fromSeq) {
        def rows = []
        c.prepareStatement("select seq, recorded_at, round_id, actor_id, kind, subject, detail::text from audit_entry where seq >= ? order by seq").with {
            setLong(1, fromSeq)
            def rs = executeQuery()
            while (rs.next()) {
                rows << [seq: rs.getLong(1), at: rs.getTimestamp(2).toInstant(), round: rs.getObject(3, UUID), actor: rs.getObject(4, UUID),
                         kind: rs.getString(5), subject: rs.getString(6), detail: rs.getString(7)]
            }
        }
        def before = c.prepareStatement("select hash from audit_entry where seq < ? order by seq desc limit 1")
        before.setLong(1, fromSeq)
        def rs = before.executeQuery()
        String previous = rs.next() ? rs.getString(1) : "0" * 64
        rows.each { r ->
            String canonical = AuditTrail.canonicalDetail(r.detail)
            String hash = AuditTrail.hash(previous, r.at, r.round, r.actor, r.kind, r.subject, canonical)
            c.prepareStatement("update audit_entry set previous_hash = ?, hash = ? where seq = ?").with {
                setString(1, previous); setString(2, hash); setLong(3, r.seq); executeUpdate()
            }
            previous = hash
        }
    }

    def "an issued document prints the head of the trail, which is kept with it, and verify checks the chain leads through it"() {
        given:
        who = people()
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-10-15T12:00:00Z"))).body, who.commissioner).body.round

        when:
        def head = sql.one("select seq, hash from audit_entry order by seq desc limit 1", { [seq: it.getLong(1), hash: it.getString(2)] }).get()
        def pdf = api("GET", "/api/rounds/$round.id/safeguards.pdf", who.commissioner)
        anchor = sql.one("select audit_seq, audit_hash from issued_document where id = ?::uuid", { [seq: it.getLong(1), hash: it.getString(2)] },
                pdf.headers.get("x-document-id")).get()
        def text = Pdfs.text(pdf.bytes)
        def verified = api("GET", "/api/audit/verify", who.admin).body

        then:
        pdf.status == HttpStatus.OK
        anchor == head
        text.contains("audit trail ended at entry ${head.seq}, whose SHA-256 is: ${head.hash}")
        verified.intact
        verified.anchors >= 1
        verified.lastAnchorHolding.seq == head.seq
    }

    def "a superuser who rewrites an entry before the published head, and every hash after it, is caught against that head"() {
        given: "more happens after the document was issued"
        api("POST", "/api/rounds/$round.id/clarifications", who.bidder, [question: "Is an undertaking to hold insurance accepted?"])
        long target = anchor.seq - 2

        when:
        asOwner { c ->
            c.prepareStatement("update audit_entry set subject = subject || ' (rewritten)' where seq = ?").with { setLong(1, target); executeUpdate() }
            rehash(c, target)
        }
        def verified = api("GET", "/api/audit/verify", who.admin).body

        then: "the chain is consistent with itself, but no longer leads through the head printed in the document"
        !verified.intact
        verified.firstBrokenSeq == anchor.seq
        verified.problem.contains("entry $anchor.seq no longer has the hash printed in the safeguards report issued at")
    }

    def "an entry removed, with the chain relinked around it, is reported as missing"() {
        given:
        long removed = anchor.seq - 1

        when:
        asOwner { c ->
            c.prepareStatement("delete from audit_entry where seq = ?").with { setLong(1, removed); executeUpdate() }
            rehash(c, 1)
        }
        def verified = api("GET", "/api/audit/verify", who.admin).body

        then:
        !verified.intact
        verified.problem.startsWith("entry $removed is missing: the entries jump from ${removed - 1} to ${removed + 1}")
    }
}
