package org.levelfield.award.report;

import java.util.List;

/**
 * Everything the award justification says, fixed at the moment it is issued. Built from stored
 * data by {@link AwardReports}; the template and the PDF layout read only this, never the database.
 */
public record AwardReport(String title, String generatedAt, String rulesetVersion, String inputsSha256, RoundPart round,
                          Method method, List<LotPart> lots, List<FindingLine> designFindings, List<FindingLine> scoringFindings,
                          List<HistoryLine> history, List<EligibilityLine> eligibility, List<RobustnessLine> robustness,
                          boolean publicVersion, DecisionPart decision, List<EqiaLine> equalityAnalysis, List<EqiaLine> adverseImpacts,
                          List<DutyLine> dutyScores, List<ModerationLine> moderation, List<ConflictLine> conflicts,
                          List<AltLine> abnormallyLow, List<ProviderLine> providers, List<IncumbentLine> incumbents,
                          List<FindingLine> awardFindings, List<NoAwardLine> noAward) {

    /** What was decided for a lot left without a compliant tender (SS-01): the choice, the reasons, when the EqIA was updated, by whom. */
    public record NoAwardLine(String lot, String choice, String reasons, String eqiaUpdatedOn, String decided) {
    }

    /**
     * The decision file: the record version in force, who decides and how they were briefed, what the
     * report says about the equality criteria, review and monitoring, the partners' sign-offs and each lot's decision.
     */
    public record DecisionPart(String recordVersion, String recordedAt, String decisionMaker, String authority, String briefing,
                               String eqiaAssessedOn, String severity, String equalityEffect, String reviewSchedule,
                               String specialistProvisionPlan, String monitoringPlan, String minutes, List<SignOffLine> signOffs,
                               List<LotDecisionLine> lotDecisions) {
    }

    public record SignOffLine(String partner, String signed) {
    }

    public record LotDecisionLine(String lot, String winner, String decidedOn, String decisionMaker) {
    }

    /** One entry of the award-stage equality analysis: characteristic, duty limb, evidence, impact, mitigation and any data gap. */
    public record EqiaLine(String characteristic, String limb, String evidence, String impact, String adverse, String mitigation, String gap) {
    }

    /** A tender's score on each of the race, disability and sex duties as used in the award. */
    public record DutyLine(String lot, String bidder, String race, String disability, String sex, String gateway) {
    }

    public record ModerationLine(String lot, String bidder, String criterion, String evaluatorScores, String consensus, String reason,
                                 String recorded) {
    }

    public record ConflictLine(String at, String evaluator, String bidder, String conflicted, String nature) {
    }

    public record AltLine(String bidder, String question, String response, String decision) {
    }

    /** What happened to each bidder, by size and kind: SME, VCSE, and its result in each lot it bid for. */
    public record ProviderLine(String bidder, String sme, String vcse, String outcome) {
    }

    /** A provider the round replaces, and what became of it and of the specialist provision it ran. */
    public record IncumbentLine(String organisation, String groupServed, String funding, String specialist, String outcome) {
    }

    /** The robustness check of one lot: the summary, and each scenario's winner and lead. */
    public record RobustnessLine(String lot, String summary, List<ScenarioLine> scenarios) {
    }

    public record ScenarioLine(String name, String winner, String margin, String sameWinner) {
    }

    /** The eligibility rules run again at award for one tender, and what changed since submission. */
    public record EligibilityLine(String bidder, String canBid, String changes, String failures, String decision) {
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

    /** One criterion of a tender: {@code method} says how the score was reached where that is not the published mean (else null). */
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
