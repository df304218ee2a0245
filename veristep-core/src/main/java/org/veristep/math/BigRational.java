package org.veristep.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number {@code numerator / denominator} on {@link BigInteger}, always in lowest
 * terms with a positive denominator, so two equal values have equal fields ({@link #equals} is value
 * equality).
 *
 * @param numerator the numerator, any sign
 * @param denominator the denominator, strictly positive, coprime with the numerator
 */
public record BigRational(BigInteger numerator, BigInteger denominator) implements Comparable<BigRational> {
    public static final BigRational ZERO = new BigRational(BigInteger.ZERO, BigInteger.ONE);
    public static final BigRational ONE = new BigRational(BigInteger.ONE, BigInteger.ONE);

    /** Normalises sign and common factors; throws ArithmeticException for a zero denominator. */
    public BigRational {
        if (denominator.signum() == 0) throw new ArithmeticException("zero denominator");
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (!denominator.equals(BigInteger.ONE)) {
            BigInteger g = numerator.gcd(denominator);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                numerator = numerator.divide(g);
                denominator = denominator.divide(g);
            }
            if (numerator.signum() == 0) denominator = BigInteger.ONE;
        }
    }

    /** {@return the integer {@code n}} */
    public static BigRational of(long n) {
        return new BigRational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** {@return {@code n / d}}; throws ArithmeticException when {@code d == 0} */
    public static BigRational of(long n, long d) {
        return new BigRational(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    /** {@return the integer {@code n}} */
    public static BigRational of(BigInteger n) {
        return new BigRational(n, BigInteger.ONE);
    }

    /** {@return the exact value of a finite BigDecimal} */
    public static BigRational of(BigDecimal d) {
        if (d.scale() <= 0) return of(d.toBigIntegerExact());
        return new BigRational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /**
     * {@return the exact value of a decimal literal} such as {@code "12"}, {@code "0.25"},
     * {@code ".5"}, {@code "3e8"}, {@code "1.5E-3"}
     *
     * @throws NumberFormatException when the text is not a decimal literal
     */
    public static BigRational parseDecimal(String text) {
        return of(new BigDecimal(text));
    }

    /** {@return this + o} */
    public BigRational add(BigRational o) {
        if (denominator.equals(BigInteger.ONE) && o.denominator.equals(BigInteger.ONE)) {
            return new BigRational(numerator.add(o.numerator), BigInteger.ONE);
        }
        return new BigRational(
                numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    /** {@return this - o} */
    public BigRational subtract(BigRational o) {
        return add(o.negate());
    }

    /** {@return this × o} */
    public BigRational multiply(BigRational o) {
        return new BigRational(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    /** {@return this / o}; throws ArithmeticException when {@code o} is zero */
    public BigRational divide(BigRational o) {
        if (o.signum() == 0) throw new ArithmeticException("division by zero");
        return new BigRational(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    /** {@return -this} */
    public BigRational negate() {
        return new BigRational(numerator.negate(), denominator);
    }

    /** {@return this to an integer power}; a negative power of zero throws ArithmeticException */
    public BigRational pow(int exponent) {
        if (exponent >= 0) return new BigRational(numerator.pow(exponent), denominator.pow(exponent));
        if (signum() == 0) throw new ArithmeticException("zero to a negative power");
        return new BigRational(denominator.pow(-exponent), numerator.pow(-exponent));
    }

    /** {@return -1, 0 or 1 as this is negative, zero or positive} */
    public int signum() {
        return numerator.signum();
    }

    /** {@return whether the denominator is 1} */
    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** {@return the larger of the bit lengths of numerator and denominator} (a size measure) */
    public int bitLength() {
        return Math.max(numerator.bitLength(), denominator.bitLength());
    }

    /** {@return the nearest double} (0 or ±infinity when out of range) */
    public double toDouble() {
        if (numerator.bitLength() < 53 && denominator.bitLength() < 53) {
            return numerator.doubleValue() / denominator.doubleValue();
        }
        return new BigDecimal(numerator)
                .divide(new BigDecimal(denominator), MathContext.DECIMAL64)
                .doubleValue();
    }

    /** {@return this rounded half-up to {@code places} digits after the decimal point} */
    public BigDecimal toDecimal(int places) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), places, RoundingMode.HALF_UP);
    }

    /** {@return the value as {@code n} or {@code n/d}} */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }

    @Override
    public int compareTo(BigRational o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }
}
