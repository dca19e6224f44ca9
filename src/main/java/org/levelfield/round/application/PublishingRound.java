package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Actor;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * Publishing runs the round-design rules. While any BLOCK stands the round stays a draft and the
 * refusal lists the findings; otherwise it opens for tenders, recording the ruleset version and
 * thresholds it was published under. Every check is kept, refused or not.
 */
@Singleton
public class PublishingRound {

    private final Rounds rounds;
    private final Rulesets rules;
    private final ThresholdsConfiguration thresholds;
    private final RuleRuns runs;
    private final ObjectMapper json;
    private final Clock clock;

    public PublishingRound(Rounds rounds, Rulesets rules, ThresholdsConfiguration thresholds, RuleRuns runs,
                           ObjectMapper json, Clock clock) {
        this.rounds = rounds;
        this.rules = rules;
        this.thresholds = thresholds;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    public record Outcome(Round round, List<Finding> findings) {
    }

    /** Runs the design rules without publishing: what would stop or warn publication now. */
    public List<Finding> check(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return designFindings(round, clock.instant());
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public Outcome publish(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.DRAFT) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; only a DRAFT round can be published.", round.status().name(), round.status().allowedActions());
        }
        Instant now = clock.instant();
        if (!round.tenderDeadline().isAfter(now)) {
            throw ProblemException.badInput("tenderDeadline", "the tender deadline " + round.tenderDeadline()
                    + " has passed (server time " + now + "); a round must be published before its deadline");
        }
        Thresholds limits = thresholds.current();
        List<Finding> findings = designFindings(round, now);
        List<Finding> blocks = findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList();
        String version = rules.freezeCurrent(now).version();
        runs.record(round.id(), Stage.ROUND_DESIGN, version, now, actor.userId(), blocks.isEmpty() ? "PUBLISHED" : "REFUSED", findings);
        if (!blocks.isEmpty()) {
            throw ProblemException.refusedByRules("Round '" + round.title() + "' cannot be published while "
                    + blocks.size() + " BLOCK finding(s) stand: " + String.join(", ", blocks.stream().map(Finding::ruleId).distinct().toList())
                    + ". Fix the design and publish again.", findings);
        }
        if (!rounds.transition(round.id(), RoundStatus.DRAFT, RoundStatus.PUBLISHED, now, actor.userId(),
                "Published; round-design rules passed with " + findings.size() + " finding(s), none blocking")) {
            throw ProblemException.wrongState("Round '" + round.title() + "' was changed by another request; reload it.",
                    round.status().name(), round.status().allowedActions());
        }
        rounds.recordPublication(round.id(), version, toJson(limits));
        return new Outcome(rounds.find(roundId).orElseThrow(), findings);
    }

    private List<Finding> designFindings(Round round, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClockFactory.LONDON);
        return rules.current().evaluate(Stage.ROUND_DESIGN, RoundFacts.of(round, today, thresholds.current()));
    }

    private String toJson(Thresholds limits) {
        try {
            return json.writeValueAsString(limits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
