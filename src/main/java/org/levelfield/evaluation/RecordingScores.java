package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
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

    /**
     * @param points optionally, the reason point by point, each naming what it addresses (SC-12)
     */
    public record ScoreCommand(UUID criterionId, Integer score, String reason, List<PointCommand> points) {
        public ScoreCommand(UUID criterionId, Integer score, String reason) {
            this(criterionId, score, reason, null);
        }
    }

    /**
     * A point of a reason: {@code addresses} is the id of the published criterion or sub-criterion of the lot it
     * addresses, or NOT_PUBLISHED where it relies on something the lot did not publish (which blocks the award, SC-12).
     */
    public record PointCommand(String point, String addresses) {
    }

    /** What a point may address: "NOT_PUBLISHED" records that it relies on something outside the published criteria. */
    public static final String NOT_PUBLISHED = "NOT_PUBLISHED";

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
            List<Score.Point> points = points(at, s.points(), lot, errors);
            if (errors.isEmpty()) {
                accepted.add(new Score(UUID.randomUUID(), tenderId, criterion.id(), actor.userId(), actor.displayName(), s.score(),
                        s.reason().strip(), now, points));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        accepted.forEach(scores::insert);
        rounds.transition(round.id(), RoundStatus.CLOSED, RoundStatus.EVALUATION, now, actor.userId(), "First score recorded");
        return accepted;
    }

    /** A reason's points, each with a criterion or sub-criterion of the lot (or NOT_PUBLISHED) that it addresses. */
    private static List<Score.Point> points(String at, List<PointCommand> given, Lot lot, List<FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > 20) {
            errors.add(new FieldError(at + ".points", "give at most 20 points; put the rest in the reason"));
            return List.of();
        }
        List<Score.Point> points = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            PointCommand p = given.get(k);
            String pointAt = at + ".points[" + k + "]";
            if (p == null || p.point() == null || p.point().isBlank()) {
                errors.add(new FieldError(pointAt + ".point", "say what the point is"));
                continue;
            }
            if (p.point().length() > 1000) {
                errors.add(new FieldError(pointAt + ".point", "must be at most 1,000 characters"));
                continue;
            }
            if (NOT_PUBLISHED.equals(p.addresses())) {
                points.add(new Score.Point(p.point().strip(), null));
                continue;
            }
            var addressed = lot.criteria().stream().filter(c -> c.id().toString().equals(p.addresses())).findFirst();
            if (addressed.isEmpty()) {
                errors.add(new FieldError(pointAt + ".addresses", "name the published criterion or sub-criterion of lot '" + lot.title()
                        + "' this point addresses (its id), or " + NOT_PUBLISHED + " if it addresses none of them"
                        + (p.addresses() == null ? "" : "; got '" + p.addresses() + "'")));
            } else {
                points.add(new Score.Point(p.point().strip(), addressed.get().id()));
            }
        }
        return points;
    }
}
