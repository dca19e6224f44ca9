package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.math.BigDecimal;

/**
 * A tender's score on an equality sub-criterion (RACE, DISABILITY, SEX, or OTHER characteristics),
 * after moderation and caps. Read by EQ-01..EQ-04.
 */
public record DutyScore(String tenderId, String bidder, String criterion, String duty, BigDecimal score) implements AboutTender {

    @Override
    public String subjectLabel() {
        return "'" + criterion + "' for the tender from " + bidder;
    }
}
