package org.levelfield.evaluation;

import java.util.List;

import jakarta.inject.Singleton;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.facts.scoring.ScoreReason;
import org.levelfield.rules.model.Finding;

/**
 * What SC-02 will say of a score's reason, asked before the award is computed: the rule itself runs, in the
 * round's frozen ruleset, on the one reason, so the evaluator sees the finding the award would make while
 * there is still time to write a better reason. It never stores anything.
 */
@Singleton
public class ReasonCheck {

    private final Rulesets rulesets;

    public ReasonCheck(Rulesets rulesets) {
        this.rulesets = rulesets;
    }

    /** SC-02's finding on this reason for this criterion, or null if the rule finds nothing. */
    public String finding(Round round, Lot lot, Criterion criterion, Integer score, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        var ruleset = round.rulesetVersion() == null ? rulesets.current() : rulesets.forVersion(round.rulesetVersion());
        ScoreReason fact = new ScoreReason("tender", "the tender", criterion.id().toString(), lot.publishedTitle(criterion), "You",
                score == null ? 0 : score, reason.strip(), criterion.descriptors(), "you");
        List<Finding> findings = ruleset.evaluate(Stage.SCORING, List.of(fact));
        return findings.stream().filter(f -> f.ruleId().equals("SC-02")).map(Finding::message).findFirst().orElse(null);
    }
}
