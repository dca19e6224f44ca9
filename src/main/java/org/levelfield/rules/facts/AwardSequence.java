package org.levelfield.rules.facts;

import java.time.LocalDate;
import java.util.List;

import org.levelfield.rules.model.Subject;

/**
 * The order of the award's steps (AW-05): assessment summaries sent, the contract award notice
 * published, the contract entered into.
 *
 * @param summariesSentOn  the day the last assessment summary was sent, or null if none was
 * @param summariesMissing bidders whose summary has not been sent
 * @param noticeOn         the day the contract award notice was (or is to be) published, or null
 * @param signedOn         the day the contract was entered into, or null
 */
public record AwardSequence(String roundId, String round, LocalDate summariesSentOn, List<String> summariesMissing, LocalDate noticeOn,
                            LocalDate signedOn) implements Subject {

    public AwardSequence {
        summariesMissing = summariesMissing == null ? List.of() : List.copyOf(summariesMissing);
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
        return "Award of '" + round + "'";
    }
}
