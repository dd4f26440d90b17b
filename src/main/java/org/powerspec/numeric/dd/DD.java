package org.powerspec.numeric.dd;

import java.math.BigDecimal;

/**
 * An immutable double-double number, the unevaluated sum hi + lo of two doubles with hi = fl(hi + lo), i.e.
 * |lo| ≤ ulp(hi)/2 (about 32 significant decimal digits). The arithmetic is that of {@link DoubleDouble}
 * (Hida, Li, Bailey, QD library); this record is for code that is not hot. Ordering and equality are by value of
 * the pair (hi first), which for normalised pairs is the order of the real numbers hi + lo.
 *
 * @param hi the leading double, the value rounded to double
 * @param lo the trailing double, the rounding error of {@code hi}
 */
public record DD(double hi, double lo) implements Comparable<DD> {

    public static final DD ZERO = new DD(0, 0);
    public static final DD ONE = new DD(1, 0);
    public static final DD NaN = new DD(Double.NaN, Double.NaN);

    /** Rejects pairs that are not normalised, which would silently lose the DD error bounds. */
    public DD {
        if (Double.isFinite(hi) && hi + lo != hi) {
            throw new IllegalArgumentException("not a normalised double-double: " + hi + " + " + lo);
        }
    }

    /** The double x, exactly. */
    public static DD of(double x) {
        return new DD(x, 0);
    }

    /** The decimal number in {@code s} to DD accuracy (see {@link DoubleDouble#fromBigDecimal}). */
    public static DD valueOf(String s) {
        return DoubleDouble.fromBigDecimal(new BigDecimal(s));
    }

    public DD add(DD b) {
        return DoubleDouble.add(this, b);
    }

    public DD subtract(DD b) {
        return DoubleDouble.subtract(this, b);
    }

    public DD multiply(DD b) {
        return DoubleDouble.multiply(this, b);
    }

    public DD multiply(double b) {
        return DoubleDouble.multiply(this, b);
    }

    public DD divide(DD b) {
        return DoubleDouble.divide(this, b);
    }

    public DD sqrt() {
        return DoubleDouble.sqrt(this);
    }

    public DD negate() {
        return new DD(-hi, -lo);
    }

    public DD abs() {
        return hi < 0 || (hi == 0 && lo < 0) ? negate() : this;
    }

    /** The value rounded to double (that is, hi). */
    public double doubleValue() {
        return hi;
    }

    /** The exact value hi + lo. */
    public BigDecimal toBigDecimal() {
        return DoubleDouble.toBigDecimal(this);
    }

    @Override
    public int compareTo(DD o) {
        int c = Double.compare(hi, o.hi);
        return c != 0 ? c : Double.compare(lo, o.lo);
    }

    /** 32 significant digits. */
    @Override
    public String toString() {
        return DoubleDouble.toString(this);
    }
}
