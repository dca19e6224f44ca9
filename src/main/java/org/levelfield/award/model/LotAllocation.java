package org.levelfield.award.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The published lot limit applied (SC-13; PA 2023 s23(4), PCR 2015 reg 46(5)): a supplier ranked
 * first in more lots than the limit keeps as many as the limit allows, chosen by the published
 * method, and each lot it gives up goes to the next-ranked compliant tender of another supplier,
 * who may in turn be over the limit. A supplier never gets back a lot it gave up. A lot whose next
 * place is shared, or that has no other compliant tender, is left without a provisional winner.
 */
public final class LotAllocation {

    private LotAllocation() {
    }

    /** How a supplier over the limit chooses the lots it keeps. */
    public enum Method {
        /** the lots of highest published value first */
        HIGHEST_VALUE_FIRST,
        /** the lots where its lead over the next-ranked tender is largest first (a lot with no next tender first of all) */
        LARGEST_LEAD_FIRST
    }

    public record Candidate(UUID tenderId, UUID organisationId, String bidder, int rank, BigDecimal total) {
    }

    /** A lot's compliant tenders in rank order, and its published value. */
    public record LotCandidates(UUID lotId, String lot, long valuePence, List<Candidate> ranked) {
    }

    /** A lot a supplier gave up because of the limit, and where it went (null if nowhere). */
    public record Release(UUID lotId, String lot, String from, String to) {
    }

    /** Each lot's winner after the limit (lot id to tender id; null where none), and every lot given up on the way. */
    public record Result(Map<UUID, UUID> winners, List<Release> releases) {
    }

    public static Result allocate(int limit, Method method, List<LotCandidates> lots) {
        Map<UUID, LotCandidates> byId = new LinkedHashMap<>();
        lots.forEach(l -> byId.put(l.lotId(), l));
        Map<UUID, Candidate> holder = new LinkedHashMap<>();
        lots.forEach(l -> holder.put(l.lotId(), soleAt(l.ranked(), 1, Set.of())));
        Map<UUID, Set<UUID>> givenUp = new HashMap<>();
        List<Release> releases = new ArrayList<>();
        UUID over;
        while ((over = firstOverLimit(holder, limit)) != null) {
            UUID supplier = over;
            List<UUID> held = holder.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().organisationId().equals(supplier))
                    .map(Map.Entry::getKey).sorted(keepOrder(method, byId, holder)).toList();
            for (UUID lotId : held.subList(limit, held.size())) {
                LotCandidates lot = byId.get(lotId);
                String from = holder.get(lotId).bidder();
                givenUp.computeIfAbsent(lotId, k -> new HashSet<>()).add(supplier);
                Candidate next = next(lot, givenUp.get(lotId));
                holder.put(lotId, next);
                releases.add(new Release(lotId, lot.lot(), from, next == null ? null : next.bidder()));
            }
        }
        Map<UUID, UUID> winners = new LinkedHashMap<>();
        holder.forEach((lot, c) -> winners.put(lot, c == null ? null : c.tenderId()));
        return new Result(winners, List.copyOf(releases));
    }

    /** The supplier (by name, for a stable order) holding more lots than the limit, or null if none. */
    private static UUID firstOverLimit(Map<UUID, Candidate> holder, int limit) {
        Map<UUID, List<Candidate>> bySupplier = new HashMap<>();
        holder.values().stream().filter(java.util.Objects::nonNull).forEach(c -> bySupplier.computeIfAbsent(c.organisationId(), k -> new ArrayList<>()).add(c));
        return bySupplier.values().stream().filter(l -> l.size() > limit).map(List::getFirst)
                .min(Comparator.comparing(Candidate::bidder)).map(Candidate::organisationId).orElse(null);
    }

    private static Comparator<UUID> keepOrder(Method method, Map<UUID, LotCandidates> lots, Map<UUID, Candidate> holder) {
        Comparator<UUID> order = switch (method) {
            case HIGHEST_VALUE_FIRST -> Comparator.comparing((UUID id) -> lots.get(id).valuePence()).reversed();
            case LARGEST_LEAD_FIRST -> Comparator.comparing((UUID id) -> lead(lots.get(id), holder.get(id)), Comparator.reverseOrder());
        };
        return order.thenComparing(id -> lots.get(id).lot());
    }

    /** The holder's lead over the best tender of another supplier below it; the largest possible if there is none. */
    private static BigDecimal lead(LotCandidates lot, Candidate holder) {
        return lot.ranked().stream().filter(c -> !c.organisationId().equals(holder.organisationId()) && c.rank() > holder.rank())
                .findFirst().map(c -> holder.total().subtract(c.total())).orElse(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    /** The best-ranked tender of a supplier that has not given the lot up, if it alone holds that rank. */
    private static Candidate next(LotCandidates lot, Set<UUID> gaveUp) {
        return lot.ranked().stream().filter(c -> !gaveUp.contains(c.organisationId())).findFirst()
                .map(c -> soleAt(lot.ranked(), c.rank(), gaveUp)).orElse(null);
    }

    private static Candidate soleAt(List<Candidate> ranked, int rank, Set<UUID> gaveUp) {
        List<Candidate> at = ranked.stream().filter(c -> c.rank() == rank && !gaveUp.contains(c.organisationId())).toList();
        return at.size() == 1 ? at.getFirst() : null;
    }
}
