package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutLot;

import java.math.BigDecimal;

/**
 * How a lot's totals were made: the scale, the price weight and formula, and the lowest compliant
 * price it used. Read by SC-05 and SC-06 to record the method with the award.
 *
 * @param priceMode                 PRICE_SCORED or FIXED_PRICE (quality only), as the lot's terms say; null if not set
 * @param lowestCompliantPricePence null if no compliant tender
 * @param tenders                   how many tenders the lot received
 * @param compliantTenders          how many of them are still in the award (not disqualified)
 * @param specialist                whether the lot buys a specialist service (its terms say so)
 * @param userGroups                the groups the lot's service is for, as its terms say
 * @param estimatePence             the lot's pre-tender estimate, or null
 */
public record LotMethod(String lotId, String lot, int scaleMax, BigDecimal priceWeight, String priceMode, Long lowestCompliantPricePence,
                        int tenders, int compliantTenders, boolean specialist, java.util.List<String> userGroups, Long estimatePence)
        implements AboutLot {

    public LotMethod {
        userGroups = userGroups == null ? java.util.List.of() : java.util.List.copyOf(userGroups);
    }
}
