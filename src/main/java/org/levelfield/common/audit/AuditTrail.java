package org.levelfield.common.audit;

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
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.Hashing;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;

/**
 * The append-only, hash-chained audit trail. Each entry's hash is the SHA-256 of the previous
 * entry's hash and the entry's own content in a fixed layout; {@link #verify()} recomputes the chain
 * from the first entry. Appends are serialised by a transaction-scoped advisory lock, so the chain
 * has one order even with several instances.
 */
@Singleton
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK = 0x4c6576656cL;
    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public record Entry(long seq, Instant recordedAt, UUID roundId, UUID actorId, String kind, String subject, String detail,
                        String previousHash, String hash) {
    }

    public record Verification(long entries, boolean intact, Long firstBrokenSeq, String problem, String lastHash) {
    }

    private final Sql sql;
    private final Clock clock;

    public AuditTrail(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Appends an entry in the caller's transaction (or its own): it lands with the change it records, or not at all. */
    @Transactional
    public void append(String kind, UUID roundId, UUID actorId, String subject, Map<String, ?> detail) {
        sql.query("select pg_advisory_xact_lock(?)", rs -> null, LOCK);
        String previous = sql.one("select hash from audit_entry order by seq desc limit 1", rs -> rs.getString(1)).orElse(GENESIS);
        Instant at = ClockFactory.stored(clock.instant());
        String json = canonical(detail);
        String hash = hash(previous, at, roundId, actorId, kind, subject, json);
        sql.update("""
                insert into audit_entry(recorded_at, round_id, actor_id, kind, subject, detail, previous_hash, hash)
                values (?,?,?,?,?, cast(? as jsonb),?,?)""", at, roundId, actorId, kind, subject, json, previous, hash);
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

    /** Recomputes every hash from the first entry; reports the first entry that does not match. */
    public Verification verify() {
        List<Entry> all = sql.query("select * from audit_entry order by seq", AuditTrail::row);
        java.util.Set<UUID> sealed = sealedRounds();
        long visible = 0;
        String lastVisible = GENESIS;
        String previous = GENESIS;
        for (Entry e : all) {
            if (!e.previousHash().equals(previous)) {
                return new Verification(visible, false, e.seq(), "entry " + e.seq() + " does not point at the entry before it", null);
            }
            String expected = hash(previous, e.recordedAt(), e.roundId(), e.actorId(), e.kind(), e.subject(), canonical(read(e.detail())));
            if (!expected.equals(e.hash())) {
                return new Verification(visible, false, e.seq(), "entry " + e.seq() + " was changed after it was recorded", null);
            }
            previous = e.hash();
            if (!(e.roundId() != null && sealed.contains(e.roundId()) && sealedKind(e))) {
                visible++;
                lastVisible = e.hash();
            }
        }
        // Every entry is checked; the count and the head leave out sealed entries, so neither moves when a tender arrives.
        return new Verification(visible, true, null, null, lastVisible);
    }

    static String hash(String previous, Instant at, UUID roundId, UUID actorId, String kind, String subject, String detailJson) {
        return Hashing.sha256(String.join("\n", "levelfield-audit-v1", previous, at.toString(), String.valueOf(roundId),
                String.valueOf(actorId), kind, subject, detailJson));
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
