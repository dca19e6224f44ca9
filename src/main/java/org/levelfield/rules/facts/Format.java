package org.levelfield.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Formatting for the figures in rule messages, so every message reads the same way. */
public final class Format {

    private Format() {
    }

    /** "1 finding", "3 findings": a count with the word it counts. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A date as people write it: "3 December 2026". */
    public static String date(java.time.LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    /** A value recorded including VAT, net of VAT at the standard rate of 20% (REG-04 compares it with a net-of-VAT threshold). */
    public static long netOfVat(long inclVatPence) {
        return Math.round(inclVatPence / 1.2);
    }

    /** An amount in euros, in pence at the given rate (pounds to the euro), rounded down to the penny (SEL-10 under PCR). */
    public static long eurosInPence(long euros, BigDecimal poundsPerEuro) {
        return poundsPerEuro.multiply(BigDecimal.valueOf(euros)).movePointRight(2).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** A rate such as pounds to the euro, with at least two decimal places: "0.85", "0.90", "0.8725". */
    public static String rate(BigDecimal rate) {
        return rate.setScale(Math.max(2, rate.stripTrailingZeros().scale()), RoundingMode.HALF_UP).toPlainString();
    }

    /** 123456789 pence as "£1,234,567.89"; whole pounds without pence (common/Pounds, as on the pages and documents). */
    public static String pounds(long pence) {
        return org.levelfield.common.Pounds.format(pence);
    }

    /** How many times {@code part} is {@code whole}, to one decimal place. */
    public static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A score or weight without trailing zeros ("3", "2.5", "1.67"); "none" for null. */
    public static String number(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }

    public static BigDecimal times(BigDecimal multiple, long pence) {
        return multiple.multiply(BigDecimal.valueOf(pence));
    }

    /** The sum of a list of weights or scores (nulls count as zero). */
    public static BigDecimal sum(java.util.List<?> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object value : values) {
            if (value instanceof BigDecimal number) {
                total = total.add(number);
            }
        }
        return total;
    }

    /** An enum-style name in words: "GENDER_REASSIGNMENT" becomes "gender reassignment". */
    /**
     * Whether weights written as numbers or exact fractions ("5", "10/3") add up exactly to a total;
     * false if any cannot be read.
     */
    public static boolean addUpExactly(java.util.List<?> weights, BigDecimal total) {
        java.util.List<org.levelfield.rules.model.Fraction> parts = new java.util.ArrayList<>();
        for (Object w : weights) {
            var part = org.levelfield.rules.model.Fraction.parse(String.valueOf(w));
            if (part.isEmpty()) {
                return false;
            }
            parts.add(part.get());
        }
        return total != null && org.levelfield.rules.model.Fraction.sum(parts).equalsExactly(total);
    }

    /** Weights written as numbers or exact fractions, added up and written the same way ("10", "20/3"); "?" if one cannot be read. */
    public static String exactSum(java.util.List<?> weights) {
        java.util.List<org.levelfield.rules.model.Fraction> parts = new java.util.ArrayList<>();
        for (Object w : weights) {
            var part = org.levelfield.rules.model.Fraction.parse(String.valueOf(w));
            if (part.isEmpty()) {
                return "?";
            }
            parts.add(part.get());
        }
        return org.levelfield.rules.model.Fraction.sum(parts).toString();
    }

    public static String words(String name) {
        return name == null ? "" : name.toLowerCase(Locale.UK).replace('_', ' ');
    }

    /** The sum of a list of pence amounts. */
    public static long sumPence(java.util.List<?> values) {
        long total = 0;
        for (Object value : values) {
            if (value instanceof Number number) {
                total += number.longValue();
            }
        }
        return total;
    }
}
