package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutLot;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a lot's compliant tenders ranked once the published method was applied: who is first, by
 * how much, and who shares first place if it is tied. Read by SC-10 and SC-11 in the award's last pass.
 *
 * @param leaders the bidders ranked first (more than one is a tie)
 * @param margin  the first-placed tender's lead over the second, or null with fewer than two ranked
 * @param tieBrokenBy the published tie-break step that separated a tie for first, or null
 */
public record LotRanking(String lotId, String lot, List<String> leaders, BigDecimal leadingTotal, String runnerUp, BigDecimal margin,
                         String tieBrokenBy)
        implements AboutLot {

    public LotRanking {
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
    }

    public boolean isTied() {
        return leaders.size() > 1;
    }
}
