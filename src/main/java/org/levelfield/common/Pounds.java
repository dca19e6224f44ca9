package org.levelfield.common;

/**
 * Sums of money as people write them, one way everywhere: the rules' messages (rules/facts/Format), the pages and
 * documents (common/web/pages/Money) and the tender checks' errors.
 */
public final class Pounds {

    private Pounds() {
    }

    /**
     * 123456789 pence as "£1,234,567.89"; whole pounds without pence ("£1,000"); a negative sum as "£-1.50". Written digit
     * by digit: building a DecimalFormat for each sum was a twentieth of all the self-check allocated (issue 15).
     */
    public static String format(long pence) {
        String digits = Long.toString(pence);
        boolean negative = pence < 0;
        String unsigned = negative ? digits.substring(1) : digits;
        if (unsigned.length() < 3) {
            unsigned = "0".repeat(3 - unsigned.length()) + unsigned;
        }
        String whole = unsigned.substring(0, unsigned.length() - 2);
        StringBuilder out = new StringBuilder(whole.length() * 4 / 3 + 6).append('£');
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        if (pence % 100 != 0) {
            out.append('.').append(unsigned, unsigned.length() - 2, unsigned.length());
        }
        return out.toString();
    }
}
