package org.levelfield.rules.facts;

/** Whether a tender meets one of its lot's published mandatory specification items. Read by SC-09. */
public record MandatoryItemFact(String tenderId, String bidder, String item, boolean met, String how) implements AboutTender {

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder;
    }
}
