package org.levelfield.award.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.award.model.LotAllocation;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.rules.facts.scoring.SupplierWins;
import org.levelfield.tender.model.Tender;

/**
 * The published lot limit applied to the calculated lots (SC-13): which lots each supplier ranked
 * first keeps under the published mechanism, where the others go, and the facts SC-13 reads.
 */
final class LotLimits {

    private LotLimits() {
    }

    record Applied(List<LotResult> lots, List<SupplierWins> wins) {
    }

    static Applied apply(Round round, List<LotResult> lots, List<Tender> submitted) {
        RoundDetails details = round.details() == null ? RoundDetails.NONE : round.details();
        Map<UUID, UUID> organisationOf = new LinkedHashMap<>();
        submitted.forEach(t -> organisationOf.put(t.id(), t.organisationId()));
        Integer limit = details.maxLotsPerSupplier();
        String method = details.lotAllocation();
        LotAllocation.Result allocated = limit == null || method == null ? null
                : LotAllocation.allocate(limit, LotAllocation.Method.valueOf(method), candidates(round, lots, organisationOf));
        List<LotResult> after = allocated == null ? lots : lots.stream().map(l -> allocatedLot(l, allocated)).toList();
        return new Applied(after, wins(lots, after, organisationOf, details, allocated));
    }

    private static List<LotAllocation.LotCandidates> candidates(Round round, List<LotResult> lots, Map<UUID, UUID> organisationOf) {
        return lots.stream().map(l -> new LotAllocation.LotCandidates(l.lotId(), l.lot(),
                round.lot(l.lotId()).map(Lot::valueInclVatPence).orElse(0L),
                l.tenders().stream().filter(t -> t.rank() != null).map(t -> new LotAllocation.Candidate(t.tenderId(),
                        organisationOf.get(t.tenderId()), t.bidder(), t.rank(), t.total())).toList())).toList();
    }

    private static LotResult allocatedLot(LotResult lot, LotAllocation.Result allocated) {
        UUID winner = allocated.winners().get(lot.lotId());
        if (Objects.equals(winner, lot.provisionalWinner())) {
            return lot;
        }
        String why = allocated.releases().stream().filter(r -> r.lotId().equals(lot.lotId()))
                .map(r -> r.from() + ", ranked above, is over the limit and gives this lot up" + (r.to() == null ? ", and no other compliant tender can take it" : ""))
                .reduce((a, b) -> a + "; then " + b).orElse("") + ".";
        return lot.allocatedTo(winner, why);
    }

    /** For each supplier ranked first in some lot: those lots, the limit, the mechanism, and what it keeps and gives up. */
    private static List<SupplierWins> wins(List<LotResult> before, List<LotResult> after, Map<UUID, UUID> organisationOf, RoundDetails details,
                                           LotAllocation.Result allocated) {
        Map<UUID, List<LotResult>> first = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (LotResult lot : before) {
            lot.winner().ifPresent(w -> {
                first.computeIfAbsent(organisationOf.get(w.tenderId()), k -> new ArrayList<>()).add(lot);
                names.put(organisationOf.get(w.tenderId()), w.bidder());
            });
        }
        List<SupplierWins> wins = new ArrayList<>();
        first.forEach((organisation, lots) -> {
            List<String> kept = new ArrayList<>();
            List<String> givenUp = new ArrayList<>();
            for (LotResult lot : lots) {
                LotResult now = after.stream().filter(a -> a.lotId().equals(lot.lotId())).findFirst().orElseThrow();
                if (Objects.equals(now.provisionalWinner(), lot.provisionalWinner())) {
                    kept.add(lot.lot());
                } else {
                    givenUp.add(lot.lot() + ", to " + now.winner().map(TenderResult::bidder).orElse("no one (no other compliant tender can take it)"));
                }
            }
            wins.add(new SupplierWins(organisation.toString(), names.get(organisation), lots.stream().map(LotResult::lot).toList(),
                    details.maxLotsPerSupplier(), details.lotLimitMechanism(), allocated == null ? null : details.lotAllocation(), kept, givenUp));
        });
        return wins;
    }
}
