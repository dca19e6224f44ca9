package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

/**
 * A panel member's declaration about one tender's bidder, and how many of their scores for it
 * still count. Read by SC-04.
 */
public record PanelDeclaration(String tenderId, String bidder, String evaluator, boolean conflicted, int countedScores)
        implements AboutTender {

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder;
    }
}
