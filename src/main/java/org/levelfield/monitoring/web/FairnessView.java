package org.levelfield.monitoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.levelfield.monitoring.Suppression;

/**
 * The fairness analytics of the latest award (pass rates of small against large bidders, and of specialist
 * against other bidders, overall and per criterion) as the award page draws them: a bar for each group's
 * pass rate where it may be shown, and the same rows in a table, with the counts under the threshold withheld.
 */
public final class FairnessView {

    private FairnessView() {
    }

    /** A comparison: the subject, each group's name, how many (or "fewer than 5"), its pass rate in percent (null if withheld or none). */
    public record Row(String split, String subject, String group, String groupCount, Integer groupRate, String rest, String restCount, Integer restRate,
                      boolean flagged, int y) {
        public boolean drawn() {
            return groupRate != null || restRate != null;
        }
    }

    public record Chart(String basis, List<Row> rows, List<Row> drawn, int height, List<String> flagged) {
    }

    @SuppressWarnings("unchecked")
    public static Chart of(Map<String, Object> analysis) {
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) analysis.get("overall"));
        all.addAll((List<Map<String, Object>>) analysis.get("criteria"));
        for (Map<String, Object> r : all) {
            List<String> groups = r.keySet().stream().filter(k -> r.get(k) instanceof Map).toList();
            if (groups.size() != 2) {
                continue;
            }
            Map<String, Object> in = (Map<String, Object>) r.get(groups.get(0));
            Map<String, Object> rest = (Map<String, Object>) r.get(groups.get(1));
            rows.add(new Row(String.valueOf(r.get("split")), String.valueOf(r.get("subject")), groups.get(0), count(in), rate(in),
                    groups.get(1), count(rest), rate(rest), Boolean.TRUE.equals(r.get("flagged")), 0));
        }
        List<Row> drawn = new ArrayList<>();
        int y = 0;
        for (Row r : rows) {
            if (r.drawn()) {
                drawn.add(new Row(r.split(), r.subject(), r.group(), r.groupCount(), r.groupRate(), r.rest(), r.restCount(), r.restRate(), r.flagged(), y));
                y += 52;
            }
        }
        return new Chart(String.valueOf(analysis.get("basis")), rows, drawn, Math.max(y, 52), (List<String>) analysis.get("flaggedForReview"));
    }

    private static String count(Map<String, Object> group) {
        return group.get("count") instanceof Suppression.Cell cell ? cell.shown() : String.valueOf(group.get("count"));
    }

    private static Integer rate(Map<String, Object> group) {
        return group.get("passRate") instanceof BigDecimal rate ? rate.movePointRight(2).intValue() : null;
    }
}
