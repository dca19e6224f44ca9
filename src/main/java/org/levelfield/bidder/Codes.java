package org.levelfield.bidder;

import java.util.List;

/** The codes a bidding organisation's profile uses. */
public final class Codes {

    public static final List<String> LEGAL_FORMS = List.of("REGISTERED_CHARITY", "CIO", "CIC", "COMPANY_LIMITED_BY_GUARANTEE",
            "COMMUNITY_BENEFIT_SOCIETY", "COMPANY", "PUBLIC_BODY", "UNINCORPORATED");
    public static final List<String> ACCOUNTS_TYPES = List.of("AUDITED", "INDEPENDENT_EXAMINATION", "RECEIPTS_AND_PAYMENTS", "UNAUDITED");
    public static final List<String> EXPERIENCE_KINDS = List.of("PUBLIC_CONTRACT", "GRANT_FUNDED", "SUBCONTRACTED", "PARTNERSHIP", "VOLUNTEER");

    private Codes() {
    }
}
