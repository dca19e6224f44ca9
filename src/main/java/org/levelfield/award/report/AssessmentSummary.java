package org.levelfield.award.report;

import java.util.List;

/**
 * What one bidder is told about the award of a lot (Procurement Act 2023 s50; PCR 2015 reg 86):
 * the criteria and scoring scheme, its own score and the explanation for each criterion, its total,
 * and, if it did not win, the same for the winning tender and why it did not win. Evaluators are
 * not named to bidders. Built by {@link AssessmentSummaries}; read only by the template.
 */
public record AssessmentSummary(String title, String generatedAt, String round, String authority, String lot, String bidder,
                                boolean successful, String outcome, String regime, List<CriterionPart> criteria, Part own, Part winner,
                                String nonAwardReason, String relativeAdvantages, String standstill, String findingsNote,
                                List<String> method) {

    public record CriterionPart(String title, String kind, String weight, String scheme) {
    }

    /** One tender's result: the bidder, total and rank, disqualifications, and each criterion's score and explanation. */
    public record Part(String bidder, String total, String rank, List<String> disqualifiedBecause, List<ScorePart> scores,
                       String standing) {
    }

    /** A criterion's score out of the scale (or the price formula), the weighted points, and the explanation referring to the tender. */
    public record ScorePart(String criterion, String score, String weighted, String explanation, String adjustment,
                            List<Said> said) {
    }

    /** What one evaluator (by number, never by name) scored and said. */
    public record Said(String evaluator, String score, String reason) {
    }
}
