package org.levelfield.round.model;

import java.util.List;

/**
 * How a lot is bought and for whom, as far as the safeguard rules need it.
 *
 * @param deliveredToPublic            whether the service is delivered directly to the public (RD-03)
 * @param userGroups                   the service users' groups
 * @param userRestriction              any limit on who may use the service (for example "women only"), or null (RD-15)
 * @param userRestrictionJustification the s158 or Sch 3 justification for that limit (RD-15)
 * @param priceMode                    PRICE_SCORED or FIXED_PRICE (quality-only competition)
 * @param fixedPricePence              the fixed price, for a FIXED_PRICE lot (RD-18)
 * @param priceCeilingPence            the most a bid may cost, if capped (RD-18)
 * @param fullCostEstimatePence        the authority's bottom-up full-cost estimate (RD-18)
 * @param termReason                   why an ongoing service runs for under three years (RD-19)
 * @param specialist                   whether the lot buys a specialist service (SS-04)
 * @param providerCount                how many providers are known to offer it (SS-04)
 */
public record LotTerms(Boolean deliveredToPublic, List<String> userGroups, String userRestriction, String userRestrictionJustification,
                       String priceMode, Long fixedPricePence, Long priceCeilingPence, Long fullCostEstimatePence, String termReason,
                       Boolean specialist, Integer providerCount) {

    public static final LotTerms NONE = new LotTerms(null, List.of(), null, null, "PRICE_SCORED", null, null, null, null, null, null);
}
