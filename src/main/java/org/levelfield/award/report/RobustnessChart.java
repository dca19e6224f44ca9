package org.levelfield.award.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.levelfield.award.model.RobustnessCheck;

/**
 * The robustness of a lot's provisional award as the award pages draw it (components/robustness.html): one bar per
 * scenario, as long as the winner's lead in it, blue where the same tender still wins and red where another would,
 * each bar's end saying so in words. A table beside it holds the same rows, so the chart hides nothing from a screen reader.
 */
public final class RobustnessChart {

    private static final int BAR_SPACE = 480;

    private RobustnessChart() {
    }

    /** A scenario drawn: its label, bar width, where it sits and whether the winner stays. */
    public record Bar(String name, String winner, String margin, boolean sameWinner, int width, int y) {

        /** What the bar's end says: the lead, or who would win instead, or that no one would. */
        public String label() {
            boolean nobody = winner == null || winner.equalsIgnoreCase("no winner");
            boolean number = margin != null && margin.strip().matches("-?\\d+(\\.\\d+)?");
            if (nobody) {
                return "No provisional winner in this scenario";
            }
            String lead = number ? " by " + margin.strip() + " points" : "";
            return sameWinner ? "The same tender wins" + lead : winner + " would win" + lead;
        }
    }

    /** @param drawn whether any scenario has a lead to draw (without a runner-up there is none) */
    public record Chart(String lot, String summary, List<Bar> bars, int height, boolean drawn) {
    }

    /** From the award as computed (the commissioner's award page). */
    public static Chart of(RobustnessCheck.Report report) {
        List<Scenario> scenarios = report.scenarios().stream()
                .map(s -> new Scenario(s.name(), s.winner() == null ? "no winner" : s.winner(), s.margin(), s.sameWinner())).toList();
        return draw(report.lot(), report.summary(), scenarios);
    }

    /** From the award report as worded (the scrutiny award page, the same content as the PDF). */
    public static Chart of(AwardReport.RobustnessLine line) {
        List<Scenario> scenarios = line.scenarios().stream()
                .map(s -> new Scenario(s.name(), s.winner(), number(s.margin()), "yes".equalsIgnoreCase(s.sameWinner()))).toList();
        return draw(line.lot(), line.summary(), scenarios);
    }

    private record Scenario(String name, String winner, BigDecimal margin, boolean sameWinner) {
    }

    private static Chart draw(String lot, String summary, List<Scenario> scenarios) {
        BigDecimal largest = scenarios.stream().map(Scenario::margin).filter(m -> m != null).map(BigDecimal::abs)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Scenario s : scenarios) {
            int width = s.margin() == null || largest.signum() == 0 ? 0
                    : s.margin().abs().multiply(BigDecimal.valueOf(BAR_SPACE)).divide(largest, 0, java.math.RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(s.name(), s.winner(), s.margin() == null ? null : s.margin().toPlainString(), s.sameWinner(),
                    Math.max(width, s.margin() == null ? 0 : 2), y));
            y += 44;
        }
        return new Chart(lot, summary, bars, Math.max(y, 44), scenarios.stream().anyMatch(s -> s.margin() != null));
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
