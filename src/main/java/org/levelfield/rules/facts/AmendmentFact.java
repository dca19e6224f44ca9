package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/**
 * A proposed change to a published round's award criteria (RD-27).
 *
 * @param tendersOpened whether the tender deadline had passed when the change was proposed
 */
public record AmendmentFact(String roundId, String roundTitle, LocalDate proposedOn, LocalDate deadlineBefore, LocalDate deadlineAfter,
                            boolean tendersOpened) implements Subject {

    public boolean isDeadlineExtended() {
        return deadlineAfter != null && deadlineBefore != null && deadlineAfter.isAfter(deadlineBefore);
    }

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
        return "Round '" + roundTitle + "'";
    }
}
