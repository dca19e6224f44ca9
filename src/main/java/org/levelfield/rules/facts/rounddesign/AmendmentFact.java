package org.levelfield.rules.facts.rounddesign;

import org.levelfield.rules.facts.AboutRound;

import java.time.LocalDate;

/**
 * A proposed change to a published round's award criteria (RD-27).
 *
 * @param tendersOpened whether the tender deadline had passed when the change was proposed
 */
public record AmendmentFact(String roundId, String roundTitle, LocalDate proposedOn, LocalDate deadlineBefore, LocalDate deadlineAfter,
                            boolean tendersOpened) implements AboutRound {

    public boolean isDeadlineExtended() {
        return deadlineAfter != null && deadlineBefore != null && deadlineAfter.isAfter(deadlineBefore);
    }

    @Override
    public String subjectLabel() {
        return "Round '" + roundTitle + "'";
    }
}
