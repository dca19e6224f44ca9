package org.levelfield.rules.facts;

import java.time.LocalDate;

/**
 * The round-level design choices the safeguard rules read (see RoundDetails in the round model).
 * {@code lotAllocation} is how the lot limit is applied at award, in a form Levelfield applies, or null.
 */
public record DesignFact(String roundId, String roundTitle, int lotCount, String lotsReason, Integer maxLotsPerSupplier,
                         String lotLimitMechanism, Boolean consortiumCountsForMembers, Boolean consortiaAllowed,
                         Boolean reliancePermitted, Boolean socialValueConsidered, Boolean socialValuePolicyAdopted,
                         LocalDate consultationStart, LocalDate consultationEnd, String consultationReasonForShort,
                         String specialistImpact, Long smallGrantsPerYearPence, Boolean smallGrantsRetained, String smallGrantsDecision,
                         Boolean specialistProvidersEngaged, Boolean engagementSharedEqually, int capacityActionCount,
                         java.util.List<Long> localSpecialistTurnoversPence, Boolean primeContractorExpected,
                         java.util.List<String> subcontractClauses, String fundingLabel, Boolean authoritySpecifiesService,
                         LocalDate conflictsAssessedOn, java.util.List<String> monitoringCharacteristics, String dataProtectionBasis,
                         java.util.List<String> contractClauses, String lotAllocation) implements AboutRound {

    /** Characteristics RD-25 expects outcome monitoring to be disaggregated by that this round does not. */
    public java.util.List<String> getUnmonitoredCharacteristics() {
        java.util.List<String> have = monitoringCharacteristics == null ? java.util.List.of() : monitoringCharacteristics;
        return java.util.List.of("RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION")
                .stream().filter(c -> !have.contains(c)).toList();
    }

    public boolean isDataProtectionBasisStated() {
        return dataProtectionBasis != null && !dataProtectionBasis.isBlank();
    }

    /** Equality clauses RD-26 expects in the contract that this round lacks. */
    public java.util.List<String> getMissingEqualityClauses() {
        java.util.List<String> have = contractClauses == null ? java.util.List.of() : contractClauses;
        return java.util.List.of("COMPLY_EQUALITY_ACT", "ASSIST_PSED", "ACKNOWLEDGE_S149_2", "FLOW_DOWN_TO_SUBCONTRACTORS")
                .stream().filter(c -> !have.contains(c)).toList();
    }

    /** The largest yearly turnover among the local specialist providers, or null if none is recorded (RD-20). */
    public Long getLargestSpecialistTurnoverPence() {
        return localSpecialistTurnoversPence == null || localSpecialistTurnoversPence.isEmpty() ? null
                : localSpecialistTurnoversPence.stream().filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
    }

    /** Median yearly turnover of the local specialist providers, or null if none is recorded. */
    public Long getMedianSpecialistTurnoverPence() {
        if (localSpecialistTurnoversPence == null || localSpecialistTurnoversPence.isEmpty()) {
            return null;
        }
        java.util.List<Long> sorted = localSpecialistTurnoversPence.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public boolean isSmallGrantsAbsorbed() {
        return smallGrantsPerYearPence != null && smallGrantsPerYearPence > 0 && Boolean.FALSE.equals(smallGrantsRetained);
    }

    public boolean isSmallGrantsDecisionRecorded() {
        return smallGrantsDecision != null && !smallGrantsDecision.isBlank();
    }

    /** Fair-subcontracting clauses a prime contract must carry that this round lacks (SS-06). */
    public java.util.List<String> getMissingSubcontractClauses() {
        java.util.List<String> have = subcontractClauses == null ? java.util.List.of() : subcontractClauses;
        return java.util.List.of("FULL_COST_RECOVERY", "PAY_IN_30_DAYS", "REPORT_SUBCONTRACT_SPEND", "NO_BID_CANDY").stream()
                .filter(c -> !have.contains(c)).toList();
    }

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
    public String subjectLabel() {
        return "Round '" + roundTitle + "'";
    }
}
