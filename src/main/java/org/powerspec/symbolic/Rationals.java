package org.powerspec.symbolic;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact integer and rational helpers used across the symbolic layer: factorials, double factorials, and the
 * canonical text form of a rational ({@code a/b} in lowest terms, integers plain, the sign on the numerator).
 */
public final class Rationals {
    private Rationals() {
    }

    /** n! for n ≥ 0. */
    public static BigInteger factorial(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("factorial of a negative number: " + n);
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    /** n!! = n·(n−2)·…, with (−1)!! = 0!! = 1. */
    public static BigInteger doubleFactorial(int n) {
        if (n < -1) {
            throw new IllegalArgumentException("double factorial of " + n);
        }
        BigInteger r = BigInteger.ONE;
        for (int i = n; i > 1; i -= 2) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return r;
    }

    /**
     * E[z^n] for z ~ N(0,1): (n−1)!! for even n, 0 for odd n.
     */
    public static BigInteger gaussianMoment(int n) {
        return n % 2 == 0 ? doubleFactorial(n - 1) : BigInteger.ZERO;
    }

    /** The canonical text of an exact rational: {@code -3/4}, {@code 12}. */
    public static String format(BigFraction q) {
        BigFraction r = q.reduce();
        BigInteger num = r.getNumerator();
        BigInteger den = r.getDenominator();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }

    /** The rational as a LaTeX math fragment (without dollars): {@code 12}, {@code -\frac{3}{4}}. */
    public static String latex(BigFraction q) {
        BigFraction r = q.reduce();
        BigInteger num = r.getNumerator();
        BigInteger den = r.getDenominator();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (den.equals(BigInteger.ONE)) {
            return num.toString();
        }
        String sign = num.signum() < 0 ? "-" : "";
        return sign + "\\frac{" + num.abs() + "}{" + den + "}";
    }

    /** The rational in Symja input syntax, parenthesised when it is not a non-negative integer. */
    public static String symja(BigFraction q) {
        String s = format(q);
        return (s.startsWith("-") || s.contains("/")) ? "(" + s + ")" : s;
    }
}
