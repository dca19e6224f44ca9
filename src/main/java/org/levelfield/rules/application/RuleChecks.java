package org.levelfield.rules.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Singleton;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;

/**
 * The one place a step asks the rules: evaluate the facts, record the run (with the step's outcome, or
 * "REFUSED: " and the outcome when refused, which {@link RuleRuns#latest} passes over), and return the
 * verdict. A BLOCK refuses a step unless the step names what else refuses it. Nothing here throws on a
 * refusal: the caller returns it, and the web layer answers 422.
 */
@Singleton
public class RuleChecks {

    private final RuleRuns runs;

    public RuleChecks(RuleRuns runs) {
        this.runs = runs;
    }

    /** A step of one or more stages: evaluated, recorded under the first stage, refused by any BLOCK. */
    public Verdict check(UUID roundId, List<Stage> stages, Ruleset ruleset, List<Object> facts, Instant at, UUID by, String what, String outcome) {
        return record(roundId, stages.getFirst(), ruleset.version(), at, by, Verdict.blockedBy(what, ruleset.evaluate(stages, facts), null),
                outcome, RuleRuns.REFUSED + outcome);
    }

    /** Findings already evaluated (in several passes), judged and recorded the same way. */
    public Verdict judge(UUID roundId, Stage stage, String rulesetVersion, Instant at, UUID by, String what, String outcome, List<Finding> findings) {
        return record(roundId, stage, rulesetVersion, at, by, Verdict.blockedBy(what, findings, null), outcome, RuleRuns.REFUSED + outcome);
    }

    /**
     * Findings judged by the step's own test of what refuses it, with its own wording and the findings it shows.
     *
     * @param outcomes the run's outcome when done and when refused (a design run refused is still the design's latest word)
     * @param refuses  which findings refuse the step
     * @param reason   the refusal's wording, given the refusing findings
     * @param shown    what a refusal shows
     */
    public Verdict judge(UUID roundId, Stage stage, String rulesetVersion, Instant at, UUID by, String what, List<String> outcomes,
                         List<Finding> findings, Predicate<Finding> refuses, java.util.function.Function<List<Finding>, String> reason, List<?> shown) {
        List<Finding> refusing = findings.stream().filter(refuses).toList();
        return record(roundId, stage, rulesetVersion, at, by,
                new Verdict(what, findings, refusing, shown, refusing.isEmpty() ? null : reason.apply(refusing), null), outcomes.get(0), outcomes.get(1));
    }

    /**
     * As {@link #judge(UUID, Stage, String, Instant, UUID, String, List, List, Predicate, java.util.function.Function, List)}, but a
     * refusal is not recorded: for a step whose refusal must leave the round exactly as it was (an amendment of a
     * published round, whose design run stays the one it was published on).
     */
    public Verdict judgeRecordingOnlyIfDone(UUID roundId, Stage stage, String rulesetVersion, Instant at, UUID by, String what, String outcome,
                                            List<Finding> findings, Predicate<Finding> refuses,
                                            java.util.function.Function<List<Finding>, String> reason, List<?> shown) {
        List<Finding> refusing = findings.stream().filter(refuses).toList();
        Verdict verdict = new Verdict(what, findings, refusing, shown, refusing.isEmpty() ? null : reason.apply(refusing), null);
        return verdict.refused() ? verdict : record(roundId, stage, rulesetVersion, at, by, verdict, outcome, outcome);
    }

    /** Whether a finding is a BLOCK: the usual test. */
    public static boolean blocks(Finding f) {
        return f.severity() == Severity.BLOCK;
    }

    private Verdict record(UUID roundId, Stage stage, String version, Instant at, UUID by, Verdict verdict, String done, String refused) {
        UUID runId = runs.record(roundId, stage, version, at, by, verdict.refused() ? refused : done, verdict.findings());
        return new Verdict(verdict.what(), verdict.findings(), verdict.refusing(), verdict.shown(), verdict.reason(), runId);
    }
}
