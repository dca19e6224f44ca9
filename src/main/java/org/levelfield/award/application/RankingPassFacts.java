package org.levelfield.award.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.clarification.Clarifications;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.LotMethod;
import org.levelfield.rules.facts.LotRanking;
import org.levelfield.rules.facts.SupplierWins;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.model.Tender;

/**
 * The facts of the award's last scoring pass, on each lot's calculated result: ties and near ties
 * (SC-10, SC-11), the lot limit (SC-13), the published method (SC-14) and the clarification record.
 */
@Singleton
class RankingPassFacts {

    private final Clarifications clarifications;

    RankingPassFacts(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    List<Object> of(Round round, List<LotResult> lots, List<Tender> submitted, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        lots.forEach(l -> facts.add(ranking(l)));
        facts.addAll(supplierWins(round, lots, submitted));
        for (LotResult l : lots) {
            Lot lot = round.lot(l.lotId()).orElseThrow();
            facts.add(new LotMethod(lot.id().toString(), lot.title(), thresholds.scaleMax(),
                    lot.priceCriterion().map(Criterion::weight).orElse(null), lot.terms() == null ? null : lot.terms().priceMode(),
                    l.lowestCompliantPricePence(), l.tenders().size()));
        }
        facts.addAll(clarifications.records(round.id()));
        return facts;
    }

    /** For each supplier, the lots it would win on the provisional ranking, beside the published lot limit (SC-13). */
    private static List<SupplierWins> supplierWins(Round round, List<LotResult> lots, List<Tender> submitted) {
        Map<UUID, List<String>> won = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (LotResult lot : lots) {
            if (lot.provisionalWinner() == null) {
                continue;
            }
            Tender winner = submitted.stream().filter(t -> t.id().equals(lot.provisionalWinner())).findFirst().orElseThrow();
            won.computeIfAbsent(winner.organisationId(), k -> new ArrayList<>()).add(lot.lot());
            names.put(winner.organisationId(), winner.organisationName());
        }
        var details = round.details();
        return won.entrySet().stream().map(e -> new SupplierWins(e.getKey().toString(), names.get(e.getKey()), e.getValue(),
                details == null ? null : details.maxLotsPerSupplier(), details == null ? null : details.lotLimitMechanism())).toList();
    }

    private static LotRanking ranking(LotResult lot) {
        var ranked = lot.tenders().stream().filter(t -> t.rank() != null).toList();
        var leaders = ranked.stream().filter(t -> t.rank() == 1).toList();
        var next = ranked.stream().filter(t -> t.rank() > 1).findFirst();
        BigDecimal leading = leaders.isEmpty() ? null : leaders.getFirst().total();
        BigDecimal margin = leaders.size() == 1 && next.isPresent() ? leading.subtract(next.get().total()) : null;
        return new LotRanking(lot.lotId().toString(), lot.lot(), leaders.stream().map(AwardCalculation.TenderResult::bidder).toList(),
                leading, next.map(AwardCalculation.TenderResult::bidder).orElse(null), margin, lot.tieBrokenBy());
    }
}
