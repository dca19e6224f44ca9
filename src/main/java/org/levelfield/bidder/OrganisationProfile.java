package org.levelfield.bidder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.levelfield.rules.facts.OrganisationSize;

/**
 * What a bidding organisation says about itself, shared by its members. Money in pence.
 *
 * @param registrationNumber the org-id style identifier, e.g. GB-CHC-1234567 or GB-COH-01234567
 * @param experience         relevant experience, including grant-funded, subcontracted, partnership and volunteer-delivered work
 * @param reservesPence      unrestricted reserves, from the latest accounts (SEL-05: other evidence of financial standing)
 * @param funderLetter       a funder's letter of continued support, described: who, how much, to when (SEL-05)
 * @param linkedEnterprises  whether it is part of a group, or has linked or partner enterprises (SEL-10)
 * @param groupParent        the group's parent organisation, if any (SEL-10)
 * @param equalityEvidence   what it shows of its equality practice: POLICY, STATEMENT (a short statement) or NONE (SEL-03)
 * @param ehrcAction         whether the EHRC has investigated it or taken enforcement action in the last 3 years (SEL-03)
 */
public record OrganisationProfile(UUID id, String name, String legalForm, String registrationNumber, String charityNumber,
                                  String companyNumber, Long incomePence, Long balanceSheetPence, Integer staffHeadcount,
                                  String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking,
                                  List<Experience> experience, Instant updatedAt, Long reservesPence, String funderLetter,
                                  Boolean linkedEnterprises, String groupParent, String equalityEvidence, Boolean ehrcAction) {

    public OrganisationProfile(UUID id, String name, String legalForm, String registrationNumber, String charityNumber,
                               String companyNumber, Long incomePence, Long balanceSheetPence, Integer staffHeadcount,
                               String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking,
                               List<Experience> experience, Instant updatedAt, Long reservesPence, String funderLetter,
                               Boolean linkedEnterprises, String groupParent) {
        this(id, name, legalForm, registrationNumber, charityNumber, companyNumber, incomePence, balanceSheetPence, staffHeadcount,
                accountsType, insuranceHeld, insuranceUndertaking, experience, updatedAt, reservesPence, funderLetter, linkedEnterprises,
                groupParent, null, null);
    }

    public OrganisationProfile(UUID id, String name, String legalForm, String registrationNumber, String charityNumber,
                               String companyNumber, Long incomePence, Long balanceSheetPence, Integer staffHeadcount,
                               String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking,
                               List<Experience> experience, Instant updatedAt, Long reservesPence, String funderLetter) {
        this(id, name, legalForm, registrationNumber, charityNumber, companyNumber, incomePence, balanceSheetPence, staffHeadcount,
                accountsType, insuranceHeld, insuranceUndertaking, experience, updatedAt, reservesPence, funderLetter, null, null, null, null);
    }

    public OrganisationProfile(UUID id, String name, String legalForm, String registrationNumber, String charityNumber,
                               String companyNumber, Long incomePence, Long balanceSheetPence, Integer staffHeadcount,
                               String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking,
                               List<Experience> experience, Instant updatedAt) {
        this(id, name, legalForm, registrationNumber, charityNumber, companyNumber, incomePence, balanceSheetPence, staffHeadcount,
                accountsType, insuranceHeld, insuranceUndertaking, experience, updatedAt, null, null, null, null, null, null);
    }

    /** Whether it offers evidence of financial standing other than its turnover: reserves, or a funder's letter (SEL-05). */
    public boolean offersAlternativeFinancialEvidence() {
        return reservesPence != null && reservesPence > 0 || funderLetter != null && !funderLetter.isBlank();
    }

    /** PA 2023 s123: fewer than 250 staff and turnover of £44m or less, or a balance sheet of £38m or less. Unknown figures count against. */
    public boolean qualifiesAsSme() {
        return OrganisationSize.isSme(staffHeadcount == null ? Integer.MAX_VALUE : staffHeadcount,
                incomePence == null ? Long.MAX_VALUE : incomePence, balanceSheetPence);
    }

    /** A voluntary, community or social enterprise: any legal form but a company or a public body. */
    public boolean qualifiesAsVcse() {
        return OrganisationSize.isVcse(legalForm);
    }

    /** A piece of relevant experience: what, how it was funded, its yearly value and when. */
    public record Experience(String description, String kind, Long valuePerYearPence, Integer fromYear, Integer toYear) {
    }
}
