package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

/**
 * A point of an evaluator's reason for a score and what it addresses: the id of a criterion or
 * sub-criterion, or null where the evaluator recorded that it addresses none of those published. Read
 * by SC-12 beside the criteria published for the tender's lot.
 */
public record ReasonPoint(String tenderId, String bidder, String criterionId, String criterion, String evaluator, String point,
                          String addresses) implements AboutTender {

    @Override
    public String subjectLabel() {
        return evaluator + "'s reason on '" + criterion + "' for the tender from " + bidder;
    }
}
