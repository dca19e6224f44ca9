package org.levelfield.bidder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.rules.facts.Thresholds;

/**
 * Published rounds as the anonymous eligibility self-check reads them, held in memory for a few seconds
 * ({@code levelfield.self-check.cache}, {@code LEVELFIELD_SELF_CHECK_CACHE}, 5 s by default; 0 turns it off). A
 * published round's lots, conditions, ruleset and thresholds change only by an amendment, and the self-check stores
 * nothing and decides nothing, so an answer at most that old is sound; submitting a tender always reads the database.
 * Rounds not yet published are never held. At most {@value #MAX_ROUNDS} rounds are held at once.
 */
@Singleton
public class PublishedRoundCache {

    static final int MAX_ROUNDS = 500;

    /**
     * A published round with the thresholds it is checked by, and when it was read. It also keeps the facts each of its
     * lots is checked with on one day (the round's facts without the other lots', and what the regime rules derive from
     * them: the duties and procurement law in force), made by the first check of that lot that day: they depend only on
     * the round, its thresholds and the day, and the facts are records the rules cannot change. A check on a later day
     * makes them again, since the law in force is judged on the day of the check.
     */
    public static final class Held {

        private final Round round;
        private final Thresholds thresholds;
        private final long readAtNanos;
        private volatile LotFacts lotFacts;

        private record LotFacts(LocalDate day, Map<UUID, List<Object>> byLot) {
        }

        public Held(Round round, Thresholds thresholds, long readAtNanos) {
            this.round = round;
            this.thresholds = thresholds;
            this.readAtNanos = readAtNanos;
        }

        public Round round() {
            return round;
        }

        public Thresholds thresholds() {
            return thresholds;
        }

        long readAtNanos() {
            return readAtNanos;
        }

        /** The facts the lot is checked with on this day: kept from an earlier check that day, else made by {@code make}. */
        public List<Object> lotFacts(UUID lotId, LocalDate day, Supplier<List<Object>> make) {
            LotFacts kept = lotFacts;
            if (kept == null || !kept.day().equals(day)) {
                kept = new LotFacts(day, new ConcurrentHashMap<>());
                lotFacts = kept;
            }
            return kept.byLot().computeIfAbsent(lotId, id -> List.copyOf(make.get()));
        }
    }

    private final Rounds rounds;
    private final long ttlNanos;
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    public PublishedRoundCache(Rounds rounds, @Value("${levelfield.self-check.cache:5s}") Duration ttl) {
        this.rounds = rounds;
        this.ttlNanos = ttl.toNanos();
    }

    /** The published (or later) round, from memory if it was read recently enough, else from the database. */
    public Optional<Held> published(UUID roundId, java.util.function.Function<Round, Thresholds> thresholds) {
        long now = System.nanoTime();
        Held known = held.get(roundId);
        if (known != null && now - known.readAtNanos() < ttlNanos) {
            return Optional.of(known);
        }
        Optional<Held> read = rounds.find(roundId)
                .filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                .map(r -> new Held(r, thresholds.apply(r), now));
        if (ttlNanos > 0) {
            read.ifPresentOrElse(r -> {
                if (held.size() >= MAX_ROUNDS) {
                    held.clear();
                }
                held.put(roundId, r);
            }, () -> held.remove(roundId));
        }
        return read;
    }
}
