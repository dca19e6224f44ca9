package org.levelfield.bidder;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registration numbers (charity, company or org-id) as compared across records: without an org-id scheme prefix
 * ("GB-CHC-"), spaces or punctuation, in capitals, so "GB-CHC-1234567" and "1234 567" are one number. Used to find an
 * organisation in two tenders for one lot (SEL-09) and on the debarment list (SEL-01).
 */
public final class RegistrationNumbers {

    private static final Pattern ORG_ID = Pattern.compile("^[A-Z]{2}-[A-Z]{2,6}-(.+)$");

    private RegistrationNumbers() {
    }

    /** The number as compared, or null when nothing of it is left. */
    public static String compared(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String n = number.strip().toUpperCase(Locale.ROOT);
        Matcher orgId = ORG_ID.matcher(n);
        if (orgId.matches()) {
            n = orgId.group(1);
        }
        n = n.replaceAll("[^A-Z0-9]", "");
        return n.isEmpty() ? null : n;
    }
}
