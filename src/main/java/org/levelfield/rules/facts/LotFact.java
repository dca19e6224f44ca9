package org.levelfield.rules.facts;

import org.levelfield.rules.model.Subject;

/**
 * A lot of a round: what is bought, for how much, for how long, and on what conditions.
 *
 * @param valueInclVatPence      estimated value of the whole term, including VAT
 * @param minTurnoverPence       the minimum yearly turnover asked of bidders, or null if none
 * @param eligibilityRestriction any limit on who may bid (for example "BME-led organisations only"), or null
 * @param reservationBasis       the statutory basis of a reservation (PA_S32, PA_S33, PCR_REG20, PCR_REG77), or null
 * @param requiresAuditedAccounts whether bidders must supply audited accounts
 * @param insuranceTiming        when contract insurance must be held: IN_PLACE_BEFORE_AWARD, BY_CONTRACT_START or UNDERTAKING_ACCEPTED
 */
public record LotFact(String id, String roundId, String title, long valueInclVatPence, int termMonths,
                      Long minTurnoverPence, String turnoverJustification,
                      String eligibilityRestriction, String reservationBasis,
                      boolean requiresAuditedAccounts, String insuranceTiming, Boolean deliveredToPublic, String userRestriction,
                      String userRestrictionJustification, String priceMode, Long fixedPricePence, Long priceCeilingPence,
                      Long fullCostEstimatePence, String termReason, Boolean specialist, Integer providerCount,
                      java.util.List<String> userGroups, String paymentTiming, String mainSubjectMatter, String paymentFrequency)
        implements AboutLot {

    public LotFact(String id, String roundId, String title, long valueInclVatPence, int termMonths,
                   Long minTurnoverPence, String turnoverJustification,
                   String eligibilityRestriction, String reservationBasis,
                   boolean requiresAuditedAccounts, String insuranceTiming, Boolean deliveredToPublic, String userRestriction,
                   String userRestrictionJustification, String priceMode, Long fixedPricePence, Long priceCeilingPence,
                   Long fullCostEstimatePence, String termReason, Boolean specialist, Integer providerCount,
                   java.util.List<String> userGroups, String paymentTiming, String mainSubjectMatter) {
        this(id, roundId, title, valueInclVatPence, termMonths, minTurnoverPence, turnoverJustification, eligibilityRestriction,
                reservationBasis, requiresAuditedAccounts, insuranceTiming, deliveredToPublic, userRestriction, userRestrictionJustification,
                priceMode, fixedPricePence, priceCeilingPence, fullCostEstimatePence, termReason, specialist, providerCount, userGroups,
                paymentTiming, mainSubjectMatter, null);
    }

    /** How many payments a year (12 monthly, 4 quarterly, 1 yearly); 4 when the frequency is not stated (RD-20). */
    public int getPaymentsPerYear() {
        return "MONTHLY".equals(paymentFrequency) ? 12 : "ANNUALLY".equals(paymentFrequency) ? 1 : 4;
    }

    /** What one payment period is called: "a month's", "a quarter's" or "a year's" (RD-20). */
    public String getPaymentPeriodName() {
        return "MONTHLY".equals(paymentFrequency) ? "a month's" : "ANNUALLY".equals(paymentFrequency) ? "a year's" : "a quarter's";
    }

    @Override
    public String lotId() {
        return id;
    }

    @Override
    public String lot() {
        return title;
    }

    public boolean isArrearsOnly() {
        return "ARREARS_ONLY".equals(paymentTiming);
    }

    /** Whether the lot serves the group, however each describes it ({@link GroupsServed}). */
    public boolean serves(String group) {
        return userGroups != null && userGroups.stream().anyMatch(g -> GroupsServed.same(g, group));
    }

    /**
     * What the lot is likely to provide for the group a year: its annual value shared equally among the user groups it
     * names, or nothing if it does not serve the group (SS-01).
     */
    public long provisionForPence(String group) {
        return serves(group) ? getAnnualValuePence() / userGroups.size() : 0;
    }

    /** Delivered directly to the public unless recorded otherwise. */
    public boolean isPublicFacing() {
        return !Boolean.FALSE.equals(deliveredToPublic);
    }

    public boolean isUserRestrictionJustified() {
        return userRestrictionJustification != null && !userRestrictionJustification.isBlank();
    }

    public boolean isRestrictedToSomeUsers() {
        return userRestriction != null && !userRestriction.isBlank();
    }

    public boolean isFixedPrice() {
        return "FIXED_PRICE".equals(priceMode);
    }

    public boolean isSpecialistService() {
        return Boolean.TRUE.equals(specialist);
    }

    public boolean isTermReasoned() {
        return termReason != null && !termReason.isBlank();
    }

    /** The price a bidder can get at most: the fixed price, else the ceiling; null if neither is set. */
    public Long getPriceCap() {
        return isFixedPrice() && fixedPricePence != null ? fixedPricePence : priceCeilingPence;
    }

    public boolean isInsuranceRequiredBeforeAward() {
        return "IN_PLACE_BEFORE_AWARD".equals(insuranceTiming);
    }

    /** Value per year of the term, in pence (whole term value × 12 ÷ months, rounded down). */
    public long getAnnualValuePence() {
        return valueInclVatPence * 12 / termMonths;
    }

    public boolean isTurnoverJustified() {
        return turnoverJustification != null && !turnoverJustification.isBlank();
    }

    public boolean isRestrictedByBidderIdentity() {
        return eligibilityRestriction != null && !eligibilityRestriction.isBlank();
    }

}
