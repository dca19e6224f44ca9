package org.levelfield.award.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import org.levelfield.award.model.RoundScores;
import org.levelfield.common.web.ProblemException;
import org.levelfield.evaluation.Panels;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.model.Tender;

/**
 * What must hold before an award is computed: the round is in evaluation (or its award proposed
 * and not yet decided), every criterion of every tender is scored, and each lot's panel is whole
 * (enough evaluators free of conflict, each of whom scored everything).
 */
@Singleton
class AwardPreconditions {

    private final Rounds rounds;
    private final AwardDecisions decisions;
    private final Panels panels;

    AwardPreconditions(Rounds rounds, AwardDecisions decisions, Panels panels) {
        this.rounds = rounds;
        this.decisions = decisions;
        this.panels = panels;
    }

    /** The round, if its award can be computed now. */
    Round computable(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.EVALUATION && round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; the award is computed once tenders have been scored (status EVALUATION).",
                    round.status().name(), round.status().allowedActions());
        }
        List<AwardDecisions.Decision> decided = decisions.ofRound(roundId);
        if (!decided.isEmpty()) {
            throw ProblemException.wrongState("The award of round '" + round.title() + "' cannot be computed again: "
                    + decided.stream().map(d -> d.winner() + " was awarded a lot on " + d.decidedOn()).collect(Collectors.joining("; "))
                    + ", on this computation.", "DECIDED", List.of("read the decisions (GET /api/rounds/{id}/decisions)"));
        }
        return round;
    }

    void requireEveryCriterionScored(Round round, List<Tender> submitted, RoundScores scores) {
        List<String> missing = new ArrayList<>();
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            for (Criterion c : lot.evaluatorCriteria()) {
                if (scores.given(t.id(), c.id()).isEmpty()) {
                    missing.add(t.organisationName() + " (lot '" + lot.title() + "'): '" + c.title() + "'");
                }
            }
        }
        if (submitted.isEmpty()) {
            missing.add("no tenders were submitted");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.wrongState("The award cannot be computed until every criterion of every tender has a score. Missing: "
                    + String.join("; ", missing) + ".", round.status().name(), round.status().allowedActions());
        }
    }

    /**
     * Every evaluator of each lot must have declared conflicts for every tender, and each free of conflict
     * must have scored every criterion of it: the award rests on the whole panel. Whether enough of them are
     * free of conflict is SC-04's test, against the round's minimum panel.
     */
    void requireFullPanels(Round round, List<Tender> submitted, RoundScores scores) {
        List<String> problems = new ArrayList<>();
        for (Panels.LotPanel panel : panels.status(round, submitted)) {
            Lot lot = round.lot(panel.lotId()).orElseThrow();
            for (Panels.TenderCover cover : panel.tenders()) {
                if (!cover.undeclared().isEmpty()) {
                    problems.add("lot '" + lot.title() + "': " + cover.undeclared() + " have not declared conflicts for " + cover.bidder());
                }
            }
            for (Panels.Appointment member : panel.members()) {
                problems.addAll(unscored(round, lot, member, submitted, scores));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.wrongState("The award waits for the whole panel: " + String.join("; ", problems) + ".",
                    round.status().name(), round.status().allowedActions());
        }
    }

    /** What one panel member free of conflict has not yet scored in the lot. */
    private List<String> unscored(Round round, Lot lot, Panels.Appointment member, List<Tender> submitted, RoundScores scores) {
        List<String> problems = new ArrayList<>();
        var declarations = panels.declarations(round.id(), member.evaluatorId());
        List<Tender> inLot = submitted.stream().filter(t -> t.lotId().equals(lot.id())).toList();
        if (panels.lotConflict(declarations, inLot.stream().map(Tender::organisationId).toList()).isPresent()) {
            return problems; // off the whole lot (SC-04): the rest of the panel carries it
        }
        for (Tender t : inLot) {
            var declared = declarations.get(t.organisationId());
            if (declared == null || declared.conflicted()) {
                continue;
            }
            for (Criterion c : lot.evaluatorCriteria()) {
                if (!scores.scoredBy(t.id(), c.id(), member.evaluatorId())) {
                    problems.add(member.evaluator() + " has not scored '" + c.title() + "' for " + t.organisationName());
                }
            }
        }
        return problems;
    }
}
