package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

/**
 * Whether a tender meets one of its lot's published mandatory specification items: as its bidder
 * declared, and as the evaluation found. Read by SC-09.
 *
 * @param met               whether the bidder declared the item met
 * @param how               how the bidder says it meets it (or why not)
 * @param foundUnmetBecause the reasons the evaluation recorded for finding the item not met, or null if it found none
 */
public record MandatoryItemFact(String tenderId, String bidder, String item, boolean met, String how, String foundUnmetBecause)
        implements AboutTender {

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder;
    }
}
