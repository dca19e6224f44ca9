package org.levelfield.round.web.design;

import java.util.List;
import java.util.Map;

import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Where on the design pages the answer a round-design finding is about can be changed: the rule says
 * which page (a lot's conditions for RD-13, the equality impact assessment for RD-02), the finding's
 * subject says which lot. Only a draft's design can be changed.
 */
public final class DesignLinks {

    private DesignLinks() {
    }

    private static final Map<String, String> PAGE_OF_RULE = Map.ofEntries(
            Map.entry("RD-01", "eqia"), Map.entry("RD-02", "eqia"), Map.entry("RD-03", "eqia"), Map.entry("SS-01", "eqia"),
            Map.entry("RD-04", "details/evaluation"), Map.entry("RD-05", "details/evaluation"), Map.entry("SS-03", "details/evaluation"),
            Map.entry("RD-06", "lot/conditions"), Map.entry("RD-07", "lot/conditions"), Map.entry("RD-08", "lot/conditions"),
            Map.entry("RD-13", "lot/conditions"), Map.entry("RD-14", "lot/conditions"), Map.entry("SS-10", "lot/conditions"),
            Map.entry("RD-09", "lot/criteria"), Map.entry("RD-10", "lot/criteria"), Map.entry("RD-12", "lot/criteria"),
            Map.entry("SS-09", "lot/criteria"), Map.entry("EQ-09", "lot/criteria"), Map.entry("SS-05", "lot/criteria"),
            Map.entry("RD-11", "details/consultation"), Map.entry("RD-16", "details/consultation"),
            Map.entry("RD-15", "lot"), Map.entry("RD-18", "lot"), Map.entry("RD-19", "lot"), Map.entry("RD-20", "lot"),
            Map.entry("SS-02", "lot"), Map.entry("SS-04", "lot"), Map.entry("REG-03", "lot"), Map.entry("REG-04", "lot"),
            Map.entry("RD-17", "details/incumbents"),
            Map.entry("RD-21", "details/market"), Map.entry("RD-23", "details/market"), Map.entry("SS-07", "details/market"),
            Map.entry("SS-08", "details/market"),
            Map.entry("RD-22", "about"), Map.entry("REG-01", "about"), Map.entry("REG-02", "about"),
            Map.entry("RD-24", "details/contract"), Map.entry("RD-25", "details/contract"), Map.entry("RD-26", "details/contract"),
            Map.entry("SS-06", "details/contract"), Map.entry("REG-05", "details/contract"));

    /** The address that opens the page of the answer a finding is about, or null if there is none or the design cannot change now. */
    public static String answerOf(Round round, String ruleId, String subjectId) {
        String page = PAGE_OF_RULE.get(ruleId);
        if (page == null || round.status() != RoundStatus.DRAFT) {
            return null;
        }
        if (page.startsWith("lot")) {
            int lot = lotIndex(round.lots(), subjectId);
            page = lot < 0 ? "lots" : "lots/" + lot + page.substring(3);
        }
        return "/manage/rounds/" + round.id() + "/design?to=" + page;
    }

    private static int lotIndex(List<Lot> lots, String subjectId) {
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            if (lot.id().toString().equals(subjectId) || lot.criteria().stream().anyMatch(c -> c.id().toString().equals(subjectId))) {
                return i;
            }
        }
        return -1;
    }
}
