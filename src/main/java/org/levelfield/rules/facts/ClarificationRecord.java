package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/**
 * A clarification question of the round at award time: whether it was answered, and whether the
 * answer went to every bidder. Read by SC-14.
 */
public record ClarificationRecord(String roundId, int number, String question, boolean answered, boolean sharedWithAll) implements Subject {

    @Override
    public String subjectType() {
        return "round";
    }

    @Override
    public String subjectId() {
        return roundId;
    }

    @Override
    public String subjectLabel() {
        return "Clarification " + number;
    }
}
