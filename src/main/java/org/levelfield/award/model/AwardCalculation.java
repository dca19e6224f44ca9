package org.levelfield.award.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.levelfield.rules.model.Fraction;

/**
 * The published method, per lot (catalogue §1.6, SC-05, SC-06):
 * <ul>
 *   <li>a scored criterion earns (score ÷ scale maximum) × weight, where the score is the consensus
 *       recorded in moderation (SC-03) if there is one, otherwise the mean of the evaluators' scores;</li>
 *   <li>price earns (lowest compliant price ÷ tender price) × price weight, the lowest price
 *       taken only among tenders not disqualified;</li>
 *   <li>the total keeps full precision until it is rounded once, to 2 decimal places, half up;</li>
 *   <li>disqualified tenders are not ranked; equal totals share a rank, and a tie for first means no
 *       provisional winner until the published tie-break resolves it.</li>
 * </ul>
 */
public final class AwardCalculation {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private AwardCalculation() {
    }

    /**
     * A criterion as the method uses it.
     *
     * @param title  as published: a sub-criterion's after its criterion's ("Equality: race")
     * @param group  for a sub-criterion, the title of the criterion it is part of (a tie-break step may name either); else null
     * @param exact  the weight exactly (10/3 for a third of 10): what a score earns is divided once, at the end
     */
    public record CriterionSpec(UUID id, String title, String kind, String duty, BigDecimal weight, String group, Fraction exact) {
        public CriterionSpec(UUID id, String title, String kind, String duty, BigDecimal weight) {
            this(id, title, kind, duty, weight, null, Fraction.of(weight));
        }

        boolean isPrice() {
            return "PRICE".equals(kind);
        }

        /** The same criterion at another weight (to test how robust a ranking is). */
        public CriterionSpec weighing(BigDecimal other) {
            return new CriterionSpec(id, title, kind, duty, other, group, Fraction.of(other));
        }

        /** value × this weight ÷ divisor, dividing once. */
        BigDecimal share(BigDecimal value, BigDecimal divisor) {
            return value.multiply(new BigDecimal(exact.numerator())).divide(divisor.multiply(new BigDecimal(exact.denominator())), PRECISION);
        }
    }

    /**
     * @param points the reason point by point, each with the id of the published criterion it addresses (null for none); may be empty
     */
    public record EvaluatorScore(UUID evaluatorId, String evaluator, int score, String reason, List<ReasonPoint> points) {
        public EvaluatorScore {
            points = points == null ? List.of() : List.copyOf(points);
        }

        public EvaluatorScore(UUID evaluatorId, String evaluator, int score, String reason) {
            this(evaluatorId, evaluator, score, reason, List.of());
        }
    }

    /** A point of an evaluator's reason and the published criterion it addresses, or null where it addresses none. */
    public record ReasonPoint(String point, UUID addresses) {
    }

    /** A consensus recorded in moderation: the score and its reason. */
    public record Consensus(int score, String reason) {
    }

    /** A rule's ceiling on a criterion's score (EQ-06, EQ-07): it lowers a score, never raises one. */
    public record Cap(int cap, String ruleId, String reason) {
    }

    public record TenderInput(UUID tenderId, String bidder, long pricePence, Map<UUID, List<EvaluatorScore>> scores,
                              Map<UUID, Consensus> consensus, Map<UUID, Cap> caps) {
        public TenderInput(UUID tenderId, String bidder, long pricePence, Map<UUID, List<EvaluatorScore>> scores) {
            this(tenderId, bidder, pricePence, scores, Map.of(), Map.of());
        }
    }

    /** One criterion of a tender: the evaluators' scores, any consensus (shown beside them), the score used and what it earns. */
    public record CriterionLine(UUID criterionId, String title, String kind, String duty, BigDecimal weight,
                                List<EvaluatorScore> evaluatorScores, Consensus consensus, Cap cappedBy, BigDecimal score,
                                BigDecimal weighted, String group, Fraction exactWeight) {

        /** The weight as published: "30", "3.5" or, for a third of 10, "10/3". */
        public String weightText() {
            return exactWeight.toString();
        }

        /** Whether a tie-break step naming this title means this line: its own title or, for a sub-criterion, its criterion's. */
        public boolean isNamed(String name) {
            return title.strip().equalsIgnoreCase(name) || (group != null
                    && (group.strip().equalsIgnoreCase(name) || title.strip().equalsIgnoreCase(group.strip() + ": " + name)));
        }
    }

    public record TenderResult(UUID tenderId, String bidder, long pricePence, List<CriterionLine> lines, BigDecimal total,
                               Integer rank, boolean disqualified, List<String> disqualifiedBecause) {
    }

    /**
     * @param tieBrokenBy the published tie-break step that separated a tie for first, or null if there was none to break
     * @param allocation  how the published lot limit changed this lot's provisional winner (SC-13), or null if it did not
     */
    public record LotResult(UUID lotId, String lot, int scaleMax, Long lowestCompliantPricePence, List<TenderResult> tenders,
                            UUID provisionalWinner, String outcome, String tieBrokenBy, String allocation) {

        /** This lot as the lot limit leaves it: its provisional winner (null if none) and why. */
        public LotResult allocatedTo(UUID winner, String why) {
            String to = tenders.stream().filter(t -> t.tenderId().equals(winner)).findFirst()
                    .map(t -> "Provisional award to " + t.bidder() + " with " + t.total().toPlainString() + " points, ranked " + t.rank()
                            + ", under the published lot limit: " + why)
                    .orElse("No provisional award for this lot under the published lot limit: " + why);
            return new LotResult(lotId, lot, scaleMax, lowestCompliantPricePence, tenders, winner, to, tieBrokenBy, why);
        }

        /** The provisional winner's result, if the lot has one. */
        public java.util.Optional<TenderResult> winner() {
            return tenders.stream().filter(t -> t.tenderId().equals(provisionalWinner)).findFirst();
        }

        /** The tender ranked second, if any. */
        public java.util.Optional<TenderResult> runnerUp() {
            return tenders.stream().filter(t -> t.rank() != null && t.rank() == 2).findFirst();
        }

        /**
         * Everyone who scored in this lot, in name order: where evaluators are not named (to bidders, in the
         * public report) each is "Evaluator n" by this position, the same person on every criterion and tender.
         */
        public List<UUID> evaluatorsByName() {
            java.util.Map<UUID, String> names = new java.util.HashMap<>();
            tenders.forEach(t -> t.lines().forEach(l -> l.evaluatorScores().forEach(e -> names.putIfAbsent(e.evaluatorId(), e.evaluator()))));
            return names.entrySet().stream().sorted(java.util.Map.Entry.<UUID, String>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                    .map(java.util.Map.Entry::getKey).toList();
        }
    }

    /**
     * How price is scored: RATIO is the published default (lowest ÷ price × weight); LINEAR, used only
     * to test robustness, loses the weight in proportion to how far a price is above the lowest.
     */
    public enum PriceFormula { RATIO, LINEAR }

    public static LotResult calculate(UUID lotId, String lotTitle, int scaleMax, List<CriterionSpec> criteria,
                                      List<TenderInput> tenders, Map<UUID, List<String>> disqualified) {
        return calculate(lotId, lotTitle, scaleMax, criteria, tenders, disqualified, PriceFormula.RATIO, List.of());
    }

    public static LotResult calculate(UUID lotId, String lotTitle, int scaleMax, List<CriterionSpec> criteria,
                                      List<TenderInput> tenders, Map<UUID, List<String>> disqualified, PriceFormula formula,
                                      List<String> tieBreak) {
        Set<UUID> out = disqualified.keySet();
        Long lowest = tenders.stream().filter(t -> !out.contains(t.tenderId())).map(TenderInput::pricePence)
                .min(Long::compare).orElse(null);
        List<TenderResult> results = new ArrayList<>();
        for (TenderInput tender : tenders) {
            boolean isOut = out.contains(tender.tenderId());
            List<CriterionLine> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (CriterionSpec c : criteria) {
                CriterionLine line = c.isPrice()
                        ? priceLine(c, tender, isOut ? null : lowest, formula)
                        : scoredLine(c, tender.scores().getOrDefault(c.id(), List.of()), tender.consensus().get(c.id()),
                                tender.caps().get(c.id()), scaleMax);
                lines.add(line);
                total = total.add(line.weighted() == null ? BigDecimal.ZERO : line.weighted());
            }
            results.add(new TenderResult(tender.tenderId(), tender.bidder(), tender.pricePence(), List.copyOf(lines),
                    total.setScale(2, RoundingMode.HALF_UP), null, isOut, disqualified.getOrDefault(tender.tenderId(), List.of())));
        }
        return rank(lotId, lotTitle, scaleMax, lowest, results, tieBreak == null ? List.of() : tieBreak);
    }

    private static CriterionLine scoredLine(CriterionSpec c, List<EvaluatorScore> scores, Consensus consensus, Cap cap, int scaleMax) {
        if (scores.isEmpty() && consensus == null) {
            return new CriterionLine(c.id(), c.title(), c.kind(), c.duty(), c.weight(), List.of(), null, null, null, BigDecimal.ZERO, c.group(), c.exact());
        }
        BigDecimal base = consensus != null ? BigDecimal.valueOf(consensus.score()) : mean(scores);
        Cap applied = cap != null && base.compareTo(BigDecimal.valueOf(cap.cap())) > 0 ? cap : null;
        BigDecimal score = applied == null ? base : BigDecimal.valueOf(applied.cap());
        BigDecimal weighted = c.share(score, BigDecimal.valueOf(scaleMax));
        return new CriterionLine(c.id(), c.title(), c.kind(), c.duty(), c.weight(), List.copyOf(scores), consensus, applied, score, weighted, c.group(), c.exact());
    }

    /** The score a criterion counts at: the consensus or the evaluators' mean, lowered to a rule's cap if one applies. */
    public static BigDecimal scoreUsed(List<EvaluatorScore> scores, Consensus consensus, Cap cap) {
        BigDecimal base = consensus != null ? BigDecimal.valueOf(consensus.score()) : mean(scores);
        return cap != null && base.compareTo(BigDecimal.valueOf(cap.cap())) > 0 ? BigDecimal.valueOf(cap.cap()) : base;
    }

    /** The mean of the evaluators' scores at full precision. */
    public static BigDecimal mean(List<EvaluatorScore> scores) {
        return BigDecimal.valueOf(scores.stream().mapToInt(EvaluatorScore::score).sum()).divide(BigDecimal.valueOf(scores.size()), PRECISION);
    }

    private static CriterionLine priceLine(CriterionSpec c, TenderInput tender, Long lowest, PriceFormula formula) {
        BigDecimal weighted;
        if (lowest == null) {
            weighted = null;
        } else if (formula == PriceFormula.LINEAR) {
            BigDecimal above = BigDecimal.valueOf(tender.pricePence() - lowest).divide(BigDecimal.valueOf(lowest), PRECISION);
            weighted = c.weight().multiply(BigDecimal.ONE.subtract(above).max(BigDecimal.ZERO), PRECISION);
        } else {
            weighted = c.share(BigDecimal.valueOf(lowest), BigDecimal.valueOf(tender.pricePence()));
        }
        return new CriterionLine(c.id(), c.title(), c.kind(), c.duty(), c.weight(), List.of(), null, null, null, weighted, c.group(), c.exact());
    }

    /**
     * The key a published tie-break step compares, larger is better: the weighted equality score,
     * the weighted quality (all non-price) score, the price negated, or the weighted scores of the
     * criteria a SUM_OF step names, added up.
     */
    private static BigDecimal tieKey(String step, TenderResult r) {
        return switch (step) {
            case "EQUALITY_SCORE" -> r.lines().stream().filter(l -> "EQUALITY".equals(l.kind()) && l.weighted() != null)
                    .map(CriterionLine::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
            case "QUALITY_SCORE" -> r.lines().stream().filter(l -> !"PRICE".equals(l.kind()) && l.weighted() != null)
                    .map(CriterionLine::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
            case "LOWER_PRICE" -> BigDecimal.valueOf(-r.pricePence());
            default -> {
                List<String> named = org.levelfield.round.model.RoundDetails.sumOf(step);
                if (named.isEmpty()) {
                    throw new IllegalArgumentException("unknown tie-break step " + step);
                }
                yield r.lines().stream().filter(l -> l.weighted() != null && named.stream().anyMatch(l::isNamed))
                        .map(CriterionLine::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
        };
    }

    /** Whether two tenders have the same total and the same key at every published tie-break step. */
    private static boolean inseparable(TenderResult a, TenderResult b, List<String> tieBreak) {
        return a.total().compareTo(b.total()) == 0 && separatingStep(a, b, tieBreak) == null;
    }

    /** The first published tie-break step on which two tenders differ, or null if none does. */
    private static String separatingStep(TenderResult a, TenderResult b, List<String> tieBreak) {
        return tieBreak.stream().filter(step -> tieKey(step, a).compareTo(tieKey(step, b)) != 0).findFirst().orElse(null);
    }

    private static LotResult rank(UUID lotId, String lotTitle, int scaleMax, Long lowest, List<TenderResult> results, List<String> tieBreak) {
        // Equal totals, at any rank, are separated only by the published cascade, step by step (SC-10);
        // tenders the cascade cannot separate share a rank.
        Comparator<TenderResult> order = Comparator.comparing(TenderResult::total).reversed();
        for (String step : tieBreak) {
            order = order.thenComparing((TenderResult r) -> tieKey(step, r), Comparator.reverseOrder());
        }
        List<TenderResult> compliant = results.stream().filter(r -> !r.disqualified()).sorted(order.thenComparing(TenderResult::bidder)).toList();
        List<TenderResult> ranked = new ArrayList<>();
        for (int i = 0; i < compliant.size(); i++) {
            TenderResult r = compliant.get(i);
            int rank = i > 0 && inseparable(compliant.get(i - 1), r, tieBreak) ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new TenderResult(r.tenderId(), r.bidder(), r.pricePence(), r.lines(), r.total(), rank, false, List.of()));
        }
        String tieBrokenBy = compliant.size() > 1 && compliant.get(0).total().compareTo(compliant.get(1).total()) == 0
                ? separatingStep(compliant.get(0), compliant.get(1), tieBreak) : null;
        results.stream().filter(TenderResult::disqualified).sorted(Comparator.comparing(TenderResult::bidder)).forEach(ranked::add);
        List<TenderResult> first = ranked.stream().filter(r -> r.rank() != null && r.rank() == 1).toList();
        UUID winner = first.size() == 1 ? first.getFirst().tenderId() : null;
        String outcome;
        if (first.isEmpty()) {
            outcome = "No compliant tender: no provisional award for this lot.";
        } else if (first.size() > 1) {
            outcome = "Tie for first at " + first.getFirst().total().toPlainString() + " between "
                    + String.join(" and ", first.stream().map(TenderResult::bidder).toList())
                    + ": no provisional award until the published tie-break resolves it.";
        } else {
            TenderResult w = first.getFirst();
            String margin = ranked.size() > 1 && ranked.get(1).rank() != null
                    ? ", ahead of " + ranked.get(1).bidder() + " by " + w.total().subtract(ranked.get(1).total()).toPlainString() + " points"
                    : "";
            outcome = "Provisional award to " + w.bidder() + " with " + w.total().toPlainString() + " points" + margin
                    + (tieBrokenBy == null ? "" : ", the tie for first broken by the published step " + tieBrokenBy) + ".";
        }
        return new LotResult(lotId, lotTitle, scaleMax, lowest, List.copyOf(ranked), winner, outcome, tieBrokenBy, null);
    }
}
