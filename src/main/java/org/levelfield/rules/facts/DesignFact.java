package org.levelfield.rules.facts;

import java.time.LocalDate;

import org.levelfield.rules.model.Subject;

/** The round-level design choices the safeguard rules read (see RoundDetails in the round model). */
public record DesignFact(String roundId, String roundTitle, int lotCount, String lotsReason, Integer maxLotsPerSupplier,
                         String lotLimitMechanism, Boolean consortiumCountsForMembers, Boolean consortiaAllowed,
                         Boolean reliancePermitted, Boolean socialValueConsidered, Boolean socialValuePolicyAdopted,
                         LocalDate consultationStart, LocalDate consultationEnd, String consultationReasonForShort,
                         String specialistImpact) implements Subject {

    public boolean isLotsReasoned() {
        return lotsReason != null && !lotsReason.isBlank();
    }

    public boolean isLotLimitMechanismPublished() {
        return lotLimitMechanism != null && !lotLimitMechanism.isBlank();
    }

    public boolean isSpecialistImpactAssessed() {
        return specialistImpact != null && !specialistImpact.isBlank();
    }

    public boolean isConsultationRecorded() {
        return consultationStart != null && consultationEnd != null;
    }

    public boolean isShortConsultationReasoned() {
        return consultationReasonForShort != null && !consultationReasonForShort.isBlank();
    }

    /** Whole weeks of consultation, or -1 if none is recorded. */
    public long getConsultationWeeks() {
        return isConsultationRecorded() ? java.time.temporal.ChronoUnit.DAYS.between(consultationStart, consultationEnd) / 7 : -1;
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
