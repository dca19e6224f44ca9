package org.levelfield.bidder;

import java.util.List;
import java.util.regex.Pattern;

/** The codes a bidding organisation's profile uses. */
public final class Codes {

    public static final List<String> LEGAL_FORMS = List.of("REGISTERED_CHARITY", "CIO", "CIC", "COMPANY_LIMITED_BY_GUARANTEE",
            "COMMUNITY_BENEFIT_SOCIETY", "COMPANY", "PUBLIC_BODY", "UNINCORPORATED");
    /** What an organisation shows of its equality practice (SEL-03). */
    public static final List<String> EQUALITY_EVIDENCE = List.of("POLICY", "STATEMENT", "NONE");
    public static final List<String> ACCOUNTS_TYPES = List.of("AUDITED", "INDEPENDENT_EXAMINATION", "RECEIPTS_AND_PAYMENTS", "UNAUDITED");
    public static final List<String> EXPERIENCE_KINDS = List.of("PUBLIC_CONTRACT", "GRANT_FUNDED", "SUBCONTRACTED", "PARTNERSHIP", "VOLUNTEER");

    /** The org-id style identifier: GB-CHC (Charity Commission), GB-COH (Companies House), GB-SC (OSCR), GB-NIC, GB-MPR. */
    public static final Pattern ORG_ID = Pattern.compile("GB-(CHC-\\d{6,8}|COH-([A-Z]{2}\\d{6}|\\d{8})|SC-SC\\d{6}|NIC-\\d{5,6}|MPR-\\d{1,6}R?)");
    public static final String ORG_ID_EXAMPLE = "an org-id such as GB-CHC-1234567 (Charity Commission) or GB-COH-01234567 (Companies House)";

    private Codes() {
    }
}
