package org.levelfield.award.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision file the award rests on (the due-regard record, DR-01..DR-08): who decides and
 * under what authority, when and how they were briefed on the equality duty, the award-stage
 * equality impact assessment (updated with what the tenders showed), how the equality criteria
 * affected the outcome, the review and monitoring the contract sets up, and the minutes. Every
 * part is optional when saved, so the record can be built up; the award rules say what is missing
 * when a decision is sought.
 *
 * @param equalityEffect                 in the decision-maker's report: how the equality criteria affected the outcome (AW-02)
 * @param consultationResponsesConsidered how the consultation responses were taken into account (DR-08)
 * @param reviewSchedule                 the review points, e.g. an annual equality review of outcomes by characteristic (DR-07)
 * @param specialistProvisionPlan        what happens to the groups whose specialist provider did not win (DR-07)
 * @param minutes                        the minutes of the decision meeting, or where they are kept (DR-08)
 */
public record DueRegardRecord(DecisionMaker decisionMaker, Briefing briefing, AwardEqia awardEqia, String equalityEffect,
                              String consultationResponsesConsidered, String reviewSchedule, String specialistProvisionPlan,
                              MonitoringPlan monitoringPlan, String minutes) {

    public static final List<String> LEVELS = List.of("HIGH", "MEDIUM", "LOW");
    public static final List<String> FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "SIX_MONTHLY", "ANNUAL");

    /** The named member or officer who makes the decision, and the delegation they act under. */
    public record DecisionMaker(String name, String role, String authority) {
    }

    /** The briefing on the equality duty given to the decision-maker before deciding (DR-01). */
    public record Briefing(LocalDate date, Boolean coversDuty, String by, String summary) {
    }

    /**
     * The award-stage EqIA. {@code severity} is how severe the impact on the groups most affected
     * is (DR-05: with HIGH severity every data gap must be closed).
     */
    public record AwardEqia(LocalDate assessedOn, String relevance, String severity, List<Entry> entries) {

        public List<Entry> entriesOrEmpty() {
            return entries == null ? List.of() : entries;
        }
    }

    /**
     * One characteristic and duty limb: the evidence, the impact, whether it is adverse, its mitigation, any data gap and its
     * action; for advancing equality, how the award meets each of the three needs of s149(3) (DR-04).
     */
    public record Entry(String characteristic, String limb, String evidence, String impact, Boolean adverse, String mitigation,
                        String dataGap, String gapAction, String notApplicableReason, String disadvantage, String differentNeeds,
                        String participation) {

        public Entry(String characteristic, String limb, String evidence, String impact, Boolean adverse, String mitigation,
                     String dataGap, String gapAction, String notApplicableReason) {
            this(characteristic, limb, evidence, impact, adverse, mitigation, dataGap, gapAction, notApplicableReason, null, null, null);
        }

        public boolean isAdverse() {
            return Boolean.TRUE.equals(adverse);
        }
    }

    /**
     * The contract's monitoring plan, set at award (RD-25, MON-01..MON-03).
     *
     * @param needsBaseline each group's expected share of those served, from the needs assessment (MON-02)
     * @param disparityPct  the relative shortfall that triggers a disparity alert, in % (MON-02, default 25)
     */
    public record MonitoringPlan(String frequency, List<String> disaggregatedBy, Integer suppressionThreshold,
                                 List<Baseline> needsBaseline, Integer disparityPct, Boolean subcontractSpendReported) {
    }

    public record Baseline(String group, BigDecimal expectedSharePct) {
    }

    public List<Entry> entries() {
        return awardEqia == null ? List.of() : awardEqia.entriesOrEmpty();
    }

}
