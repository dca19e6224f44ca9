package org.levelfield.award.report;

import java.util.List;

/**
 * Everything the award justification says, fixed at the moment it is issued. Built from stored
 * data by {@link AwardReports}; the template and the PDF layout read only this, never the database.
 */
public record AwardReport(String title, String generatedAt, String rulesetVersion, String inputsSha256, RoundPart round,
                          Method method, List<LotPart> lots, List<FindingLine> designFindings, List<FindingLine> scoringFindings,
                          List<HistoryLine> history, List<EligibilityLine> eligibility, List<RobustnessLine> robustness) {

    /** The robustness check of one lot: the summary, and each scenario's winner and lead. */
    public record RobustnessLine(String lot, String summary, List<ScenarioLine> scenarios) {
    }

    public record ScenarioLine(String name, String winner, String margin, String sameWinner) {
    }

    /** The eligibility rules run again at award for one tender, and what changed since submission. */
    public record EligibilityLine(String bidder, String canBid, String changes, String failures) {
    }

    public record RoundPart(String title, String description, String status, String commencementDate, String tenderDeadline,
                            String publishedAt, String closedAt, String pooledTotal, List<PartnerLine> partners) {
    }

    public record PartnerLine(String name, String type, boolean lead, String contribution, String share) {
    }

    public record Method(int scaleMax, int eqSubMin, String eqMeanMin) {
    }

    public record LotPart(String title, String value, String annualValue, int termMonths, List<CriterionLine> criteria,
                          String outcome, String lowestCompliantPrice, List<TenderPart> tenders) {
    }

    public record CriterionLine(String title, String kind, String weight) {
    }

    public record TenderPart(String bidder, String price, String total, String rank, boolean disqualified,
                             List<String> disqualifiedBecause, List<ScoreLine> scores) {
    }

    public record ScoreLine(String criterion, String weight, String method, String meanScore, String weighted,
                            List<EvaluatorLine> evaluators) {
    }

    public record EvaluatorLine(String evaluator, int score, String reason) {
    }

    public record FindingLine(String ruleId, String severity, String force, String citation, String subject, String ruleName,
                              String message) {
    }

    public record HistoryLine(String at, String from, String to, String reason) {
    }
}
