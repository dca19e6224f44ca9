package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.facts.scoring.ScoreReason;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * An evaluator rewrites the reason for one of its scores that SC-02 found weak (it restated the
 * descriptor or cited nothing in the tender), before the assessment summaries are sent (AW-03). The
 * score does not change; the original reason is kept; the rewrite must itself pass SC-02.
 */
@Singleton
public class ReasonRewrites {

    public record Rewriting(String reason) {
    }

    public record Rewrite(UUID tenderId, UUID criterionId, UUID evaluatorId, String originalReason, String reason, Instant rewrittenAt) {
    }

    private final Sql sql;
    private final Tenders tenders;
    private final Rounds rounds;
    private final Scores scores;
    private final Rulesets rules;
    private final AuditTrail audit;
    private final Clock clock;

    public ReasonRewrites(Sql sql, Tenders tenders, Rounds rounds, Scores scores, Rulesets rules, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.tenders = tenders;
        this.rounds = rounds;
        this.scores = scores;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Rewrite rewrite(UUID tenderId, UUID criterionId, Rewriting rewriting, Actor actor) {
        Tender tender = tenders.find(tenderId).filter(t -> !t.isDraft()).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Score given = scores.currentForTender(tenderId).stream().filter(s -> s.criterionId().equals(criterionId) && s.evaluatorId().equals(actor.userId()))
                .findFirst().orElseThrow(() -> ProblemException.notFound("score of yours on criterion " + criterionId + " of tender", tenderId));
        if (rewriting == null || rewriting.reason() == null || rewriting.reason().isBlank()) {
            throw ProblemException.badInput("reason", "write the reason again: what in the tender (its section, page or paragraph) earned the score");
        }
        if (rewriting.reason().length() > 4_000) {
            throw ProblemException.badInput("reason", "must be 4,000 characters or fewer");
        }
        if ((round.status() != RoundStatus.EVALUATION && round.status() != RoundStatus.AWARD_PROPOSED) || summariesSent(round.id())) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; a reason is rewritten during evaluation or before the assessment summaries are sent.", round.status().name(),
                    round.status().allowedActions());
        }
        Criterion criterion = round.lot(tender.lotId()).flatMap(l -> l.criterion(criterionId)).orElseThrow();
        String reason = rewriting.reason().strip();
        List<Finding> still = rules.forVersion(round.rulesetVersion()).evaluate(Stage.SCORING, List.of(new ScoreReason(tenderId.toString(),
                tender.organisationName(), criterionId.toString(), criterion.title(), given.evaluatorName(), given.score(), reason,
                criterion.descriptors(), actor.userId().toString()))).stream().filter(f -> f.ruleId().equals("SC-02")).toList();
        if (!still.isEmpty()) {
            throw ProblemException.badInput("reason", "the rewritten reason is still weak: " + still.getFirst().message());
        }
        Instant now = clock.instant();
        sql.update("insert into score_reason_rewrite(tender_id, criterion_id, evaluator_id, original_reason, reason, rewritten_at) values (?,?,?,?,?,?)",
                tenderId, criterionId, actor.userId(), given.reason(), reason, now);
        audit.append("SCORE_REASON_REWRITTEN", round.id(), actor.userId(), "tender " + tenderId, Map.of("criterion", criterionId,
                "original", given.reason(), "reason", reason));
        return new Rewrite(tenderId, criterionId, actor.userId(), given.reason(), reason, now);
    }

    /** The newest rewritten reason for each tender, criterion and evaluator of a round. */
    public Map<Key, String> latestOfRound(UUID roundId) {
        Map<Key, String> latest = new HashMap<>();
        sql.query("""
                select r.tender_id, r.criterion_id, r.evaluator_id, r.reason from score_reason_rewrite r join tender t on t.id = r.tender_id
                where t.round_id = ? order by r.rewritten_at""", rs -> {
            latest.put(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)), rs.getString(4));
            return null;
        }, roundId);
        return latest;
    }

    public record Key(UUID tenderId, UUID criterionId, UUID evaluatorId) {
    }

    private boolean summariesSent(UUID roundId) {
        return sql.one("select count(*) from assessment_summary where round_id = ?", rs -> rs.getLong(1), roundId).orElse(0L) > 0;
    }
}
