package org.levelfield.award.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation.CriterionLine;
import org.levelfield.award.model.AwardCalculation.EvaluatorScore;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.award.AssessmentSummaryFact;
import org.levelfield.rules.facts.Format;

/** Builds each bidder's assessment summary from the award computation, and the facts AW-03 and AW-04 check it by. */
@Singleton
public class AssessmentSummaries {

    private static final org.levelfield.common.web.pages.Labels LABELS = new org.levelfield.common.web.pages.Labels();


    private final Clock clock;

    public AssessmentSummaries(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param regime     PA_2023, PCR_2015, PCR_2006 or PRE_2006
     * @param standstill what the bidder is told about the standstill
     */
    public AssessmentSummary build(Round round, Lot lot, LotResult result, UUID tenderId, String regime, String standstill) {
        return build(round, lot, result, tenderId, regime, standstill, Map.of());
    }

    /**
     * @param rewritten the evaluators' rewritten reasons (SC-02), shown in place of the originals, keyed by tender, criterion and
     *                  evaluator; the originals stay in the record
     */
    public AssessmentSummary build(Round round, Lot lot, LotResult result, UUID tenderId, String regime, String standstill,
                                   Map<List<UUID>, String> rewritten) {
        return build(round, lot, result, tenderId, regime, standstill, rewritten, null);
    }

    /** @param thresholds the figures the round was published with (the equality gateway's minimums), or null if not known */
    public AssessmentSummary build(Round round, Lot lot, LotResult result, UUID tenderId, String regime, String standstill,
                                   Map<List<UUID>, String> rewritten, org.levelfield.rules.facts.Thresholds thresholds) {
        TenderResult own = result.tenders().stream().filter(t -> t.tenderId().equals(tenderId)).findFirst().orElseThrow();
        TenderResult winner = result.winner().orElse(null);
        boolean successful = winner != null && winner.tenderId().equals(tenderId);
        String authority = round.partners().stream().filter(Partner::lead).map(Partner::name).findFirst().orElse(round.title());
        List<AssessmentSummary.CriterionPart> criteria = lot.criteria().stream().map(c -> new AssessmentSummary.CriterionPart(lot.publishedTitle(c),
                c.duty() == null ? LABELS.of("CRITERION_KIND", c.kind().name()) : LABELS.of("DUTY", c.duty().name()),
                lot.publishedWeight(c), scheme(lot, c, result.scaleMax()))).toList();
        String nonAward = successful ? null : nonAwardReason(own, winner, result);
        List<UUID> panel = result.evaluatorsByName();
        return new AssessmentSummary("Assessment summary: " + own.bidder() + ", " + lot.title(), org.levelfield.common.web.pages.Dates.dateTime(clock.instant()), round.title(),
                authority, lot.title(), own.bidder(), successful, successful ? "Successful: the contracting authority intends to award this lot to you."
                : "Not successful: the contracting authority intends to award this lot to " + (winner == null ? "no supplier" : winner.bidder()) + ".",
                switch (regime == null ? "" : regime) {
                    case "PA_2023" -> "Procurement Act 2023 s50 and the Procurement Regulations 2024 reg 31";
                    case "PCR_2006" -> "Public Contracts Regulations 2006 reg 32";
                    case "PRE_2006" -> "Public Services Contracts Regulations 1993";
                    default -> "Public Contracts Regulations 2015 reg 86";
                },
                criteria, part(own, result.scaleMax(), panel, rewritten),
                successful || winner == null ? null : part(winner, result.scaleMax(), panel, rewritten), nonAward,
                successful || winner == null ? null : relativeAdvantages(own, winner), standstill,
                "Scores given by evaluators are shown as they gave them; where the panel moderated a score, or a published rule capped it, the score used and the reason are shown.",
                method(lot, result, thresholds));
    }

    /**
     * The published methodology in sentences (reg 31 of the Procurement Regulations 2024 asks for the assessment against
     * the published criteria): how scores become points, how price is scored or that it was fixed, and the failures that
     * disqualify, with their figures.
     */
    private static List<String> method(Lot lot, LotResult result, org.levelfield.rules.facts.Thresholds thresholds) {
        List<String> lines = new ArrayList<>();
        lines.add("Evaluators scored each quality and equality criterion from 0 to " + result.scaleMax() + " against the published descriptors,"
                + " each on their own; a criterion earns the mean of their scores (or the score the panel agreed in moderation) divided by "
                + result.scaleMax() + " and multiplied by its weight. Totals keep full precision and are rounded once, to 2 decimal places.");
        var terms = lot.terms();
        if (terms != null && "FIXED_PRICE".equals(terms.priceMode())) {
            lines.add("The price was fixed at " + (terms.fixedPricePence() == null ? "the published price" : Format.pounds(terms.fixedPricePence()))
                    + ": tenders competed on quality and equality alone, and no price was scored.");
        } else {
            lines.add("Price earned the lowest compliant price divided by the tender's price, multiplied by the price weight; the lowest"
                    + " price was taken only among tenders that were not disqualified.");
        }
        boolean gated = lot.criteria().stream().anyMatch(c -> c.duty() != null);
        if (gated && thresholds != null) {
            lines.add("The equality gateway (rule EQ-05) was published as disqualifying: a tender is disqualified unless its race,"
                    + " disability and sex sub-criteria each score at least " + thresholds.eqSubMin() + " and their mean is at least "
                    + Format.number(thresholds.eqMeanMin()) + ".");
        }
        lot.criteria().stream().filter(c -> c.minScore() != null).forEach(c -> lines.add("'" + lot.publishedTitle(c)
                + "' was published with a minimum score of " + c.minScore() + ": a tender scoring less on it is disqualified."));
        return lines;
    }

    /** The facts AW-03 and AW-04 read, taken from the summary as it will be printed. */
    public AssessmentSummaryFact fact(AssessmentSummary s, UUID tenderId, String regime) {
        return fact(s, tenderId, regime, List.of());
    }

    /** @param reasonsToRewrite the weak reasons (SC-02) this summary would show that were not rewritten, described for the commissioner */
    public AssessmentSummaryFact fact(AssessmentSummary s, UUID tenderId, String regime, List<String> reasonsToRewrite) {
        List<String> unexplained = s.own().scores().stream().filter(p -> p.explanation() == null || p.explanation().isBlank())
                .map(AssessmentSummary.ScorePart::criterion).toList();
        boolean criteriaListed = !s.criteria().isEmpty() && s.criteria().stream().allMatch(c -> c.scheme() != null && !c.scheme().isBlank());
        boolean winnerScores = s.winner() != null && !s.winner().scores().isEmpty()
                && s.winner().scores().stream().allMatch(p -> p.explanation() != null && !p.explanation().isBlank());
        return new AssessmentSummaryFact(tenderId.toString(), s.bidder(), s.lot(), regime, s.successful(), criteriaListed, unexplained,
                s.own().total() != null, winnerScores, s.nonAwardReason(), s.winner() != null, s.relativeAdvantages(),
                s.standstill() != null && !s.standstill().isBlank(), reasonsToRewrite);
    }

    private static String scheme(Lot lot, Criterion c, int scaleMax) {
        if (c.kind().name().equals("PRICE")) {
            return "lowest compliant price / the tender's price x " + lot.publishedWeight(c);
        }
        if (!c.isScoredByEvaluators(lot)) {
            return "the sum of its sub-criteria, each scored on its own";
        }
        String descriptors = c.descriptors() == null || c.descriptors().isBlank() ? "" : "; " + c.descriptors();
        return "scored 0 to " + scaleMax + ", mean of the evaluators (or the moderated score) / " + scaleMax + " x " + lot.publishedWeight(c)
                + descriptors + (c.minScore() == null ? "" : "; minimum " + c.minScore());
    }

    private static AssessmentSummary.Part part(TenderResult t, int scaleMax, List<UUID> panel, Map<List<UUID>, String> rewritten) {
        List<AssessmentSummary.ScorePart> scores = new ArrayList<>();
        for (CriterionLine line : t.lines()) {
            String weighted = line.weighted() == null ? "-" : two(line.weighted());
            if ("PRICE".equals(line.kind())) {
                scores.add(new AssessmentSummary.ScorePart(line.title(), "price formula", weighted,
                        "Scored by the published price formula against the lowest compliant price.", null, List.of()));
                continue;
            }
            StringBuilder explanation = new StringBuilder();
            List<AssessmentSummary.Said> said = new ArrayList<>();
            List<EvaluatorScore> given = line.evaluatorScores();
            for (int i = 0; i < given.size(); i++) {
                if (given.get(i).reason() == null || given.get(i).reason().isBlank()) {
                    continue;
                }
                String reason = rewritten.getOrDefault(List.of(t.tenderId(), line.criterionId(), given.get(i).evaluatorId()), given.get(i).reason());
                String who = "Evaluator " + (panel.indexOf(given.get(i).evaluatorId()) + 1);
                explanation.append(who).append(" (").append(given.get(i).score()).append("): ").append(reason.strip()).append(' ');
                said.add(new AssessmentSummary.Said(who, String.valueOf(given.get(i).score()), reason.strip()));
            }
            String adjustment = null;
            if (line.consensus() != null) {
                adjustment = "Moderated to " + line.consensus().score() + ": " + line.consensus().reason();
            }
            if (line.cappedBy() != null) {
                adjustment = (adjustment == null ? "" : adjustment + " ") + "Capped at " + line.cappedBy().cap() + " by rule "
                        + line.cappedBy().ruleId() + ": " + line.cappedBy().reason();
            }
            scores.add(new AssessmentSummary.ScorePart(line.title(), line.score() == null ? "-" : two(line.score()) + " / " + scaleMax, weighted,
                    explanation.toString().strip(), adjustment, List.copyOf(said)));
        }
        String standing = t.disqualified() ? "Not eligible for award, so it has no total and no rank; its scores are shown for the record."
                : t.rank() == null ? "Total **" + t.total().toPlainString() + "** points; it was not ranked."
                : "Total **" + t.total().toPlainString() + "** points; ranked " + t.rank() + ".";
        return new AssessmentSummary.Part(t.bidder(), t.total() == null ? null : t.total().toPlainString(),
                t.rank() == null ? null : String.valueOf(t.rank()), t.disqualifiedBecause(), scores, standing);
    }

    private static String nonAwardReason(TenderResult own, TenderResult winner, LotResult result) {
        if (own.disqualified()) {
            return "The tender was not eligible for award: " + String.join(" ", own.disqualifiedBecause());
        }
        if (winner == null) {
            return "No tender is awarded this lot: " + result.outcome();
        }
        long ranked = result.tenders().stream().filter(t -> t.rank() != null).count();
        return "The tender ranked " + own.rank() + " of " + ranked + " with " + own.total() + " points; the winning tender scored "
                + winner.total() + "." + (result.tieBrokenBy() == null ? "" : " A tie was broken by the published rule " + result.tieBrokenBy() + ".");
    }

    /** Where the winning tender scored more than this one: the characteristics and relative advantages (reg 86(2)). */
    private static String relativeAdvantages(TenderResult own, TenderResult winner) {
        Map<String, BigDecimal> ownPoints = new LinkedHashMap<>();
        own.lines().forEach(l -> ownPoints.put(l.title(), l.weighted()));
        List<String> ahead = new ArrayList<>();
        for (CriterionLine l : winner.lines()) {
            BigDecimal mine = ownPoints.get(l.title());
            if (l.weighted() != null && mine != null && l.weighted().compareTo(mine) > 0) {
                ahead.add(l.title() + " (" + two(l.weighted()) + " against your " + two(mine) + " weighted points)");
            }
        }
        return ahead.isEmpty() ? "The winning tender scored no higher on any single criterion; its total was higher."
                : "The winning tender scored higher on " + String.join("; ", ahead) + ".";
    }

    private static String two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
