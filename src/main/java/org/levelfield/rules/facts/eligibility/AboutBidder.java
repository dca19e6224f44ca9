package org.levelfield.rules.facts.eligibility;

import org.levelfield.rules.model.Subject;

/** A fact whose findings are about one bidder (the lead of a consortium): its subject is the bidder, by name. */
public interface AboutBidder extends Subject {

    String bidder();

    @Override
    default String subjectType() {
        return "bidder";
    }

    @Override
    default String subjectId() {
        return bidder();
    }

    @Override
    default String subjectLabel() {
        return bidder();
    }
}
