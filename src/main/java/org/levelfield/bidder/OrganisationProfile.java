package org.levelfield.bidder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a bidding organisation says about itself, shared by its members. Money in pence.
 *
 * @param registrationNumber the org-id style identifier, e.g. GB-CHC-1234567 or GB-COH-01234567
 * @param experience         relevant experience, including grant-funded, subcontracted, partnership and volunteer-delivered work
 */
public record OrganisationProfile(UUID id, String name, String legalForm, String registrationNumber, String charityNumber,
                                  String companyNumber, Long incomePence, Long balanceSheetPence, Integer staffHeadcount,
                                  String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking,
                                  List<Experience> experience, Instant updatedAt) {

    /** A piece of relevant experience: what, how it was funded, its yearly value and when. */
    public record Experience(String description, String kind, Long valuePerYearPence, Integer fromYear, Integer toYear) {
    }
}
