package org.levelfield.rules.facts;

import java.time.LocalDate;

/**
 * A commissioning round as the rules see it.
 *
 * @param commencementDate when the procurement commenced (normally the tender notice); decides the procurement regime
 * @param decisionDate     the date of the decision being checked; decides the equality duties in force
 * @param designApprovedOn when the round design was approved, or null while it is not
 * @param noticeDate       when the tender notice is (or would be) published
 * @param deadlineDate     the tender deadline's date
 */
public record RoundFact(String id, String title, LocalDate commencementDate, LocalDate decisionDate, LocalDate designApprovedOn,
                        LocalDate noticeDate, LocalDate deadlineDate, boolean pooledBudget, int partnerCount) implements AboutRound {

    @Override
    public String roundId() {
        return id;
    }

    /** Days from the tender notice to the deadline, or -1 if either is unknown. */
    public long getTenderPeriodDays() {
        return noticeDate == null || deadlineDate == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(noticeDate, deadlineDate);
    }

    @Override
    public String subjectLabel() {
        return "Round '" + title + "'";
    }
}
