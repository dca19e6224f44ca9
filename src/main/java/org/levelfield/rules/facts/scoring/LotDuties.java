package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutLot;

import java.util.List;

/**
 * The equality duties a lot's criteria score (RACE, DISABILITY, SEX), read by EQ-05: the equality
 * gateway needs a score for each of the three, so a lot that scores only some of them cannot be
 * gated on those alone.
 */
public record LotDuties(String lotId, String lot, List<String> scoredDuties) implements AboutLot {

    public static final List<String> GATED = List.of("RACE", "DISABILITY", "SEX");

    public LotDuties {
        scoredDuties = scoredDuties == null ? List.of() : List.copyOf(scoredDuties);
    }

    /** The gated duties the lot does not score. */
    public List<String> getMissing() {
        return GATED.stream().filter(d -> !scoredDuties.contains(d)).toList();
    }
}
