package org.powerspec.numeric.dd;

import java.math.BigDecimal;

/**
 * An immutable double-double number, the unevaluated sum hi + lo of two doubles with hi = fl(hi + lo), i.e.
 * |lo| ≤ ulp(hi)/2 (about 32 significant decimal digits). The arithmetic is that of {@link DoubleDoubleArithmetic}
 * (Hida, Li, Bailey, QD library); this record is for code that is not hot. Ordering and equality are by value of
 * the pair (hi first), which for normalised pairs is the order of the real numbers hi + lo.
 *
 * @param hi the leading double, the value rounded to double
 * @param lo the trailing double, the rounding error of {@code hi}
 */
public record DoubleDouble(double hi, double lo) implements Comparable<DoubleDouble> {

    public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    public static final DoubleDouble ONE = new DoubleDouble(1, 0);
    public static final DoubleDouble NaN = new DoubleDouble(Double.NaN, Double.NaN);

    /** Rejects pairs that are not normalised, which would silently lose the DD error bounds. */
    public DoubleDouble {
        if (Double.isFinite(hi) && hi + lo != hi) {
            throw new IllegalArgumentException("not a normalised double-double: " + hi + " + " + lo);
        }
    }

    /** The double x, exactly. */
    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    /** The decimal number in {@code s} to DD accuracy (see {@link DoubleDoubleArithmetic#fromBigDecimal}). */
    public static DoubleDouble valueOf(String s) {
        return DoubleDoubleArithmetic.fromBigDecimal(new BigDecimal(s));
    }

    public DoubleDouble add(DoubleDouble b) {
        return DoubleDoubleArithmetic.add(this, b);
    }

    public DoubleDouble subtract(DoubleDouble b) {
        return DoubleDoubleArithmetic.subtract(this, b);
    }

    public DoubleDouble multiply(DoubleDouble b) {
        return DoubleDoubleArithmetic.multiply(this, b);
    }

    public DoubleDouble multiply(double b) {
        return DoubleDoubleArithmetic.multiply(this, b);
    }

    public DoubleDouble divide(DoubleDouble b) {
        return DoubleDoubleArithmetic.divide(this, b);
    }

    public DoubleDouble sqrt() {
        return DoubleDoubleArithmetic.sqrt(this);
    }

    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    public DoubleDouble abs() {
        return hi < 0 || (hi == 0 && lo < 0) ? negate() : this;
    }

    /** The value rounded to double (that is, hi). */
    public double doubleValue() {
        return hi;
    }

    /** The exact value hi + lo. */
    public BigDecimal toBigDecimal() {
        return DoubleDoubleArithmetic.toBigDecimal(this);
    }

    @Override
    public int compareTo(DoubleDouble o) {
        int c = Double.compare(hi, o.hi);
        return c != 0 ? c : Double.compare(lo, o.lo);
    }

    /** 32 significant digits. */
    @Override
    public String toString() {
        return DoubleDoubleArithmetic.toString(this);
    }
}
