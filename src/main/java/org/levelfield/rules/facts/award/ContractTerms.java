package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutRound;

import java.util.List;

/**
 * What the contract and the decision set up to carry the duty after award (DR-06, DR-07).
 *
 * @param clauses                 the equality clauses in the contract (RD-26 codes)
 * @param reviewSchedule          the review points the decision sets, or null
 * @param monitoringPlanSet       whether the monitoring plan has been set at award
 * @param specialistIncumbentsNotWinning specialist providers the round replaces that win no lot
 * @param specialistProvisionPlan what happens to the groups those providers served, or null
 */
public record ContractTerms(String roundId, String round, List<String> clauses, String reviewSchedule, boolean monitoringPlanSet,
                            List<String> specialistIncumbentsNotWinning, String specialistProvisionPlan) implements AboutRound {

    public ContractTerms {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        specialistIncumbentsNotWinning = specialistIncumbentsNotWinning == null ? List.of() : List.copyOf(specialistIncumbentsNotWinning);
    }

    public boolean isPsedMechanism() {
        return clauses.contains("ASSIST_PSED");
    }

    public boolean isReviewSet() {
        return reviewSchedule != null && !reviewSchedule.isBlank();
    }

    public boolean isSpecialistPlanSet() {
        return specialistProvisionPlan != null && !specialistProvisionPlan.isBlank();
    }

    @Override
    public String subjectLabel() {
        return "Contract for '" + round + "'";
    }
}
