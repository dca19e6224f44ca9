package org.levelfield.rules.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact, non-negative rational number: a sub-criterion's weight such as 10/3 (a third of a
 * criterion weighing 10), kept exact so that equal sub-weights add up to their criterion's weight
 * without rounding (RD-09). Always in lowest terms with a positive denominator.
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(?:/\\s*(\\d{1,9})\\s*)?");

    public Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a fraction's denominator must be positive");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    public static Fraction of(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0) {
            return new Fraction(v.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Fraction(v.unscaledValue(), BigInteger.TEN.pow(v.scale()));
    }

    /**
     * Reads a weight written as a number ("5", "3.5") or a fraction of two whole numbers ("10/3"),
     * or nothing if the text is neither or the fraction divides by zero.
     */
    public static Optional<Fraction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Fraction top = of(new BigDecimal(m.group(1)));
        if (m.group(2) == null) {
            return Optional.of(top);
        }
        BigInteger under = new BigInteger(m.group(2));
        return under.signum() == 0 ? Optional.empty()
                : Optional.of(new Fraction(top.numerator, top.denominator.multiply(under)));
    }

    public static Fraction sum(Collection<Fraction> parts) {
        return parts.stream().reduce(ZERO, Fraction::plus);
    }

    public Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public boolean equalsZero() {
        return numerator.signum() == 0;
    }

    /** Equal to a decimal exactly (3/1 to 3.000, 10/3 to nothing finite). */
    public boolean equalsExactly(BigDecimal value) {
        return equals(of(value));
    }

    /** The value to 16 significant digits: for display and for arithmetic that divides once at the end. */
    public BigDecimal decimal() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64);
    }

    /** True where the decimal form is exact (the denominator has no prime factor but 2 and 5). */
    public boolean terminates() {
        BigInteger d = denominator;
        for (BigInteger p : new BigInteger[]{BigInteger.TWO, BigInteger.valueOf(5)}) {
            while (d.mod(p).signum() == 0) {
                d = d.divide(p);
            }
        }
        return d.equals(BigInteger.ONE);
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** "5", "3.5" or "10/3": a decimal where one is exact, otherwise the fraction in lowest terms. */
    @Override
    public String toString() {
        if (terminates()) {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator)).stripTrailingZeros().toPlainString();
        }
        return numerator + "/" + denominator;
    }
}
