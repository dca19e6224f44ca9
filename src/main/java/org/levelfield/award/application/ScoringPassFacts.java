package org.levelfield.award.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation.EvaluatorScore;
import org.levelfield.award.model.RoundScores;
import org.levelfield.evaluation.Panels;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.scoring.CriterionScores;
import org.levelfield.rules.facts.scoring.MonitoringCommitment;
import org.levelfield.rules.facts.scoring.PanelCover;
import org.levelfield.rules.facts.scoring.PanelDeclaration;
import org.levelfield.rules.facts.scoring.PublishedCriteria;
import org.levelfield.rules.facts.scoring.ReasonPoint;
import org.levelfield.rules.facts.scoring.ScoreReason;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.model.Tender;

/**
 * The facts of the award's first scoring pass, the one that reads scores, reasons and evidence
 * (SC-01..SC-07, SC-12, EQ-06..EQ-08): some of its rules cap a criterion's score.
 */
@Singleton
class ScoringPassFacts {

    private final Panels panels;

    ScoringPassFacts(Panels panels) {
        this.panels = panels;
    }

    List<Object> of(Round round, List<Tender> submitted, RoundScores scores, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        Map<UUID, List<Panels.Appointment>> panelOf = new java.util.HashMap<>();
        Map<UUID, Map<UUID, Panels.Declaration>> declared = new java.util.HashMap<>();
        for (Panels.LotPanel panel : panels.status(round, submitted)) {
            panel.tenders().forEach(c -> facts.add(new PanelCover(c.tenderId().toString(), c.bidder(), panel.lot(), c.unconflicted())));
        }
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            facts.addAll(scoreFacts(lot, t, scores));
            facts.addAll(TenderEvidenceFacts.of(lot, t));
            facts.add(new PublishedCriteria(t.id().toString(), lot.title(), lot.criteria().stream().map(c -> c.id().toString()).toList()));
            for (Panels.Appointment member : panelOf.computeIfAbsent(lot.id(), panels::members)) {
                var declaration = declared.computeIfAbsent(member.evaluatorId(), e -> panels.declarations(round.id(), e)).get(t.organisationId());
                if (declaration != null) {
                    facts.add(new PanelDeclaration(t.id().toString(), t.organisationName(), member.evaluator(), declaration.conflicted(),
                            scores.countBy(t.id(), member.evaluatorId())));
                }
            }
            facts.add(monitoring(round, t));
        }
        return facts;
    }

    private static List<Object> scoreFacts(Lot lot, Tender t, RoundScores scores) {
        List<Object> facts = new ArrayList<>();
        for (Criterion c : lot.evaluatorCriteria()) {
            for (EvaluatorScore e : scores.given(t.id(), c.id())) {
                facts.add(new ScoreReason(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), e.evaluator(), e.score(),
                        e.reason(), c.descriptors(), e.evaluatorId().toString()));
                e.points().forEach(p -> facts.add(new ReasonPoint(t.id().toString(), t.organisationName(), c.id().toString(), lot.publishedTitle(c),
                        e.evaluator(), p.point(), p.addresses() == null ? null : p.addresses().toString())));
            }
            var agreed = scores.agreed(t.id(), c.id());
            facts.add(new CriterionScores(t.id().toString(), lot.id().toString(), t.organisationName(), c.id().toString(), c.title(),
                    scores.given(t.id(), c.id()).stream().map(EvaluatorScore::score).toList(), agreed == null ? null : agreed.score()));
        }
        return facts;
    }

    private static MonitoringCommitment monitoring(Round round, Tender t) {
        var plan = t.details().monitoringPlan();
        return new MonitoringCommitment(t.id().toString(), t.organisationName(), plan == null ? List.of() : plan.characteristics(),
                round.details() == null ? List.of() : round.details().monitoringCharacteristics(), plan == null ? null : plan.frequency(),
                plan != null && Boolean.TRUE.equals(plan.dataProtectionSafeguards()));
    }
}
