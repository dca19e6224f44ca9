package org.levelfield.rules.facts;

/**
 * A tender's price beside the mean of the other tenders for its lot and the pre-tender estimate
 * (the lot's value), with where the abnormally-low process stands. Read by SC-08.
 *
 * @param meanOfOthersPence the mean price of the lot's other tenders, or null if there are none
 * @param decision          ACCEPTED or DISREGARDED once decided, else null
 */
public record PriceCheck(String tenderId, String bidder, String lot, long pricePence, Long meanOfOthersPence, long estimatePence,
                         boolean notified, boolean responded, String decision, String decisionReason) implements AboutTender {

    /** Below 80% of the mean of the others, or below 85% of the pre-tender estimate (catalogue defaults). */
    public boolean isAbnormallyLow() {
        return meanOfOthersPence != null && pricePence * 100 < meanOfOthersPence * 80 || pricePence * 100 < estimatePence * 85;
    }

    @Override
    public String subjectLabel() {
        return "Price of the tender from " + bidder;
    }
}
