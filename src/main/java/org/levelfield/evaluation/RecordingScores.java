package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * An evaluator records a score on the published scale, with a reason, per criterion of a tender.
 * Scoring opens when the round closes; the first score moves the round into evaluation. Only the
 * lot's panel members who have declared their conflicts, and have none with this bidder, may score.
 */
@Singleton
public class RecordingScores {

    private final Rounds rounds;
    private final Tenders tenders;
    private final Scores scores;
    private final ThresholdsConfiguration thresholds;
    private final Panels panels;
    private final Clock clock;

    public RecordingScores(Rounds rounds, Tenders tenders, Scores scores, ThresholdsConfiguration thresholds, Panels panels, Clock clock) {
        this.panels = panels;
        this.rounds = rounds;
        this.tenders = tenders;
        this.scores = scores;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public record ScoreCommand(UUID criterionId, Integer score, String reason) {
    }

    public record ScoringCommand(List<ScoreCommand> scores) {
    }

    @Transactional
    public List<Score> record(UUID tenderId, ScoringCommand command, Actor actor) {
        Tender tender = tenders.find(tenderId).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        if (round.status() != RoundStatus.CLOSED && round.status() != RoundStatus.EVALUATION) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; tenders can be scored only once the round has closed and before the award is computed.",
                    round.status().name(), round.status().allowedActions());
        }
        panels.requireMayOpen(round, tender, actor);
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        int max = thresholds.current().scaleMax();
        List<FieldError> errors = new ArrayList<>();
        List<ScoreCommand> given = command == null || command.scores() == null ? List.of() : command.scores();
        if (given.isEmpty()) {
            errors.add(new FieldError("scores", "at least one score is required"));
        }
        Instant now = clock.instant();
        List<Score> accepted = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ScoreCommand s = given.get(i);
            String at = "scores[" + i + "]";
            Criterion criterion = s == null || s.criterionId() == null ? null : lot.criterion(s.criterionId()).orElse(null);
            if (criterion == null) {
                errors.add(new FieldError(at + ".criterionId", s == null || s.criterionId() == null ? "is required"
                        : "no criterion " + s.criterionId() + " in lot '" + lot.title() + "'"));
                continue;
            }
            if (criterion.isPrice()) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is scored by the published price formula, not by evaluators"));
                continue;
            }
            if (!criterion.isScoredByEvaluators(lot)) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is divided into sub-criteria; score each of "
                        + lot.subCriteria(criterion.id()).stream().map(c -> "'" + c.title() + "' (" + c.id() + ")").toList() + " instead"));
                continue;
            }
            if (s.score() == null || s.score() < 0 || s.score() > max) {
                errors.add(new FieldError(at + ".score", "must be a whole number from 0 to " + max + " (the published scale)"
                        + (s.score() == null ? "" : "; got " + s.score())));
            }
            if (s.reason() == null || s.reason().isBlank()) {
                errors.add(new FieldError(at + ".reason", "a reason referring to the tender is required for every score"));
            }
            if (errors.isEmpty()) {
                accepted.add(new Score(UUID.randomUUID(), tenderId, criterion.id(), actor.userId(), actor.displayName(), s.score(),
                        s.reason().strip(), now));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        accepted.forEach(scores::insert);
        rounds.transition(round.id(), RoundStatus.CLOSED, RoundStatus.EVALUATION, now, actor.userId(), "First score recorded");
        return accepted;
    }
}
