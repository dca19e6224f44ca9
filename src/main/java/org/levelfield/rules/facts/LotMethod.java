package org.levelfield.rules.facts;

import java.math.BigDecimal;

import org.levelfield.rules.model.Subject;

/**
 * How a lot's totals were made: the scale, the price weight and formula, and the lowest compliant
 * price it used. Read by SC-05 and SC-06 to record the method with the award.
 *
 * @param priceMode                 PRICE_SCORED or FIXED_PRICE (quality only), as the lot's terms say; null if not set
 * @param lowestCompliantPricePence null if no compliant tender
 */
public record LotMethod(String lotId, String lot, int scaleMax, BigDecimal priceWeight, String priceMode, Long lowestCompliantPricePence,
                        int tenders) implements Subject {

    @Override
    public String subjectType() {
        return "lot";
    }

    @Override
    public String subjectId() {
        return lotId;
    }

    @Override
    public String subjectLabel() {
        return "Lot '" + lot + "'";
    }
}
