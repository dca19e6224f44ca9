package org.levelfield.rules.facts.eligibility;

/**
 * What one organisation in a bid declares about the exclusion grounds (Procurement Act 2023
 * Sch 6-7, s57; PCR 2015 reg 57): the bidder itself, or one member of its consortium. Read by SEL-01,
 * so that a finding names the organisation the ground applies to.
 *
 * @param bidder                   the bidder (the lead of a consortium)
 * @param declarant                the organisation that made the declaration
 * @param member                   whether the declarant is a consortium member rather than the bidder
 * @param mandatoryExclusionGround whether a mandatory exclusion ground applies to it
 * @param recurrenceLikely         whether the circumstances are likely to recur
 * @param discretionaryExclusionGround whether a discretionary exclusion ground applies to it (Sch 7; PCR reg 57(8))
 */
public record ExclusionDeclaration(String bidder, String declarant, boolean member, boolean mandatoryExclusionGround,
                                   boolean recurrenceLikely, boolean discretionaryExclusionGround) implements AboutBidder {

    public ExclusionDeclaration(String bidder, String declarant, boolean member, boolean mandatoryExclusionGround, boolean recurrenceLikely) {
        this(bidder, declarant, member, mandatoryExclusionGround, recurrenceLikely, false);
    }

    /** How the declarant is named in a finding: "Acme Ltd" or "Acme Ltd (a member of Sister Space's consortium)". */
    public String getWho() {
        return member ? declarant + " (a member of " + bidder + "'s consortium)" : declarant;
    }
}
