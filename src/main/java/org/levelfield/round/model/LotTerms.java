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
 * @param paymentTiming                ARREARS_ONLY or ADVANCE_AVAILABLE (RD-20)
 * @param minTradingYears              years of trading asked of bidders, if any (RD-08, SS-10)
 * @param minPriorContractValuePence   the yearly value of past contracts asked of bidders, if any (RD-08, SS-10)
 * @param publicContractExperienceOnly whether only public-contract experience counts (RD-08)
 * @param requiredAccreditations       certifications or quality marks required (SS-10)
 * @param minStaffHeadcount            staff headcount asked of bidders, if any (SS-10)
 * @param mainSubjectMatter            HEALTH_CARE, SOCIAL_CARE, MIXED or OTHER (REG-03)
 * @param questionCount                number of quality questions bidders answer (SS-05)
 * @param mandatoryItems               mandatory specification items each tender must meet, pass/fail (SC-09), for example
 *                                     "BSL interpreting at every session"
 * @param preTenderEstimatePence       the authority's estimate of what the contract will cost, on the published VAT basis, kept apart
 *                                     from the lot's value (SC-08 compares prices with it); null if none was made
 * @param priceCeilingDisqualifying    whether the documents say a price above the ceiling is rejected (SC-06 FAIL) rather than
 *                                     only questioned (FLAG)
 * @param priceVatBasis                the published basis on which prices are stated and compared: EXCLUDING_VAT (the default)
 *                                     or INCLUDING_VAT; a bidder outside VAT states the same figure on either
 * @param requestedDocuments           documents the tender asks every bidder to upload (SS-05): ANNUAL_ACCOUNTS,
 *                                     REGISTRATION_CERTIFICATE, GOVERNING_DOCUMENT, INSURANCE_CERTIFICATES, EQUALITY_POLICY,
 *                                     SAFEGUARDING_POLICY, CASE_STUDIES or REFERENCES
 * @param paymentFrequency             how often the provider is paid: MONTHLY, QUARTERLY or ANNUALLY (RD-20)
 * @param minContractCount             how many pieces of comparable work bidders must show, if any ("3 contracts ...") (RD-08, SEL-08)
 * @param experiencePeriodYears        ... within how many years ("... in 5 years") (RD-08, SEL-08)
 * @param publicLiabilityCoverPence    public liability cover asked, per claim (RD-08)
 * @param employersLiabilityCoverPence employers' liability cover asked (RD-08)
 * @param professionalIndemnityCoverPence professional indemnity cover asked (RD-08)
 * @param equalityEvidenceRequired     whether bidders must show their equality practice as a condition: a policy from
 *                                     organisations with 50 or more staff, a short statement from smaller ones (SEL-03)
 */
public record LotTerms(Boolean deliveredToPublic, List<String> userGroups, String userRestriction, String userRestrictionJustification,
                       String priceMode, Long fixedPricePence, Long priceCeilingPence, Long fullCostEstimatePence, String termReason,
                       Boolean specialist, Integer providerCount, String paymentTiming, Integer minTradingYears,
                       Long minPriorContractValuePence, Boolean publicContractExperienceOnly, List<String> requiredAccreditations,
                       Integer minStaffHeadcount, String mainSubjectMatter, List<String> mandatoryItems, Long preTenderEstimatePence,
                       Boolean priceCeilingDisqualifying, String priceVatBasis, Integer questionCount, List<String> requestedDocuments,
                       String paymentFrequency, Integer minContractCount, Integer experiencePeriodYears, Long publicLiabilityCoverPence,
                       Long employersLiabilityCoverPence, Long professionalIndemnityCoverPence, Boolean equalityEvidenceRequired) {

    public static final List<String> DOCUMENTS = List.of("ANNUAL_ACCOUNTS", "REGISTRATION_CERTIFICATE", "GOVERNING_DOCUMENT",
            "INSURANCE_CERTIFICATES", "EQUALITY_POLICY", "SAFEGUARDING_POLICY", "CASE_STUDIES", "REFERENCES");
    public static final List<String> PAYMENT_FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "ANNUALLY");

    public static final String EXCLUDING_VAT = "EXCLUDING_VAT";
    public static final List<String> PRICE_VAT_BASES = List.of(EXCLUDING_VAT, "INCLUDING_VAT");

    public static final LotTerms NONE = new LotTerms(null, List.of(), null, null, "PRICE_SCORED", null, null, null, null, null, null,
            null, null, null, null, List.of(), null, null, List.of(), null, null, EXCLUDING_VAT,
            null, List.of(), null, null, null, null, null, null, null);

    public LotTerms {
        mandatoryItems = mandatoryItems == null ? List.of() : List.copyOf(mandatoryItems);
        priceVatBasis = priceVatBasis == null ? EXCLUDING_VAT : priceVatBasis;
        requestedDocuments = requestedDocuments == null ? List.of() : List.copyOf(requestedDocuments);
    }

    /** Whether a price stated on this VAT basis can be compared with the published basis: exempt and out-of-scope prices are the same on both. */
    public boolean comparesWith(String tenderVatBasis) {
        return !PRICE_VAT_BASES.contains(tenderVatBasis) || priceVatBasis.equals(tenderVatBasis);
    }
}
