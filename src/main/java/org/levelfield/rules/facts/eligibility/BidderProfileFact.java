package org.levelfield.rules.facts.eligibility;

import org.levelfield.rules.facts.OrganisationSize;

import java.util.List;

import org.levelfield.rules.model.Subject;

/**
 * What an organisation says about itself to check its eligibility for a lot. Holds no identity
 * (monitoring) data: who an organisation is led by or serves is never read by an eligibility rule.
 *
 * @param legalForm                 REGISTERED_CHARITY, CIO, CIC, COMPANY_LIMITED_BY_GUARANTEE, COMMUNITY_BENEFIT_SOCIETY,
 *                                  COMPANY, PUBLIC_BODY or UNINCORPORATED
 * @param accountsType              AUDITED, INDEPENDENT_EXAMINATION, RECEIPTS_AND_PAYMENTS or UNAUDITED
 * @param consortiumTurnoverPence   the turnover of the whole consortium, if bidding as one
 * @param largestExperiencePerYearPence the largest yearly value of relevant work it has delivered, of any funding kind (SEL-08);
 *                                      null when not known
 * @param experienceKinds           kinds of relevant experience: PUBLIC_CONTRACT, GRANT_FUNDED, SUBCONTRACTED, PARTNERSHIP, VOLUNTEER
 * @param mandatoryExclusionGround  whether a mandatory exclusion ground applies
 * @param recurrenceLikely          whether the circumstances are likely to recur (PA 2023 s57)
 * @param discriminationFindings    court, tribunal or EHRC findings of unlawful discrimination in the last 3 years
 * @param linkedEnterprises         whether it says it is part of a group, or has linked or partner enterprises (SEL-10)
 * @param groupParent               the group's parent organisation, if it names one (SEL-10)
 * @param equalityEvidence          what it shows of its equality practice: POLICY (a formal policy), STATEMENT (a short
 *                                  statement of practice) or NONE; null when not said (SEL-03)
 * @param ehrcAction                whether the EHRC has investigated it or taken enforcement action in the last 3 years (SEL-03)
 */
public record BidderProfileFact(String name, String legalForm, long turnoverPence, Long balanceSheetPence, int staffHeadcount,
                                String accountsType, boolean insuranceHeld, boolean insuranceUndertaking, Long consortiumTurnoverPence,
                                boolean alternativeFinancialEvidence, List<String> experienceKinds, boolean mandatoryExclusionGround,
                                boolean recurrenceLikely, int discriminationFindings, String remedialSteps,
                                Long largestExperiencePerYearPence, boolean linkedEnterprises, String groupParent,
                                String equalityEvidence, boolean ehrcAction) implements Subject {

    public BidderProfileFact(String name, String legalForm, long turnoverPence, Long balanceSheetPence, int staffHeadcount,
                             String accountsType, boolean insuranceHeld, boolean insuranceUndertaking, Long consortiumTurnoverPence,
                             boolean alternativeFinancialEvidence, List<String> experienceKinds, boolean mandatoryExclusionGround,
                             boolean recurrenceLikely, int discriminationFindings, String remedialSteps, Long largestExperiencePerYearPence,
                             boolean linkedEnterprises, String groupParent) {
        this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                discriminationFindings, remedialSteps, largestExperiencePerYearPence, linkedEnterprises, groupParent, null, false);
    }

    public BidderProfileFact(String name, String legalForm, long turnoverPence, Long balanceSheetPence, int staffHeadcount,
                             String accountsType, boolean insuranceHeld, boolean insuranceUndertaking, Long consortiumTurnoverPence,
                             boolean alternativeFinancialEvidence, List<String> experienceKinds, boolean mandatoryExclusionGround,
                             boolean recurrenceLikely, int discriminationFindings, String remedialSteps, Long largestExperiencePerYearPence) {
        this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                discriminationFindings, remedialSteps, largestExperiencePerYearPence, false, null, null, false);
    }

    public BidderProfileFact(String name, String legalForm, long turnoverPence, Long balanceSheetPence, int staffHeadcount,
                             String accountsType, boolean insuranceHeld, boolean insuranceUndertaking, Long consortiumTurnoverPence,
                             boolean alternativeFinancialEvidence, List<String> experienceKinds, boolean mandatoryExclusionGround,
                             boolean recurrenceLikely, int discriminationFindings, String remedialSteps) {
        this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                discriminationFindings, remedialSteps, null, false, null, null, false);
    }

    /** PA 2023 s123: fewer than 250 staff and turnover of £44m or less or a balance sheet of £38m or less. */
    public boolean isSme() {
        return OrganisationSize.isSme(staffHeadcount, turnoverPence, balanceSheetPence);
    }

    /**
     * Whether it is an SME by the figures given and the limits stated (the rule states them: PA 2023 s123, or EU
     * Recommendation 2003/361 converted to pounds): fewer than {@code staffBelow} staff, and turnover or balance sheet
     * total within its limit.
     */
    public boolean isSmeWithin(int staffBelow, long turnoverLimitPence, long balanceSheetLimitPence) {
        return staffHeadcount < staffBelow && (turnoverPence <= turnoverLimitPence
                || balanceSheetPence != null && balanceSheetPence <= balanceSheetLimitPence);
    }

    public boolean isVcse() {
        return OrganisationSize.isVcse(legalForm);
    }

    /** The turnover that counts for a lot: the consortium's, when bidding as one (SEL-04). */
    public long getCountedTurnoverPence() {
        return consortiumTurnoverPence != null ? Math.max(consortiumTurnoverPence, turnoverPence) : turnoverPence;
    }

    public boolean hasExperience(String kind) {
        return experienceKinds != null && experienceKinds.contains(kind);
    }

    public boolean isNonPublicExperienceOnly() {
        return experienceKinds != null && !experienceKinds.isEmpty() && !experienceKinds.contains("PUBLIC_CONTRACT");
    }

    @Override
    public String subjectType() {
        return "bidder";
    }

    @Override
    public String subjectId() {
        return name;
    }

    @Override
    public String subjectLabel() {
        return name;
    }
}
