package org.levelfield.rules.facts.eligibility;

/**
 * One piece of relevant work a bidder lists in its profile, of any funding kind (SEL-08 counts them against a published
 * "N pieces of comparable work in Y years").
 *
 * @param kind     PUBLIC_CONTRACT, GRANT_FUNDED, SUBCONTRACTED, PARTNERSHIP or VOLUNTEER
 * @param lastYear the last year the work ran; null while it is still running
 */
public record ExperienceFact(String bidder, String description, String kind, Integer lastYear) implements AboutBidder {

    /** Whether the work ran in or after the given year (work still running always has). */
    public boolean ranSince(int year) {
        return lastYear == null || lastYear >= year;
    }
}
