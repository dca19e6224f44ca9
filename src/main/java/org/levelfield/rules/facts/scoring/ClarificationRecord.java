package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutRound;

/**
 * A clarification question of the round at award time: whether it was answered, and whether the
 * answer went to every bidder. Read by SC-14.
 */
public record ClarificationRecord(String roundId, int number, String question, boolean answered, boolean sharedWithAll) implements AboutRound {

    @Override
    public String subjectLabel() {
        return "Clarification " + number;
    }
}
