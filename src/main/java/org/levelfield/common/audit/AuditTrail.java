package org.levelfield.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.Hashing;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * The append-only, hash-chained audit trail. Each entry's hash is the SHA-256 of the previous
 * entry's hash and the entry's own content in a fixed layout; {@link #verify()} recomputes the chain
 * from the first entry. Entries are chained as their transaction commits, under a transaction-scoped advisory lock
 * taken just before the commit, so the chain has one order even with several instances and the lock is held only
 * for the chaining.
 */
@Singleton
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK = 0x4c6576656cL;
    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public record Entry(long seq, Instant recordedAt, UUID roundId, UUID actorId, String kind, String subject, String detail,
                        String previousHash, String hash) {
    }

    /**
     * @param anchors      how many published heads (printed in issued documents) were checked against the chain
     * @param lastAnchorHolding the latest published head that still holds, if any: any rewriting happened after it
     */
    public record Verification(long entries, boolean intact, Long firstBrokenSeq, String problem, String lastHash, int anchors,
                               Anchor lastAnchorHolding) {
        static Verification broken(long visible, long seq, String problem, int anchors, Anchor holding) {
            return new Verification(visible, false, seq, problem, null, anchors, holding);
        }
    }

    /** A head of the chain as printed in an issued document. */
    public record Anchor(long seq, String hash, UUID documentId, String kind, Instant issuedAt) {
    }

    /** The last entry: its number and hash, printed in every issued document. */
    public record Head(long seq, String hash) {
    }

    private final Sql sql;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    public AuditTrail(Sql sql, Clock clock, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Appends an entry in the caller's transaction (or its own): it lands with the change it records, or not at all.
     * The entry is chained as the transaction commits, not now: the lock that gives the chain its one order is taken
     * just before the commit and held only until it, so the work a request does (eligibility rules, scoring, the
     * tender's own rows) runs in parallel with other requests' and only the chaining itself is taken in turn.
     */
    @Transactional
    public void append(String kind, UUID roundId, UUID actorId, String subject, Map<String, ?> detail) {
        String json = canonical(detail);
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("An audit entry is appended inside a transaction"));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                chain((Connection) status.getConnection(), kind, roundId, actorId, subject, json);
            }
        });
    }

    /** Chains one entry on the committing transaction's own connection, under the appending lock. */
    private void chain(Connection connection, String kind, UUID roundId, UUID actorId, String subject, String json) {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)");
             PreparedStatement last = connection.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into audit_entry(seq, recorded_at, round_id, actor_id, kind, subject, detail, previous_hash, hash)
                     values (?,?,?,?,?,?, cast(? as jsonb),?,?)""")) {
            lock.setLong(1, LOCK);
            lock.executeQuery().close();
            Head head = new Head(0, GENESIS);
            try (ResultSet rs = last.executeQuery()) {
                if (rs.next()) {
                    head = new Head(rs.getLong(1), rs.getString(2));
                }
            }
            Instant at = ClockFactory.stored(clock.instant());
            // The number after the last one, taken under the lock: numbers have no gaps, so a missing one is a removed entry.
            insert.setLong(1, head.seq() + 1);
            insert.setTimestamp(2, java.sql.Timestamp.from(at));
            if (roundId == null) insert.setNull(3, java.sql.Types.OTHER); else insert.setObject(3, roundId);
            if (actorId == null) insert.setNull(4, java.sql.Types.OTHER); else insert.setObject(4, actorId);
            insert.setString(5, kind);
            insert.setString(6, subject);
            insert.setString(7, json);
            insert.setString(8, head.hash());
            insert.setString(9, hash(head.hash(), at, roundId, actorId, kind, subject, json));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("The audit entry could not be chained: " + e.getMessage(), e);
        }
    }

    /** The chain's last entry, if any. */
    public java.util.Optional<Head> head() {
        return sql.one("select seq, hash from audit_entry order by seq desc limit 1", rs -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /**
     * A round's entries in order. Until the round's tender deadline, entries about tenders
     * (TENDER_*) are left out: who has bid stays sealed.
     */
    public List<Entry> ofRound(UUID roundId) {
        boolean sealed = sealedRounds().contains(roundId);
        return sql.query("select * from audit_entry where round_id = ? " + (sealed ? "and not " + SEALED_KINDS + " " : "") + "order by seq",
                AuditTrail::row, roundId);
    }

    /**
     * Entries that would say who has bid, or how many: tenders received, revised or withdrawn, and the eligibility
     * rules run on a submission. They stay out of every answer until their round's deadline.
     */
    private static final String SEALED_KINDS = "(kind like 'TENDER\\_%' or (kind = 'RULE_RUN' and subject like 'eligibility%'))";

    private static boolean sealedKind(Entry e) {
        return e.kind().startsWith("TENDER_") || e.kind().equals("RULE_RUN") && e.subject() != null && e.subject().startsWith("eligibility");
    }

    /** Rounds whose tenders are sealed now: before the deadline, or cancelled before they closed (never opened). */
    private java.util.Set<UUID> sealedRounds() {
        return new java.util.HashSet<>(sql.query("select id from round where tender_deadline > ? or (status = 'CANCELLED' and closed_at is null)",
                rs -> rs.getObject(1, UUID.class), clock.instant()));
    }

    /**
     * Recomputes every hash from the first entry and reports the first entry that does not match or is missing (the numbers
     * have no gaps); then checks every head published in an issued document: a chain rewritten from some entry on, hashes and
     * all, is consistent with itself but no longer leads through the heads that were printed after that entry.
     */
    public Verification verify() {
        List<Entry> all = sql.query("select * from audit_entry order by seq", AuditTrail::row);
        List<Anchor> anchors = sql.query("select id, kind, issued_at, audit_seq, audit_hash from issued_document where audit_seq is not null order by audit_seq, issued_at",
                rs -> new Anchor(rs.getLong("audit_seq"), rs.getString("audit_hash"), rs.getObject("id", UUID.class), rs.getString("kind"),
                        Sql.instant(rs, "issued_at")));
        java.util.Set<UUID> sealed = sealedRounds();
        Map<Long, String> hashes = new java.util.HashMap<>();
        long visible = 0;
        String lastVisible = GENESIS;
        String previous = GENESIS;
        long expectedSeq = 1;
        for (Entry e : all) {
            if (e.seq() != expectedSeq) {
                return Verification.broken(visible, expectedSeq, "entry " + expectedSeq + (e.seq() == expectedSeq + 1 ? " is" : " to " + (e.seq() - 1) + " are")
                        + " missing: the entries jump from " + (expectedSeq - 1) + " to " + e.seq(), anchors.size(), holding(anchors, hashes, expectedSeq));
            }
            if (!e.previousHash().equals(previous)) {
                return Verification.broken(visible, e.seq(), "entry " + e.seq() + " does not point at the entry before it", anchors.size(),
                        holding(anchors, hashes, e.seq()));
            }
            String expected = hash(previous, e.recordedAt(), e.roundId(), e.actorId(), e.kind(), e.subject(), canonical(read(e.detail())));
            if (!expected.equals(e.hash())) {
                return Verification.broken(visible, e.seq(), "entry " + e.seq() + " was changed after it was recorded", anchors.size(),
                        holding(anchors, hashes, e.seq()));
            }
            previous = e.hash();
            hashes.put(e.seq(), e.hash());
            expectedSeq++;
            if (!(e.roundId() != null && sealed.contains(e.roundId()) && sealedKind(e))) {
                visible++;
                lastVisible = e.hash();
            }
        }
        Anchor lastHolding = null;
        for (Anchor a : anchors) {
            if (!a.hash().equals(hashes.get(a.seq()))) {
                return Verification.broken(visible, a.seq(), "the trail was rewritten: entry " + a.seq() + (hashes.containsKey(a.seq())
                        ? " no longer has the hash" : " is gone, yet its hash was") + " printed in the " + a.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " issued at " + a.issuedAt() + " (document " + a.documentId() + ")"
                        + (lastHolding == null ? "; no earlier published head holds either" : "; the last published head that still holds is entry "
                        + lastHolding.seq() + ", so the change was made after it"), anchors.size(), lastHolding);
            }
            lastHolding = a;
        }
        // Every entry is checked; the count and the head leave out sealed entries, so neither moves when a tender arrives.
        return new Verification(visible, true, null, null, lastVisible, anchors.size(), lastHolding);
    }

    /** The latest published head at or before an entry found broken, whose hash the chain still matched. */
    private static Anchor holding(List<Anchor> anchors, Map<Long, String> hashes, long brokenSeq) {
        Anchor holding = null;
        for (Anchor a : anchors) {
            if (a.seq() < brokenSeq && a.hash().equals(hashes.get(a.seq()))) {
                holding = a;
            }
        }
        return holding;
    }

    /** The hash of an entry: public so that anyone holding an export of the trail can recompute the chain. */
    public static String hash(String previous, Instant at, UUID roundId, UUID actorId, String kind, String subject, String detailJson) {
        return Hashing.sha256(String.join("\n", "levelfield-audit-v1", previous, at.toString(), String.valueOf(roundId),
                String.valueOf(actorId), kind, subject, detailJson));
    }

    /** An entry's detail, as stored, in the canonical form its hash is taken over (for tools that recompute the chain). */
    public static String canonicalDetail(String storedJson) {
        return canonical(read(storedJson));
    }

    /** Details are kept as text, so what is hashed reads back exactly the same from jsonb. */
    private static String canonical(Map<String, ?> detail) {
        Map<String, String> text = new TreeMap<>();
        (detail == null ? Map.<String, Object>of() : detail).forEach((k, v) -> text.put(k, v == null ? null : String.valueOf(v)));
        try {
            return CANONICAL.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> read(String json) {
        try {
            return CANONICAL.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("seq"), Sql.instant(rs, "recorded_at"), rs.getObject("round_id", UUID.class),
                rs.getObject("actor_id", UUID.class), rs.getString("kind"), rs.getString("subject"), rs.getString("detail"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }
}
