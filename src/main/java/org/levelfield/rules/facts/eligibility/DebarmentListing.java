package org.levelfield.rules.facts.eligibility;

import java.time.LocalDate;

/**
 * An organisation in a bid (the bidder, or a member of its consortium) found, by one of its registration numbers, on the
 * central debarment list (Procurement Act 2023 s62) on the day of the check. Read by SEL-01.
 *
 * @param bidder          the bidder (the lead of a consortium)
 * @param declarant       the organisation on the list, as the bid names it
 * @param member          whether it is a consortium member rather than the bidder
 * @param exclusionGround the ground the entry gives
 * @param mandatory       whether the ground is mandatory (an excluded supplier) or discretionary (an excludable one)
 * @param ceasesOn        when the Minister expects the ground to cease to apply; null if the entry does not say
 */
public record DebarmentListing(String bidder, String declarant, boolean member, String exclusionGround, boolean mandatory,
                               LocalDate enteredOn, LocalDate ceasesOn, String reference) implements AboutBidder {

    /** How the organisation is named in a finding. */
    public String getWho() {
        return member ? declarant + " (a member of " + bidder + "'s consortium)" : declarant;
    }
}
