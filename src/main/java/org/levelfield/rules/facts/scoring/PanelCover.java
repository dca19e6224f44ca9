package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

/**
 * How many of the lot's evaluators are free of conflict with a tender's bidder (declared, and with
 * no conflict in the lot). Read by SC-04 beside {@link Thresholds#minPanelSize()}.
 */
public record PanelCover(String tenderId, String bidder, String lot, int unconflicted) implements AboutTender {

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder + " (lot '" + lot + "')";
    }
}
