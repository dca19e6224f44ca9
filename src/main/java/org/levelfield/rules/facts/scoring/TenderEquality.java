package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.math.BigDecimal;

/**
 * A tender's scores on the race, disability and sex equality sub-criteria of its lot, on the
 * published scale. A null score means the lot has no sub-criterion for that duty.
 */
public record TenderEquality(String tenderId, String lotId, String bidder, BigDecimal race, BigDecimal disability,
                             BigDecimal sex) implements AboutTender {

    /** Mean of the sub-criteria the lot has, to 2 decimal places, or null if it has none. */
    public BigDecimal getMean() {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (BigDecimal score : new BigDecimal[] {race, disability, sex}) {
            if (score != null) {
                sum = sum.add(score);
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP);
    }

    /** The lowest sub-criterion score, or null if the lot has none. */
    public BigDecimal getLowest() {
        BigDecimal lowest = null;
        for (BigDecimal score : new BigDecimal[] {race, disability, sex}) {
            if (score != null && (lowest == null || score.compareTo(lowest) < 0)) {
                lowest = score;
            }
        }
        return lowest;
    }

    @Override
    public String subjectLabel() {
        return "Tender from " + bidder;
    }
}
