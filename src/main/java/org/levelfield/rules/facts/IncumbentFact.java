package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/** A current provider whose funding the round replaces or changes. */
public record IncumbentFact(String roundId, String organisation, String fundingType, Long fundingPerYearPence, String groupServed,
                            Boolean specialist, LocalDate fundingEndDate, LocalDate noticeDate) implements Subject {

    public boolean isSpecialistProvider() {
        return Boolean.TRUE.equals(specialist);
    }

    /** Months of notice before funding ends (whole months), or -1 if no notice is recorded. */
    public long getNoticeMonths() {
        return noticeDate == null || fundingEndDate == null ? -1 : java.time.temporal.ChronoUnit.MONTHS.between(noticeDate, fundingEndDate);
    }

    @Override
    public String subjectType() {
        return "incumbent";
    }

    @Override
    public String subjectId() {
        return roundId + "/" + organisation;
    }

    @Override
    public String subjectLabel() {
        return "Current provider " + organisation;
    }
}
