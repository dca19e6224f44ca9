package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.math.BigDecimal;

/**
 * A tender's price beside what SC-06 and SC-08 compare it with: the mean of the lot's other
 * compliant tenders, the pre-tender estimate, the published ceiling and VAT basis; and where the
 * abnormally-low process stands. The percentages that make a price abnormally low are thresholds,
 * compared by the rule.
 *
 * @param meanOfOthersPence   the mean price of the lot's other compliant tenders (not disqualified, not disregarded), or null if none
 * @param estimatePence       the lot's pre-tender estimate, or null if none was made
 * @param decision            ACCEPTED or DISREGARDED once decided, else null
 * @param breachOfObligations the decision found the low price comes from not meeting environmental, social or labour law obligations
 * @param regime              the procurement regime of the round (PRE_2006, PCR_2006, PCR_2015 or PA_2023)
 * @param vatBasis            the VAT basis the bidder stated its price on
 * @param publishedVatBasis   the basis the lot's prices are stated and compared on
 * @param comparable          whether the price is on the published basis (or the bidder is outside VAT, so the figure is the same)
 * @param ceilingPence        the lot's published price ceiling, or null
 * @param ceilingDisqualifying whether the documents said a price above the ceiling is rejected
 */
public record PriceCheck(String tenderId, String bidder, String lot, long pricePence, Long meanOfOthersPence, Long estimatePence,
                         boolean notified, boolean responded, String decision, String decisionReason, boolean breachOfObligations,
                         String regime, String vatBasis, String publishedVatBasis, boolean comparable, Long ceilingPence,
                         boolean ceilingDisqualifying) implements AboutTender {

    /** Whether the price is below this percentage of the mean of the other compliant tenders (false when there are none). */
    public boolean belowPercentOfMean(BigDecimal percent) {
        return meanOfOthersPence != null && below(meanOfOthersPence, percent);
    }

    /** Whether the price is below this percentage of the pre-tender estimate (false when there is none). */
    public boolean belowPercentOfEstimate(BigDecimal percent) {
        return estimatePence != null && below(estimatePence, percent);
    }

    /** Whether the price is above the published ceiling. */
    public boolean aboveCeiling() {
        return ceilingPence != null && pricePence > ceilingPence;
    }

    private boolean below(long reference, BigDecimal percent) {
        return BigDecimal.valueOf(pricePence).multiply(BigDecimal.valueOf(100)).compareTo(BigDecimal.valueOf(reference).multiply(percent)) < 0;
    }

    @Override
    public String subjectLabel() {
        return "Price of the tender from " + bidder;
    }
}
