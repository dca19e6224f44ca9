package org.levelfield.round.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The parts of a round's design that the safeguard rules read beyond lots and criteria.
 *
 * @param lotsReason                 why the requirement is (or is not) divided into these lots (RD-04)
 * @param maxLotsPerSupplier         most lots one supplier may win, or null for no limit (RD-05)
 * @param lotLimitMechanism          the published, objective way the limit is applied (RD-05)
 * @param consortiumCountsForMembers whether a consortium's wins count towards each member's limit (RD-05)
 * @param consortiaAllowed           whether consortia may bid without a particular legal form (SS-03)
 * @param reliancePermitted          whether bidders may rely on others' capacity (SS-03)
 * @param socialValueConsidered      whether social value was considered before procuring (RD-11)
 * @param socialValuePolicyAdopted   whether the authority has adopted PPN 002 or a local social value policy (RD-11)
 * @param consultation               the consultation with the VCS and service users (RD-16)
 * @param incumbents                 current providers the round replaces or changes (RD-04, RD-17)
 */
public record RoundDetails(String lotsReason, Integer maxLotsPerSupplier, String lotLimitMechanism, Boolean consortiumCountsForMembers,
                           Boolean consortiaAllowed, Boolean reliancePermitted, Boolean socialValueConsidered,
                           Boolean socialValuePolicyAdopted, Consultation consultation, List<Incumbent> incumbents) {

    public static final RoundDetails NONE = new RoundDetails(null, null, null, null, null, null, null, null, null, List.of());

    public record Consultation(LocalDate start, LocalDate end, String reasonForShort) {
    }

    /**
     * A current provider: who, how funded, how much a year, which group it serves, whether it is a
     * specialist (characteristic-specific or "by and for") provider, and when its funding ends and
     * when it was given notice.
     */
    public record Incumbent(String organisation, String fundingType, Long fundingPerYearPence, String groupServed, Boolean specialist,
                            LocalDate fundingEndDate, LocalDate noticeDate) {
    }

    public List<Incumbent> incumbentsOrEmpty() {
        return incumbents == null ? List.of() : incumbents;
    }
}
