package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutRound;

import java.time.LocalDate;
import java.util.List;

/**
 * The order of the award's steps (AW-05): assessment summaries sent, the contract award notice
 * published, the contract entered into.
 *
 * @param summariesSentOn  the day the last assessment summary was sent, or null if none was
 * @param summariesMissing bidders whose summary has not been sent
 * @param noticeOn         the day the contract award notice was (or is to be) published, or null
 * @param signedOn         the day the contract was entered into, or null
 * @param scope            the ProcurementScope the regime rules derived: COVERED (also when not given), BELOW_THRESHOLD, PSR or GRANT
 * @param scopeReason      why, in words
 */
public record AwardSequence(String roundId, String round, LocalDate summariesSentOn, List<String> summariesMissing, LocalDate noticeOn,
                            LocalDate signedOn, String scope, String scopeReason) implements AboutRound {

    public AwardSequence {
        summariesMissing = summariesMissing == null ? List.of() : List.copyOf(summariesMissing);
        scope = scope == null ? "COVERED" : scope;
    }

    @Override
    public String subjectLabel() {
        return "Award of '" + round + "'";
    }
}
