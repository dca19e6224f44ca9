package org.levelfield.award.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.award.model.DueRegardRecord.Baseline;
import org.levelfield.award.model.DueRegardRecord.Entry;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.model.Characteristic;
import org.levelfield.round.model.Limb;

import static org.levelfield.award.model.DueRegardRecord.FREQUENCIES;
import static org.levelfield.award.model.DueRegardRecord.LEVELS;

/** Checks a due-regard record as sent: codes, dates present where a part is given, numbers in range, text not too long. */
public final class DueRegardValidation {

    private static final int MAX_TEXT = 20_000;

    private DueRegardValidation() {
    }

    /** What is wrong with the record as sent; empty when it may be saved. Nothing is judged here that the rules judge. */
    public static List<FieldError> problems(DueRegardRecord r) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "equalityEffect", r.equalityEffect());
        text(errors, "consultationResponsesConsidered", r.consultationResponsesConsidered());
        text(errors, "reviewSchedule", r.reviewSchedule());
        text(errors, "specialistProvisionPlan", r.specialistProvisionPlan());
        text(errors, "minutes", r.minutes());
        if (r.decisionMaker() != null) {
            required(errors, "decisionMaker.name", r.decisionMaker().name());
            required(errors, "decisionMaker.role", r.decisionMaker().role());
            text(errors, "decisionMaker.authority", r.decisionMaker().authority());
        }
        if (r.briefing() != null) {
            if (r.briefing().date() == null) {
                errors.add(new FieldError("briefing.date", "is required: the day the decision-maker was briefed"));
            }
            if (r.briefing().coversDuty() == null) {
                errors.add(new FieldError("briefing.coversDuty", "is required: true if the briefing covered the equality duty (s149)"));
            }
            text(errors, "briefing.by", r.briefing().by());
            text(errors, "briefing.summary", r.briefing().summary());
        }
        if (r.awardEqia() != null) {
            if (r.awardEqia().assessedOn() == null) {
                errors.add(new FieldError("awardEqia.assessedOn", "is required: the date the award-stage assessment was completed"));
            }
            FieldChecks.oneOf(errors, "awardEqia.relevance", r.awardEqia().relevance(), LEVELS);
            FieldChecks.oneOf(errors, "awardEqia.severity", r.awardEqia().severity(), LEVELS);
            List<Entry> entries = r.awardEqia().entriesOrEmpty();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                String at = "awardEqia.entries[" + i + "]";
                FieldChecks.oneOf(errors, at + ".characteristic", e.characteristic(), names(Characteristic.values()));
                FieldChecks.oneOf(errors, at + ".limb", e.limb(), names(Limb.values()));
                required(errors, at + ".impact", e.impact());
                for (String[] field : new String[][] {{"evidence", e.evidence()}, {"mitigation", e.mitigation()}, {"dataGap", e.dataGap()},
                        {"gapAction", e.gapAction()}, {"notApplicableReason", e.notApplicableReason()}, {"disadvantage", e.disadvantage()},
                        {"differentNeeds", e.differentNeeds()}, {"participation", e.participation()}}) {
                    text(errors, at + "." + field[0], field[1]);
                }
            }
        }
        if (r.monitoringPlan() != null) {
            FieldChecks.oneOf(errors, "monitoringPlan.frequency", r.monitoringPlan().frequency(), FREQUENCIES);
            List<String> by = r.monitoringPlan().disaggregatedBy() == null ? List.of() : r.monitoringPlan().disaggregatedBy();
            for (int i = 0; i < by.size(); i++) {
                FieldChecks.oneOf(errors, "monitoringPlan.disaggregatedBy[" + i + "]", by.get(i), names(Characteristic.values()));
            }
            if (r.monitoringPlan().suppressionThreshold() != null && r.monitoringPlan().suppressionThreshold() < 1) {
                errors.add(new FieldError("monitoringPlan.suppressionThreshold", "must be at least 1; got " + r.monitoringPlan().suppressionThreshold()));
            }
            if (r.monitoringPlan().disparityPct() != null && (r.monitoringPlan().disparityPct() < 1 || r.monitoringPlan().disparityPct() > 100)) {
                errors.add(new FieldError("monitoringPlan.disparityPct", "must be from 1 to 100; got " + r.monitoringPlan().disparityPct()));
            }
            List<Baseline> baseline = r.monitoringPlan().needsBaseline() == null ? List.of() : r.monitoringPlan().needsBaseline();
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
