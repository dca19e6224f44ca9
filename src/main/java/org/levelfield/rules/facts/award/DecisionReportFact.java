package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.AboutLot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the parts a decision report must hold for one lot are present (AW-02): the winner and
 * reasons, reasons for every rejected or disregarded tender, abnormally low tender reasons, the lots
 * decision, conflicts and their mitigation, and how the equality criteria affected the outcome.
 */
public record DecisionReportFact(String roundId, String lotId, String lot, boolean winnerReasons, boolean rejectionReasons,
                                 boolean abnormallyLowReasons, boolean lotsDecision, boolean conflictsRecorded,
                                 boolean equalityEffect) implements AboutLot {

    public List<String> getMissingSections() {
        List<String> missing = new ArrayList<>();
        if (!winnerReasons) missing.add("the winner and the reasons for its selection");
        if (!rejectionReasons) missing.add("the reasons each other tender was rejected or disregarded");
        if (!abnormallyLowReasons) missing.add("the reasons for the abnormally low tender decisions");
        if (!lotsDecision) missing.add("the reasons for the division (or not) into lots");
        if (!conflictsRecorded) missing.add("the conflicts of interest found and their mitigation");
        if (!equalityEffect) missing.add("how the equality criteria affected the outcome");
        return missing;
    }

    @Override
    public String subjectLabel() {
        return "Decision report for lot '" + lot + "'";
    }
}
