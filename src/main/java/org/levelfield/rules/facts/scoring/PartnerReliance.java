package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

/**
 * A tender relying on a named subcontractor or partner for the duty one equality criterion
 * scores, with what it says about the partner's commitment, share and terms. Read by EQ-07.
 *
 * @param sharePercent the partner's share of the contract value, or null if not given
 * @param paymentDays  the days within which the partner is paid, or null if not given
 * @param referralOnly whether the partner only refers people or takes referrals, with no share of the funding
 */
public record PartnerReliance(String tenderId, String bidder, String criterionId, String criterion, String duty, String partner,
                              boolean commitmentLetter, Integer sharePercent, Integer paymentDays, boolean fullCostRecovery,
                              boolean referralOnly)
        implements AboutTender {

    public PartnerReliance(String tenderId, String bidder, String criterionId, String criterion, String duty, String partner,
                           boolean commitmentLetter, Integer sharePercent, Integer paymentDays, boolean fullCostRecovery) {
        this(tenderId, bidder, criterionId, criterion, duty, partner, commitmentLetter, sharePercent, paymentDays, fullCostRecovery, false);
    }

    /** What is missing for the reliance to count in full: a letter, a share, payment within 30 days, full cost recovery. */
    public String getGaps() {
        StringBuilder gaps = new StringBuilder();
        if (!commitmentLetter) {
            gaps.append("no letter of commitment; ");
        }
        if (sharePercent == null || sharePercent <= 0) {
            gaps.append("no share of the funding; ");
        }
        if (paymentDays == null || paymentDays > 30) {
            gaps.append("payment not within 30 days; ");
        }
        if (!fullCostRecovery) {
            gaps.append("not on full cost recovery; ");
        }
        return gaps.toString().strip();
    }

    public boolean isIncomplete() {
        return !getGaps().isEmpty();
    }

    @Override
    public String subjectLabel() {
        return "'" + criterion + "' for the tender from " + bidder;
    }
}
