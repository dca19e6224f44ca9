package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.util.List;

/**
 * The panel's current scores on one criterion of one tender, and the consensus if one was
 * recorded. Read by the moderation rule (SC-03).
 *
 * @param scores    each unconflicted evaluator's current score
 * @param consensus the consensus score recorded in moderation, or null
 */
public record CriterionScores(String tenderId, String lotId, String bidder, String criterionId, String criterion, List<Integer> scores,
                              Integer consensus) implements AboutTender {

    public CriterionScores {
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    /** Highest minus lowest score; 0 with fewer than two scores. */
    public int getSpread() {
        if (scores.size() < 2) {
            return 0;
        }
        return scores.stream().mapToInt(Integer::intValue).max().orElse(0) - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public boolean isModerated() {
        return consensus != null;
    }

    @Override
    public String subjectLabel() {
        return "'" + criterion + "' for the tender from " + bidder;
    }
}
