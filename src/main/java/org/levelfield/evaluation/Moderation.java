package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * Moderation (SC-03). Where the evaluators' scores on a criterion spread by at least the round's
 * moderation spread, the commissioner, chairing the moderation meeting, records a consensus score
 * and its reason once every unconflicted panel member has scored. The evaluators' scores are kept
 * and shown beside it. The award is blocked while a needed consensus is missing.
 */
@Singleton
public class Moderation {

    public record Consensus(UUID tenderId, UUID criterionId, int score, String reason, String recordedBy, Instant recordedAt) {
    }

    public record Recording(UUID criterionId, Integer score, String reason) {
    }

    /** One criterion of one tender on the moderation sheet. */
    public record Line(UUID tenderId, String bidder, UUID criterionId, String criterion, List<Score> scores, int spread,
                       boolean needsModeration, Consensus consensus) {
    }

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Scores scores;
    private final Panels panels;
    private final ThresholdsConfiguration configured;
    private final Clock clock;

    public Moderation(Sql sql, Rounds rounds, Tenders tenders, Scores scores, Panels panels, ThresholdsConfiguration configured, Clock clock,
                      org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
        this.rounds = rounds;
        this.tenders = tenders;
        this.scores = scores;
        this.panels = panels;
        this.configured = configured;
        this.clock = clock;
    }

    /** The current consensus per tender and criterion of a round. */
    public Map<UUID, Map<UUID, Consensus>> consensusForRound(UUID roundId) {
        Map<UUID, Map<UUID, Consensus>> out = new HashMap<>();
        sql.query("""
                select distinct on (c.tender_id, c.criterion_id) c.*, u.display_name from consensus_score c
                join tender t on t.id = c.tender_id join app_user u on u.id = c.recorded_by
                where t.round_id = ? order by c.tender_id, c.criterion_id, c.seq desc""", rs -> {
            Consensus c = new Consensus(rs.getObject("tender_id", UUID.class), rs.getObject("criterion_id", UUID.class), rs.getInt("score"),
                    rs.getString("reason"), rs.getString("display_name"), Sql.instant(rs, "recorded_at"));
            out.computeIfAbsent(c.tenderId(), k -> new HashMap<>()).put(c.criterionId(), c);
            return null;
        }, roundId);
        return out;
    }

    public int spreadThreshold(Round round) {
        return thresholds(round).moderationSpread();
    }

    /** The moderation sheet: every evaluator-scored criterion of every live tender, its spread and any consensus. */
    public List<Line> sheet(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        int threshold = spreadThreshold(round);
        var consensus = consensusForRound(roundId);
        Map<UUID, Map<UUID, List<Score>>> byTender = new HashMap<>();
        for (Score s : scores.currentForRound(roundId)) {
            byTender.computeIfAbsent(s.tenderId(), k -> new HashMap<>()).computeIfAbsent(s.criterionId(), k -> new ArrayList<>()).add(s);
        }
        List<Line> lines = new ArrayList<>();
        for (Tender t : tenders.ofRound(roundId)) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            for (Criterion c : lot.evaluatorCriteria()) {
                List<Score> given = byTender.getOrDefault(t.id(), Map.of()).getOrDefault(c.id(), List.of());
                int spread = spread(given);
                lines.add(new Line(t.id(), t.organisationName(), c.id(), lot.publishedTitle(c), given, spread, given.size() > 1 && spread >= threshold,
                        consensus.getOrDefault(t.id(), Map.of()).get(c.id())));
            }
        }
        return lines;
    }

    @Transactional
    public Consensus record(UUID tenderId, Recording command, Actor actor) {
        Tender tender = tenders.find(tenderId).filter(t -> !t.isDraft()).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        if (round.status() != RoundStatus.EVALUATION) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; a consensus is recorded while tenders are being evaluated, before the award is computed.",
                    round.status().name(), round.status().allowedActions());
        }
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        int max = thresholds(round).scaleMax();
        List<FieldError> errors = new ArrayList<>();
        Criterion criterion = command == null || command.criterionId() == null ? null : lot.criterion(command.criterionId()).orElse(null);
        if (criterion == null || !criterion.isScoredByEvaluators(lot)) {
            errors.add(new FieldError("criterionId", "name a criterion of lot '" + lot.title() + "' that evaluators score"));
        }
        if (command == null || command.score() == null || command.score() < 0 || command.score() > max) {
            errors.add(new FieldError("score", "must be a whole number from 0 to " + max + " (the published scale)"));
        }
        if (command == null || command.reason() == null || command.reason().isBlank()) {
            errors.add(new FieldError("reason", "record why the panel agreed this score, referring to the tender"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        List<String> missing = new ArrayList<>();
        List<Score> given = scores.currentForTender(tenderId).stream().filter(s -> s.criterionId().equals(criterion.id())).toList();
        for (var member : panels.members(lot.id())) {
            if (panels.keptOff(round.id(), tender, member.evaluatorId())) {
                continue;
            }
            if (given.stream().noneMatch(s -> s.evaluatorId().equals(member.evaluatorId()))) {
                missing.add(member.evaluator());
            }
        }
        if (!missing.isEmpty() || given.isEmpty()) {
            throw ProblemException.wrongState("Moderation waits for every panel member's own score on '" + criterion.title() + "'; missing: "
                    + (missing.isEmpty() ? "all scores" : String.join(", ", missing)) + ".", round.status().name(), List.of("score independently first"));
        }
        Instant now = clock.instant();
        sql.update("insert into consensus_score(id, tender_id, criterion_id, score, reason, recorded_by, recorded_at) values (?,?,?,?,?,?,?)",
                UUID.randomUUID(), tenderId, criterion.id(), command.score(), command.reason().strip(), actor.userId(), now);
        audit.append("CONSENSUS", round.id(), actor.userId(), "tender " + tenderId,
                java.util.Map.of("criterion", criterion.id(), "score", command.score(), "reason", command.reason().strip()));
        return consensusForRound(round.id()).get(tenderId).get(criterion.id());
    }

    private Thresholds thresholds(Round round) {
        return rounds.frozenThresholds(round.id()).orElse(configured.current());
    }

    private static int spread(List<Score> given) {
        if (given.size() < 2) {
            return 0;
        }
        int max = given.stream().mapToInt(Score::score).max().orElse(0);
        int min = given.stream().mapToInt(Score::score).min().orElse(0);
        return max - min;
    }
}
