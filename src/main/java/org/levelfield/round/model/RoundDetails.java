package org.levelfield.round.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The parts of a round's design that the safeguard rules read beyond lots and criteria.
 *
 * @param lotsReason                 why the requirement is (or is not) divided into these lots (RD-04)
 * @param maxLotsPerSupplier         most lots one supplier may win, or null for no limit (RD-05)
 * @param lotLimitMechanism          the published, objective way the limit is applied (RD-05)
 * @param consortiumCountsForMembers whether a consortium's wins count towards each member's limit (RD-05)
 * @param consortiaAllowed           whether consortia may bid without a particular legal form (SS-03)
 * @param reliancePermitted          whether bidders may rely on others' capacity (SS-03)
 * @param socialValueConsidered      whether social value was considered before procuring (RD-11)
 * @param socialValuePolicyAdopted   whether the authority has adopted PPN 002 or a local social value policy (RD-11)
 * @param consultation               the consultation with the VCS and service users (RD-16)
 * @param incumbents                 current providers the round replaces or changes (RD-04, RD-17, SS-01)
 * @param smallGrants                the needs-led small-grants programme the pooled budget funded before (RD-21, SS-07)
 * @param marketEngagement           preliminary market engagement and capacity building (RD-23, SS-08)
 * @param localSpecialistTurnoversPence yearly turnovers of the local specialist providers (SS-02)
 * @param primeContractorExpected    whether a generic prime is expected to subcontract specialist delivery (SS-06)
 * @param subcontractClauses         fair-subcontracting clauses in the contract: FULL_COST_RECOVERY, PAY_IN_30_DAYS,
 *                                   REPORT_SUBCONTRACT_SPEND, NO_BID_CANDY (SS-06)
 * @param fundingLabel               what the arrangement is called: GRANT or CONTRACT (REG-05)
 * @param authoritySpecifiesService  whether the authority specifies and buys a service for itself (REG-05)
 * @param conflictsAssessedOn        when the conflicts assessment was made; it must precede the tender notice (RD-24)
 * @param monitoringCharacteristics  characteristics the contract's outcome monitoring is disaggregated by (RD-25)
 * @param dataProtectionBasis        the lawful basis for equality monitoring, e.g. "DPA 2018 Sch 1 para 8" (RD-25)
 * @param contractClauses            equality clauses in the contract: COMPLY_EQUALITY_ACT, ASSIST_PSED,
 *                                   ACKNOWLEDGE_S149_2, FLOW_DOWN_TO_SUBCONTRACTORS (RD-26)
 * @param blindEvaluation            whether evaluators see tenders as "Tender A, B, C…" rather than by bidder until moderation
 *                                   ends (the award is computed)
 * @param tieBreak                   the published tie-break cascade, in order (SC-10): EQUALITY_SCORE (higher weighted equality
 *                                   score), QUALITY_SCORE (higher weighted quality score), LOWER_PRICE, or a sum of named criteria
 *                                   ("SUM_OF: Race equality + Disability equality", see {@link #SUM_OF}); empty if none was published
 * @param lotAllocation              how the lot limit is applied, in a form Levelfield applies at award (SC-13):
 *                                   HIGHEST_VALUE_FIRST or LARGEST_LEAD_FIRST (see {@code LotAllocation.Method}); the
 *                                   {@code lotLimitMechanism} text says the same in the documents' words
 * @param plannedPublicationDate     when the tender notice is to be published: before publication the design checks read it
 *                                   as the notice date (RD-22, RD-24); at publication the notice date is the day it is published
 */
public record RoundDetails(String lotsReason, Integer maxLotsPerSupplier, String lotLimitMechanism, Boolean consortiumCountsForMembers,
                           Boolean consortiaAllowed, Boolean reliancePermitted, Boolean socialValueConsidered,
                           Boolean socialValuePolicyAdopted, Consultation consultation, List<Incumbent> incumbents,
                           SmallGrants smallGrants, MarketEngagement marketEngagement, List<Long> localSpecialistTurnoversPence,
                           Boolean primeContractorExpected, List<String> subcontractClauses, String fundingLabel,
                           Boolean authoritySpecifiesService, LocalDate conflictsAssessedOn, List<String> monitoringCharacteristics,
                           String dataProtectionBasis, List<String> contractClauses, Boolean blindEvaluation, List<String> tieBreak,
                           String lotAllocation, LocalDate plannedPublicationDate) {

    public static final List<String> TIE_BREAK_STEPS = List.of("EQUALITY_SCORE", "QUALITY_SCORE", "LOWER_PRICE");

    /**
     * A tie-break step may also be a published sum of named criteria: "SUM_OF: Race equality + Disability equality" compares
     * the tenders' weighted scores on those criteria added up, higher first.
     */
    public static final String SUM_OF = "SUM_OF:";

    /** The criterion titles a SUM_OF step names, or an empty list if the step is not one. */
    public static List<String> sumOf(String step) {
        if (step == null || !step.startsWith(SUM_OF)) {
            return List.of();
        }
        return java.util.Arrays.stream(step.substring(SUM_OF.length()).split("\\+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
    public static final List<String> LOT_ALLOCATIONS = List.of("HIGHEST_VALUE_FIRST", "LARGEST_LEAD_FIRST");

    public static final RoundDetails NONE = new RoundDetails(null, null, null, null, null, null, null, null, null, List.of(),
            null, null, List.of(), null, List.of(), null, null, null, List.of(), null, List.of(), false, List.of(), null, null);

    public List<String> tieBreakOrEmpty() {
        return tieBreak == null ? List.of() : tieBreak;
    }

    public boolean blindEvaluationOn() {
        return Boolean.TRUE.equals(blindEvaluation);
    }

    /** The small-grants programme: what it was worth a year, whether it stays a grant, and any decision to absorb it. */
    public record SmallGrants(Long previousPerYearPence, Boolean retained, String absorptionDecision) {
    }

    /** Who was engaged before the tender, whether what they learnt was shared equally, and what capacity support was offered. */
    public record MarketEngagement(Boolean specialistProvidersEngaged, Boolean outputsSharedEqually, List<String> capacityActions) {
    }

    public record Consultation(LocalDate start, LocalDate end, String reasonForShort) {
    }

    /**
     * A current provider: who, how funded, how much a year, which group it serves, whether it is a
     * specialist (characteristic-specific or "by and for") provider, and when its funding ends and
     * when it was given notice.
     */
    public record Incumbent(String organisation, String fundingType, Long fundingPerYearPence, String groupServed, Boolean specialist,
                            LocalDate fundingEndDate, LocalDate noticeDate) {

        public boolean isSpecialist() {
            return Boolean.TRUE.equals(specialist);
        }

        /** Whether a bidder's name is this provider's, as typed in the design: one contains the other, ignoring case. */
        public boolean isNamed(String name) {
            String a = organisation.toLowerCase(java.util.Locale.UK).strip();
            String b = name.toLowerCase(java.util.Locale.UK).strip();
            return a.contains(b) || b.contains(a);
        }
    }

    public List<Incumbent> incumbentsOrEmpty() {
        return incumbents == null ? List.of() : incumbents;
    }
}
