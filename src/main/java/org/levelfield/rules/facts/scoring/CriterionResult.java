package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.math.BigDecimal;

/**
 * The score a tender's criterion counts at after moderation and any cap, beside the criterion's
 * published disqualifying minimum. Read by SC-07 in the award's second pass.
 *
 * @param minScore the published minimum, or null if the criterion has none
 */
public record CriterionResult(String tenderId, String bidder, String criterionId, String criterion, BigDecimal score, Integer minScore)
        implements AboutTender {

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder;
    }
}
