package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutLot;

import java.time.LocalDate;

/**
 * A decision sought on one lot, as the due-regard rules see it (DR-01, DR-02, DR-05).
 *
 * @param decisionMaker      the named member or officer deciding, or null if none is named
 * @param briefingDate       when the decision-maker was briefed on the equality duty, or null if no briefing is recorded
 * @param briefingCoversDuty whether that briefing covered the duty (s149 or its predecessors)
 * @param scoringCompletedOn the day scoring was completed (the award was last computed)
 * @param eqiaAssessedOn     the date of the award-stage equality impact assessment, or null if there is none
 * @param eqiaSeverity       HIGH, MEDIUM or LOW: how severe the impact on the groups most affected is
 */
public record AwardDecisionFact(String roundId, String lotId, String lot, String decisionMaker, String decisionMakerRole, LocalDate decidedOn,
                                LocalDate briefingDate, Boolean briefingCoversDuty, LocalDate scoringCompletedOn,
                                LocalDate eqiaAssessedOn, String eqiaSeverity) implements AboutLot {

    public boolean isBriefedOnDuty() {
        return briefingDate != null && Boolean.TRUE.equals(briefingCoversDuty);
    }

    @Override
    public String subjectLabel() {
        return "Decision on lot '" + lot + "'";
    }
}
