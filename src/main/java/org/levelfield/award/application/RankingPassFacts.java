package org.levelfield.award.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.clarification.Clarifications;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.scoring.LotMethod;
import org.levelfield.rules.facts.scoring.LotRanking;
import org.levelfield.rules.facts.scoring.SupplierWins;
import org.levelfield.rules.facts.Thresholds;

/**
 * The facts of the award's last scoring pass, on each lot's calculated result after the lot limit:
 * ties and near ties (SC-10, SC-11), the lot limit as applied (SC-13, from {@link LotLimits}), the
 * published method (SC-06) and the clarification record (SC-14).
 */
@Singleton
class RankingPassFacts {

    private final Clarifications clarifications;

    RankingPassFacts(Clarifications clarifications) {
        this.clarifications = clarifications;
    }

    List<Object> of(Round round, List<LotResult> lots, List<SupplierWins> wins, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        lots.forEach(l -> facts.add(ranking(l)));
        facts.addAll(wins);
        for (LotResult l : lots) {
            Lot lot = round.lot(l.lotId()).orElseThrow();
            var terms = lot.terms() == null ? org.levelfield.round.model.LotTerms.NONE : lot.terms();
            facts.add(new LotMethod(lot.id().toString(), lot.title(), thresholds.scaleMax(),
                    lot.priceCriterion().map(Criterion::weight).orElse(null), lot.terms() == null ? null : terms.priceMode(),
                    l.lowestCompliantPricePence(), l.tenders().size(), (int) l.tenders().stream().filter(t -> !t.disqualified()).count(),
                    Boolean.TRUE.equals(terms.specialist()), terms.userGroups(), terms.preTenderEstimatePence()));
        }
        facts.addAll(clarifications.records(round.id()));
        return facts;
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
