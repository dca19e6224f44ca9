package org.levelfield.rules.facts;

/**
 * The legal tests of what kind of organisation a bidder is, in one place: SME under the
 * Procurement Act 2023 s123, and voluntary, community or social enterprise by legal form.
 */
public final class OrganisationSize {

    private OrganisationSize() {
    }

    /** Fewer than 250 staff, and a turnover of £44m or less or a balance sheet of £38m or less. */
    public static boolean isSme(int staff, long turnoverPence, Long balanceSheetPence) {
        return staff < 250 && (turnoverPence <= 4_400_000_000L || balanceSheetPence != null && balanceSheetPence <= 3_800_000_000L);
    }

    /** Any known legal form but a company or a public body. */
    public static boolean isVcse(String legalForm) {
        return legalForm != null && !"COMPANY".equals(legalForm) && !"PUBLIC_BODY".equals(legalForm);
    }
}
