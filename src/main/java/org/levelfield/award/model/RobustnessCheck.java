package org.levelfield.award.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.levelfield.award.model.AwardCalculation.CriterionSpec;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.PriceFormula;
import org.levelfield.award.model.AwardCalculation.TenderInput;

/**
 * The robustness check before an award is proposed: the lot is re-ranked under another standard
 * price formula, with each criterion's weight moved 5 points either way (the others rescaled to
 * keep 100), and with each evaluator left out in turn. It reports whether the winner stays the
 * same and by what margin. It informs the decision-maker; it never changes the result.
 * Disqualifications are those of the published method and stay as they are.
 */
public final class RobustnessCheck {

    static final BigDecimal WEIGHT_SHIFT = new BigDecimal("5");

    public record Scenario(String name, String winner, BigDecimal margin, boolean sameWinner) {
    }

    public record Report(UUID lotId, String lot, String winner, BigDecimal margin, boolean stable, BigDecimal smallestMargin,
                         List<Scenario> scenarios, String summary) {
    }

    private RobustnessCheck() {
    }

    public static Report check(LotResult base, int scaleMax, List<CriterionSpec> criteria, List<TenderInput> tenders,
                               Map<UUID, List<String>> disqualified) {
        return check(base, scaleMax, criteria, tenders, disqualified, List.of());
    }

    public static Report check(LotResult base, int scaleMax, List<CriterionSpec> criteria, List<TenderInput> tenders,
                               Map<UUID, List<String>> disqualified, List<String> tieBreak) {
        List<Scenario> scenarios = new ArrayList<>();
        UUID winner = base.provisionalWinner();
        scenarios.add(scenario("price scored by linear deviation from the lowest instead of lowest ÷ price", winner,
                AwardCalculation.calculate(base.lotId(), base.lot(), scaleMax, criteria, tenders, disqualified, PriceFormula.LINEAR, tieBreak)));
        for (CriterionSpec moved : criteria) {
            for (BigDecimal delta : List.of(WEIGHT_SHIFT, WEIGHT_SHIFT.negate())) {
                List<CriterionSpec> shifted = shift(criteria, moved, delta);
                if (shifted == null) {
                    continue;
                }
                scenarios.add(scenario("'" + moved.title() + "' weight " + moved.weight().stripTrailingZeros().toPlainString() + " → "
                        + moved.weight().add(delta).stripTrailingZeros().toPlainString(), winner,
                        AwardCalculation.calculate(base.lotId(), base.lot(), scaleMax, shifted, tenders, disqualified, PriceFormula.RATIO, tieBreak)));
            }
        }
        Set<UUID> evaluators = new LinkedHashSet<>();
        Map<UUID, String> names = new java.util.HashMap<>();
        tenders.forEach(t -> t.scores().values().forEach(list -> list.forEach(s -> {
            evaluators.add(s.evaluatorId());
            names.put(s.evaluatorId(), s.evaluator());
        })));
        if (evaluators.size() > 1) {
            for (UUID left : evaluators) {
                List<TenderInput> without = tenders.stream().map(t -> new TenderInput(t.tenderId(), t.bidder(), t.pricePence(),
                        withoutEvaluator(t.scores(), left), t.consensus(), t.caps())).toList();
                scenarios.add(scenario(names.get(left) + " left out", winner,
                        AwardCalculation.calculate(base.lotId(), base.lot(), scaleMax, criteria, without, disqualified, PriceFormula.RATIO, tieBreak)));
            }
        }
        boolean stable = winner != null && scenarios.stream().allMatch(Scenario::sameWinner);
        BigDecimal baseMargin = margin(base);
        BigDecimal smallest = scenarios.stream().filter(Scenario::sameWinner).map(Scenario::margin).filter(java.util.Objects::nonNull)
                .min(BigDecimal::compareTo).orElse(null);
        String winnerName = name(base, winner);
        String summary = winner == null ? "No provisional winner, so there is nothing to test."
                : stable && smallest == null ? withoutRunnerUp(winnerName)
                : stable ? winnerName + " stays the winner in all " + scenarios.size() + " scenarios; the smallest lead is "
                        + plain(smallest) + " points."
                : winnerName + " does not win in " + scenarios.stream().filter(s -> !s.sameWinner()).count() + " of " + scenarios.size()
                        + " scenarios: " + String.join("; ", scenarios.stream().filter(s -> !s.sameWinner())
                        .map(s -> s.name() + " (" + (s.winner() == null ? "no winner" : s.winner()) + ")").toList())
                        + ". Re-check the evidence for the criteria involved before proposing the award.";
        return new Report(base.lotId(), base.lot(), winnerName, baseMargin, stable, smallest, List.copyOf(scenarios), summary);
    }

    /** Whether the lot had a runner-up to test the winner's lead against. */
    public static boolean hadRunnerUp(Report report) {
        return !(report.stable() && report.smallestMargin() == null);
    }

    /** What the check says of a lot whose winner had no runner-up. */
    public static String withoutRunnerUp(String winner) {
        return winner + " is the only tender still in the running, so there is no runner-up: no change of price formula,"
                + " weight or evaluator can give the lot another winner, and there is no lead to measure.";
    }

    private static Scenario scenario(String name, UUID winner, LotResult result) {
        return new Scenario(name, name(result, result.provisionalWinner()), margin(result),
                winner != null && winner.equals(result.provisionalWinner()));
    }

    /** Moves one criterion's weight by delta and rescales the others to keep the total; null if the move is impossible. */
    public static List<CriterionSpec> shift(List<CriterionSpec> criteria, CriterionSpec moved, BigDecimal delta) {
        BigDecimal target = moved.weight().add(delta);
        BigDecimal others = criteria.stream().filter(c -> !c.id().equals(moved.id())).map(CriterionSpec::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (target.signum() < 0 || others.signum() == 0) {
            return null;
        }
        BigDecimal factor = others.subtract(delta).divide(others, MathContext.DECIMAL64);
        if (factor.signum() < 0) {
            return null;
        }
        return criteria.stream().map(c -> c.id().equals(moved.id())
                ? c.weighing(target)
                : c.weighing(c.weight().multiply(factor, MathContext.DECIMAL64))).toList();
    }

    private static Map<UUID, List<AwardCalculation.EvaluatorScore>> withoutEvaluator(Map<UUID, List<AwardCalculation.EvaluatorScore>> scores,
                                                                                   UUID evaluator) {
        Map<UUID, List<AwardCalculation.EvaluatorScore>> out = new java.util.HashMap<>();
        scores.forEach((criterion, list) -> out.put(criterion, list.stream().filter(s -> !s.evaluatorId().equals(evaluator)).toList()));
        return out;
    }

    private static BigDecimal margin(LotResult result) {
        var ranked = result.tenders().stream().filter(t -> t.rank() != null).toList();
        if (result.provisionalWinner() == null || ranked.size() < 2) {
            return null;
        }
        return ranked.get(0).total().subtract(ranked.get(1).total()).setScale(2, RoundingMode.HALF_UP);
    }

    private static String name(LotResult result, UUID tender) {
        return tender == null ? null : result.tenders().stream().filter(t -> t.tenderId().equals(tender)).findFirst()
                .map(AwardCalculation.TenderResult::bidder).orElse(null);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "n/a (no runner-up)" : value.toPlainString();
    }
}
