package org.levelfield.award.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.model.Characteristic;
import org.levelfield.round.model.Limb;

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
    private static final int MAX_TEXT = 20_000;

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

    /** One characteristic and duty limb: the evidence, the impact, whether it is adverse, its mitigation, any data gap and its action. */
    public record Entry(String characteristic, String limb, String evidence, String impact, Boolean adverse, String mitigation,
                        String dataGap, String gapAction, String notApplicableReason) {

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

    /** What is wrong with the record as sent; empty when it may be saved. Nothing is judged here that the rules judge. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "equalityEffect", equalityEffect);
        text(errors, "consultationResponsesConsidered", consultationResponsesConsidered);
        text(errors, "reviewSchedule", reviewSchedule);
        text(errors, "specialistProvisionPlan", specialistProvisionPlan);
        text(errors, "minutes", minutes);
        if (decisionMaker != null) {
            required(errors, "decisionMaker.name", decisionMaker.name());
            required(errors, "decisionMaker.role", decisionMaker.role());
            text(errors, "decisionMaker.authority", decisionMaker.authority());
        }
        if (briefing != null) {
            if (briefing.date() == null) {
                errors.add(new FieldError("briefing.date", "is required: the day the decision-maker was briefed"));
            }
            if (briefing.coversDuty() == null) {
                errors.add(new FieldError("briefing.coversDuty", "is required: true if the briefing covered the equality duty (s149)"));
            }
            text(errors, "briefing.by", briefing.by());
            text(errors, "briefing.summary", briefing.summary());
        }
        if (awardEqia != null) {
            if (awardEqia.assessedOn() == null) {
                errors.add(new FieldError("awardEqia.assessedOn", "is required: the date the award-stage assessment was completed"));
            }
            FieldChecks.oneOf(errors, "awardEqia.relevance", awardEqia.relevance(), LEVELS);
            FieldChecks.oneOf(errors, "awardEqia.severity", awardEqia.severity(), LEVELS);
            List<Entry> entries = awardEqia.entriesOrEmpty();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                String at = "awardEqia.entries[" + i + "]";
                FieldChecks.oneOf(errors, at + ".characteristic", e.characteristic(), names(Characteristic.values()));
                FieldChecks.oneOf(errors, at + ".limb", e.limb(), names(Limb.values()));
                required(errors, at + ".impact", e.impact());
                for (String[] field : new String[][] {{"evidence", e.evidence()}, {"mitigation", e.mitigation()}, {"dataGap", e.dataGap()},
                        {"gapAction", e.gapAction()}, {"notApplicableReason", e.notApplicableReason()}}) {
                    text(errors, at + "." + field[0], field[1]);
                }
            }
        }
        if (monitoringPlan != null) {
            FieldChecks.oneOf(errors, "monitoringPlan.frequency", monitoringPlan.frequency(), FREQUENCIES);
            List<String> by = monitoringPlan.disaggregatedBy() == null ? List.of() : monitoringPlan.disaggregatedBy();
            for (int i = 0; i < by.size(); i++) {
                FieldChecks.oneOf(errors, "monitoringPlan.disaggregatedBy[" + i + "]", by.get(i), names(Characteristic.values()));
            }
            if (monitoringPlan.suppressionThreshold() != null && monitoringPlan.suppressionThreshold() < 1) {
                errors.add(new FieldError("monitoringPlan.suppressionThreshold", "must be at least 1; got " + monitoringPlan.suppressionThreshold()));
            }
            if (monitoringPlan.disparityPct() != null && (monitoringPlan.disparityPct() < 1 || monitoringPlan.disparityPct() > 100)) {
                errors.add(new FieldError("monitoringPlan.disparityPct", "must be from 1 to 100; got " + monitoringPlan.disparityPct()));
            }
            List<Baseline> baseline = monitoringPlan.needsBaseline() == null ? List.of() : monitoringPlan.needsBaseline();
            for (int i = 0; i < baseline.size(); i++) {
                Baseline b = baseline.get(i);
                required(errors, "monitoringPlan.needsBaseline[" + i + "].group", b.group());
                if (b.expectedSharePct() == null || b.expectedSharePct().signum() <= 0 || b.expectedSharePct().compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError("monitoringPlan.needsBaseline[" + i + "].expectedSharePct",
                            "must be more than 0 and at most 100; got " + b.expectedSharePct()));
                }
            }
        }
        return errors;
    }

    public List<Entry> entries() {
        return awardEqia == null ? List.of() : awardEqia.entriesOrEmpty();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            text(errors, field, value);
        }
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "is " + value.length() + " characters; at most " + MAX_TEXT + " are allowed"));
        }
    }
}
