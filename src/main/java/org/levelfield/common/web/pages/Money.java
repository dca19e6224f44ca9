package org.levelfield.common.web.pages;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Money as people write it ("£210,000", "1250.50") to and from pence. */
public final class Money {

    private static final Pattern POUNDS = Pattern.compile("-?£?\\s*-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");
    private static final long MOST = 1_000_000_000_000L; // £10bn in pence: far above any round

    private Money() {
    }

    /** The result of reading an amount: pence, or what was wrong with it. */
    public record Read(Long pence, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads an amount in pounds; empty gives null pence and no problem (the caller decides whether it is needed). */
    public static Read pounds(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            return new Read(null, null);
        }
        String t = typed.strip();
        if (!POUNDS.matcher(t).matches()) {
            return new Read(null, "Enter " + what + " in pounds, using numbers only, like £210,000 or 1250.50");
        }
        boolean negative = t.contains("-");
        BigDecimal amount = new BigDecimal(t.replace("£", "").replace(",", "").replace("-", "").strip());
        if (negative) {
            return new Read(null, capitalised(what) + " must be £0 or more");
        }
        long pence = amount.movePointRight(2).longValueExact();
        if (pence > MOST) {
            return new Read(null, capitalised(what) + " must be less than £10,000,000,000");
        }
        return new Read(pence, null);
    }

    /** "£210,000" for whole pounds, "£1,250.50" otherwise; "" for null. */
    public static String format(Long pence) {
        if (pence == null) {
            return "";
        }
        return org.levelfield.common.Pounds.format(pence);
    }

    /** The amount as a person would type it back into a field ("210,000"). */
    public static String typed(Long pence) {
        return pence == null ? "" : format(pence).substring(1);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
