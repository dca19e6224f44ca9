package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutTender;

import java.util.List;

/**
 * What one bidder's assessment summary (PA 2023 s50) or award letter (PCR 2015 reg 86) contains,
 * checked before it is sent (AW-03, AW-04).
 *
 * @param regime                 PA_2023 or PCR_2015
 * @param criteriaListed         whether the criteria, weights and scoring scheme are set out
 * @param unexplained            criteria the bidder's own scores carry no explanation for
 * @param totalGiven             whether the bidder's total is given
 * @param winnerScoresGiven      for an unsuccessful bidder: whether the winner's scores and reasons are given
 * @param nonAwardReason         for an unsuccessful bidder: why it did not win (rank, gateway, abnormally low price), or null
 * @param winnerNamed            whether the winner's name is given (PCR)
 * @param relativeAdvantages     the characteristics and relative advantages of the winning tender (PCR), or null
 * @param standstillStated       whether the standstill period is stated (PCR)
 * @param reasonsToRewrite       the evaluators' reasons the summary would show that SC-02 found weak and that were not rewritten
 */
public record AssessmentSummaryFact(String tenderId, String supplier, String lot, String regime, boolean successful,
                                    boolean criteriaListed, List<String> unexplained, boolean totalGiven, boolean winnerScoresGiven,
                                    String nonAwardReason, boolean winnerNamed, String relativeAdvantages,
                                    boolean standstillStated, List<String> reasonsToRewrite) implements AboutTender {

    public AssessmentSummaryFact {
        unexplained = unexplained == null ? List.of() : List.copyOf(unexplained);
        reasonsToRewrite = reasonsToRewrite == null ? List.of() : List.copyOf(reasonsToRewrite);
    }

    public boolean isPcr() {
        return "PCR_2015".equals(regime);
    }

    @Override
    public String subjectLabel() {
        return "Assessment summary for " + supplier + " (lot '" + lot + "')";
    }
}
