package org.levelfield.rules.facts.eligibility;

/**
 * One organisation in one tender for a lot, by one of its registration numbers (charity, company or org-id number, as
 * written without its scheme prefix or spaces): the bidder or a consortium member. At award every tender's
 * participants are given to each tender's eligibility check, so SEL-09 can see an organisation in two tenders for the
 * same lot, alone or in another consortium.
 *
 * @param assessed whether this participant belongs to the tender being checked (the others are the lot's other tenders)
 */
public record LotParticipant(String tenderId, String bidder, String organisation, boolean member, String registrationNumber,
                             String lot, boolean assessed) implements AboutBidder {
}
