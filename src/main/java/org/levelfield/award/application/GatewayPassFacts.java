package org.levelfield.award.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.RoundScores;
import org.levelfield.evaluation.UnmetMandatoryItems;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.scoring.CriterionResult;
import org.levelfield.rules.facts.scoring.DutyScore;
import org.levelfield.rules.facts.scoring.LotDuties;
import org.levelfield.rules.facts.scoring.MandatoryItemFact;
import org.levelfield.rules.facts.scoring.TenderEquality;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.model.Tender;

/**
 * The facts of the award's second scoring pass, the gateways, on the scores as capped: mandatory
 * items (SC-09), minimum scores (SC-07) and the equality gateway (EQ-05). Prices are checked after
 * it, against the tenders it leaves in ({@link PricePassFacts}).
 */
@Singleton
class GatewayPassFacts {

    private final UnmetMandatoryItems unmet;

    GatewayPassFacts(UnmetMandatoryItems unmet) {
        this.unmet = unmet;
    }

    List<Object> of(Round round, List<Tender> submitted, RoundScores capped, Thresholds thresholds) {
        Map<Map.Entry<UUID, String>, String> foundUnmet = new java.util.HashMap<>();
        unmet.ofRound(round.id()).forEach(f -> foundUnmet.put(Map.entry(f.tenderId(), f.item()), f.reasons()));
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        round.lots().forEach(l -> facts.add(new LotDuties(l.id().toString(), l.title(),
                l.criteria().stream().filter(c -> c.duty() != null).map(c -> c.duty().name()).filter(LotDuties.GATED::contains).distinct().toList())));
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            t.details().mandatoryItems().forEach(m -> facts.add(new MandatoryItemFact(t.id().toString(), t.organisationName(), m.item(),
                    Boolean.TRUE.equals(m.met()), m.how(), foundUnmet.get(Map.entry(t.id(), m.item())))));
            facts.add(new TenderEquality(t.id().toString(), lot.id().toString(), t.organisationName(),
                    dutyScore(lot, t, capped, Duty.RACE), dutyScore(lot, t, capped, Duty.DISABILITY), dutyScore(lot, t, capped, Duty.SEX)));
            for (Criterion c : lot.evaluatorCriteria()) {
                if (capped.isScored(t.id(), c.id())) {
                    BigDecimal used = capped.used(t.id(), c.id());
                    facts.add(new CriterionResult(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), used, c.minScore()));
                    if (c.duty() != null) {
                        facts.add(new DutyScore(t.id().toString(), t.organisationName(), c.title(), c.duty().name(), used));
                    }
                }
            }
        }
        return facts;
    }

    /** A tender's score for one duty, to 2 places: the mean of the used scores of the lot's criteria for it; null if the lot has none. */
    private static BigDecimal dutyScore(Lot lot, Tender t, RoundScores capped, Duty duty) {
        List<UUID> criteria = lot.criteria().stream().filter(c -> c.duty() == duty).map(Criterion::id).toList();
        return capped.meanUsed(t.id(), criteria);
    }
}
