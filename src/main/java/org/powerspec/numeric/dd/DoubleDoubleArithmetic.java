package org.powerspec.numeric.dd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.powerspec.numeric.Precision;

/**
 * Double-double ("DD") arithmetic: a real number is carried as an unevaluated sum hi + lo of two doubles with
 * |lo| ≤ ulp(hi)/2, which gives a 106-bit significand and a unit roundoff of about u_DD = 2^−104 for the operations
 * below (the error bounds of Hida, Li and Bailey are a small multiple of 2^−106).
 *
 * <p>Source: Y. Hida, X. S. Li, D. H. Bailey, <em>Library for Double-Double and Quad-Double Arithmetic</em>
 * (the "QD" library, LBNL, 2000/2008), and <em>Algorithms for Quad-Double Precision Floating Point Arithmetic</em>,
 * ARITH-15 (2001). The error-free transformations are Knuth's TwoSum, Dekker's FastTwoSum ("quickTwoSum") and the
 * FMA form of Dekker's exact product (TwoProd): for doubles a, b,
 * <pre>
 *   s = fl(a + b),  e = twoSumError(a, b, s)      ⇒  a + b = s + e exactly,
 *   p = fl(a · b),  e = fma(a, b, −p)             ⇒  a · b = p + e exactly (barring underflow).
 * </pre>
 * Addition is QD's accurate ("IEEE-style") {@code ieee_add}, with relative error ≤ 2·2^−106 even under cancellation;
 * multiplication, division (QD's three-quotient-digit {@code accurate_div}) and square root (one Newton step from
 * the double square root) have relative errors of a few 2^−106. {@link #exp} uses argument reduction by m·ln 2 and
 * by 2^−9 followed by a Taylor series and nine squarings (QD {@code exp}); {@link #log} uses one Newton step on
 * exp(x) = a from the double logarithm (QD {@code log}), and near a = 1 the series 2·atanh((a−1)/(a+1)), which
 * keeps the relative error small where log a is small. {@code pow(x, y)} is exp(y·log x), or binary powering when
 * y is an integer.
 *
 * <p>Two interfaces: the immutable {@link DoubleDouble} value for code that is not hot, and the static primitives
 * here, on (hi, lo) pairs that write their result into {@code out[0], out[1]} so that inner loops allocate nothing. Every operation is
 * composed of correctly rounded IEEE operations and {@link Math#fma} (exactly rounded by specification, whether
 * intrinsic or not), and the one transcendental seed, that of {@link #log}, comes from {@link StrictMath}, so every
 * result is bit-for-bit reproducible on any Java 17 platform.
 */
public final class DoubleDoubleArithmetic {

    /** u_DD = 2^−104: the unit roundoff used in the error bounds of this package (four times 2^−106). */
    public static final double UNIT_ROUNDOFF = 0x1p-104;

    private static final MathContext MC_40 = new MathContext(40);

    /** ln 2 split into three doubles, so that m·ln 2 is exact to far beyond DD for |m| ≤ 1100. */
    private static final double LN2_1;
    private static final double LN2_2;
    private static final double LN2_3;

    /** 1/k! in DD for k = 3 .. 3 + INVERSE_FACTORIALS_HI.length − 1 (the Taylor coefficients of exp). */
    private static final double[] INVERSE_FACTORIALS_HI = new double[12];
    private static final double[] INVERSE_FACTORIALS_LO = new double[12];

    static {
        // ln 2 to 74 digits, split into three non-overlapping doubles
        BigDecimal ln2 = new BigDecimal("0.69314718055994530941723212145817656807550013436025525412068000949339362197");
        LN2_1 = ln2.doubleValue();
        BigDecimal r = ln2.subtract(new BigDecimal(LN2_1));
        LN2_2 = r.doubleValue();
        LN2_3 = r.subtract(new BigDecimal(LN2_2)).doubleValue();
        BigInteger factorial = BigInteger.TWO;
        for (int k = 3; k < 3 + INVERSE_FACTORIALS_HI.length; k++) {
            factorial = factorial.multiply(BigInteger.valueOf(k));
            DoubleDouble inv = fromBigDecimal(BigDecimal.ONE.divide(new BigDecimal(factorial), MC_40));
            INVERSE_FACTORIALS_HI[k - 3] = inv.hi();
            INVERSE_FACTORIALS_LO[k - 3] = inv.lo();
        }
    }

    private DoubleDoubleArithmetic() {
    }

    // ---------------------------------------------------------------- error-free transformations

    /** The rounding error of s = fl(a + b): a + b = s + e exactly (Knuth's TwoSum, no precondition on a, b). */
    public static double twoSumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    /** The rounding error of s = fl(a + b) when |a| ≥ |b| or a = 0 (Dekker's FastTwoSum). */
    public static double quickTwoSumError(double a, double b, double s) {
        return b - (s - a);
    }

    /** The rounding error of p = fl(a · b): a · b = p + e exactly, one fused multiply-add. */
    public static double twoProdError(double a, double b, double p) {
        return Math.fma(a, b, -p);
    }

    /** out = (fl(a + b), error): Knuth's TwoSum. */
    public static void twoSum(double a, double b, double[] out) {
        double s = a + b;
        out[0] = s;
        out[1] = twoSumError(a, b, s);
    }

    /** out = (fl(a + b), error) for |a| ≥ |b|: Dekker's FastTwoSum. */
    public static void quickTwoSum(double a, double b, double[] out) {
        double s = a + b;
        out[0] = s;
        out[1] = quickTwoSumError(a, b, s);
    }

    /** out = (fl(a · b), error): the product of two doubles exactly, as a DD. */
    public static void twoProd(double a, double b, double[] out) {
        double p = a * b;
        out[0] = p;
        out[1] = twoProdError(a, b, p);
    }

    // ---------------------------------------------------------------- DD primitives on (hi, lo) pairs

    /** out = a + b, QD's {@code ieee_add}: relative error ≤ 2·2^−106 also when a + b cancels. */
    public static void add(double aHi, double aLo, double bHi, double bLo, double[] out) {
        double s1 = aHi + bHi;
        double s2 = twoSumError(aHi, bHi, s1);
        double t1 = aLo + bLo;
        double t2 = twoSumError(aLo, bLo, t1);
        s2 += t1;
        double h = s1 + s2;
        s2 = quickTwoSumError(s1, s2, h);
        s2 += t2;
        double hi = h + s2;
        out[0] = hi;
        out[1] = quickTwoSumError(h, s2, hi);
    }

    /** out = a · b: exact product of the high parts plus the two cross terms (QD {@code operator*}). */
    public static void multiply(double aHi, double aLo, double bHi, double bLo, double[] out) {
        double p = aHi * bHi;
        double e = twoProdError(aHi, bHi, p) + (aHi * bLo + aLo * bHi);
        double hi = p + e;
        out[0] = hi;
        out[1] = quickTwoSumError(p, e, hi);
    }

    /** out = a · b for a double b. */
    public static void multiply(double aHi, double aLo, double b, double[] out) {
        double p = aHi * b;
        double e = twoProdError(aHi, b, p) + aLo * b;
        double hi = p + e;
        out[0] = hi;
        out[1] = quickTwoSumError(p, e, hi);
    }

    /**
     * out = a / b by three quotient digits q1 + q2 + q3, each the leading double of the remainder divided by b_hi
     * (QD {@code accurate_div}); the remainders a − (q1 + q2)·b are formed with exact products.
     */
    public static void divide(double aHi, double aLo, double bHi, double bLo, double[] out) {
        double q1 = aHi / bHi;
        // r = a − q1·b
        multiply(bHi, bLo, q1, out);
        add(aHi, aLo, -out[0], -out[1], out);
        double q2 = out[0] / bHi;
        // r = r − q2·b
        double rHi = out[0];
        double rLo = out[1];
        multiply(bHi, bLo, q2, out);
        add(rHi, rLo, -out[0], -out[1], out);
        double q3 = out[0] / bHi;
        double h = q1 + q2;
        double l = quickTwoSumError(q1, q2, h);
        add(h, l, q3, 0, out);
    }

    /**
     * out = √a for a ≥ 0: s = √a_hi (correctly rounded), then one Newton correction (a − s²)/(2s), whose residual
     * a_hi − s² is exact by one FMA.
     */
    public static void sqrt(double aHi, double aLo, double[] out) {
        if (aHi <= 0) {
            if (aHi < 0 || aLo < 0) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
            } else {
                out[0] = 0;
                out[1] = 0;
            }
            return;
        }
        if (Double.isInfinite(aHi)) {
            out[0] = aHi;
            out[1] = 0;
            return;
        }
        double s = Math.sqrt(aHi);
        double residual = Math.fma(-s, s, aHi) + aLo;
        double correction = residual / (2 * s);
        double hi = s + correction;
        out[0] = hi;
        out[1] = quickTwoSumError(s, correction, hi);
    }

    /** out = (hi, lo) renormalised so that |lo| ≤ ulp(hi)/2 (a TwoSum, valid for any input pair). */
    public static void normalize(double hi, double lo, double[] out) {
        twoSum(hi, lo, out);
    }

    // ---------------------------------------------------------------- DD record interface

    /** a + b (accurate addition). */
    public static DoubleDouble add(DoubleDouble a, DoubleDouble b) {
        double[] out = new double[2];
        add(a.hi(), a.lo(), b.hi(), b.lo(), out);
        return new DoubleDouble(out[0], out[1]);
    }

    /** a − b (accurate addition of −b). */
    public static DoubleDouble subtract(DoubleDouble a, DoubleDouble b) {
        double[] out = new double[2];
        add(a.hi(), a.lo(), -b.hi(), -b.lo(), out);
        return new DoubleDouble(out[0], out[1]);
    }

    /** a · b. */
    public static DoubleDouble multiply(DoubleDouble a, DoubleDouble b) {
        double[] out = new double[2];
        multiply(a.hi(), a.lo(), b.hi(), b.lo(), out);
        return new DoubleDouble(out[0], out[1]);
    }

    /** a · b for a double b. */
    public static DoubleDouble multiply(DoubleDouble a, double b) {
        double[] out = new double[2];
        multiply(a.hi(), a.lo(), b, out);
        return new DoubleDouble(out[0], out[1]);
    }

    /** a / b. */
    public static DoubleDouble divide(DoubleDouble a, DoubleDouble b) {
        double[] out = new double[2];
        divide(a.hi(), a.lo(), b.hi(), b.lo(), out);
        return new DoubleDouble(out[0], out[1]);
    }

    /** √a (NaN for a &lt; 0). */
    public static DoubleDouble sqrt(DoubleDouble a) {
        double[] out = new double[2];
        sqrt(a.hi(), a.lo(), out);
        return new DoubleDouble(out[0], out[1]);
    }

    /**
     * e^a. Reduction a = m·ln 2 + 512·r with |r| ≤ ln 2/1024 (m·ln 2 subtracted with a three-double ln 2, so the
     * reduced argument is accurate to DD even for |a| ≈ 700), the Taylor series e^r − 1 = r + r²/2 + … summed until
     * a term falls below 2^−110·|r| (about ten terms), nine squarings (1 + s)² − 1 = 2s + s², and the scaling by 2^m.
     * Overflows to +∞ above ≈ 709.78 and underflows to 0 below −745; below about e^−675 the low part of the result is
     * subnormal and the relative accuracy degrades towards that of a double.
     */
    public static DoubleDouble exp(DoubleDouble a) {
        double x = a.hi();
        if (Double.isNaN(x)) {
            return DoubleDouble.NaN;
        }
        if (x > 709.79) {
            return new DoubleDouble(Double.POSITIVE_INFINITY, 0);
        }
        if (x < -745.2) {
            return DoubleDouble.ZERO;
        }
        if (x == 0 && a.lo() == 0) {
            return DoubleDouble.ONE;
        }
        double m = Math.floor(x / LN2_1 + 0.5);
        double[] t = new double[2];
        // r = a − m·ln2, subtracting the three parts of m·ln2 one after the other (each product exact by TwoProd)
        double rHi = a.hi();
        double rLo = a.lo();
        twoProd(m, LN2_1, t);
        add(rHi, rLo, -t[0], -t[1], t);
        rHi = t[0];
        rLo = t[1];
        twoProd(m, LN2_2, t);
        add(rHi, rLo, -t[0], -t[1], t);
        add(t[0], t[1], -m * LN2_3, 0, t);
        // r /= 512 (exact)
        rHi = t[0] * 0x1p-9;
        rLo = t[1] * 0x1p-9;
        // s = r + r²/2 + Σ_{k≥3} r^k/k!
        double[] power = new double[2];
        multiply(rHi, rLo, rHi, rLo, power);
        double[] s = new double[2];
        add(rHi, rLo, power[0] * 0.5, power[1] * 0.5, s);
        double threshold = Math.abs(rHi) * 0x1p-110;
        for (int k = 0; k < INVERSE_FACTORIALS_HI.length; k++) {
            multiply(power[0], power[1], rHi, rLo, power);
            multiply(power[0], power[1], INVERSE_FACTORIALS_HI[k], INVERSE_FACTORIALS_LO[k], t);
            add(s[0], s[1], t[0], t[1], s);
            if (Math.abs(t[0]) <= threshold) {
                break;
            }
        }
        // (1 + s)^512 − 1 by nine squarings of (1 + s), each written as 2s + s² to keep s's relative accuracy
        for (int i = 0; i < 9; i++) {
            multiply(s[0], s[1], s[0], s[1], t);
            add(2 * s[0], 2 * s[1], t[0], t[1], s);
        }
        add(s[0], s[1], 1, 0, s);
        int scale = (int) m;
        return new DoubleDouble(Math.scalb(s[0], scale), Math.scalb(s[1], scale));
    }

    /**
     * ln a for a &gt; 0 (NaN for a &lt; 0, −∞ at 0). Away from 1 one Newton step x ← x + a·e^−x − 1 from the double
     * seed x = StrictMath.log(a_hi) (accurate to 2^−52, so the step leaves an absolute error of a few 2^−106, a
     * relative error below 2^−100 once |ln a| ≥ 1/16); for |a − 1| &lt; 1/16 the series
     * ln a = 2·Σ_k z^(2k+1)/(2k+1), z = (a − 1)/(a + 1), |z| &lt; 1/31, which is relatively accurate however close a
     * is to 1.
     */
    public static DoubleDouble log(DoubleDouble a) {
        double x = a.hi();
        if (Double.isNaN(x) || x < 0) {
            return DoubleDouble.NaN;
        }
        if (x == 0) {
            return new DoubleDouble(Double.NEGATIVE_INFINITY, 0);
        }
        if (Double.isInfinite(x)) {
            return new DoubleDouble(Double.POSITIVE_INFINITY, 0);
        }
        double[] t = new double[2];
        if (Math.abs(x - 1) < 0.0625) {
            double[] num = new double[2];
            double[] den = new double[2];
            add(a.hi(), a.lo(), -1, 0, num);
            add(a.hi(), a.lo(), 1, 0, den);
            double[] z = new double[2];
            divide(num[0], num[1], den[0], den[1], z);
            double[] z2 = new double[2];
            multiply(z[0], z[1], z[0], z[1], z2);
            double[] power = {z[0], z[1]};
            double[] sum = {z[0], z[1]};
            double threshold = Math.abs(z[0]) * 0x1p-110;
            for (int k = 3; Math.abs(power[0]) > threshold; k += 2) {
                multiply(power[0], power[1], z2[0], z2[1], power);
                divide(power[0], power[1], k, 0, t);
                add(sum[0], sum[1], t[0], t[1], sum);
            }
            return new DoubleDouble(2 * sum[0], 2 * sum[1]);
        }
        double seed = StrictMath.log(x);
        DoubleDouble e = exp(new DoubleDouble(-seed, 0));
        multiply(a.hi(), a.lo(), e.hi(), e.lo(), t);
        add(t[0], t[1], -1, 0, t);
        add(seed, 0, t[0], t[1], t);
        return new DoubleDouble(t[0], t[1]);
    }

    /** x^n for any integer n by binary powering (relative error about 2·log₂|n|·2^−106); x^0 = 1. */
    public static DoubleDouble pow(DoubleDouble x, int n) {
        double[] result = {1, 0};
        double[] base = {x.hi(), x.lo()};
        long e = Math.abs((long) n);
        while (e > 0) {
            if ((e & 1) != 0) {
                multiply(result[0], result[1], base[0], base[1], result);
            }
            e >>= 1;
            if (e > 0) {
                multiply(base[0], base[1], base[0], base[1], base);
            }
        }
        if (n < 0) {
            divide(1, 0, result[0], result[1], result);
        }
        return new DoubleDouble(result[0], result[1]);
    }

    /**
     * x^y for x &gt; 0: binary powering when y is an integer (|y| &lt; 2^31), else exp(y·ln x). The relative error
     * is about |y·ln x|·2^−104 plus a few 2^−106, e.g. j^−1.5 for j ≤ 10^6 to better than 10^−30.
     */
    public static DoubleDouble pow(DoubleDouble x, double y) {
        if (y == Math.rint(y) && Math.abs(y) < 0x1p31) {
            return pow(x, (int) y);
        }
        if (!(x.hi() > 0)) {
            return x.hi() == 0 && y > 0 ? DoubleDouble.ZERO : DoubleDouble.NaN;
        }
        return exp(multiply(log(x), y));
    }

    // ---------------------------------------------------------------- conversions

    /** The exact value hi + lo. */
    public static BigDecimal toBigDecimal(DoubleDouble a) {
        return new BigDecimal(a.hi()).add(new BigDecimal(a.lo()));
    }

    /**
     * The DD nearest to x up to one rounding of the low part: hi = x rounded to double, lo = (x − hi) rounded to
     * double, renormalised; relative error ≤ 2^−106 (for x outside the subnormal range).
     */
    public static DoubleDouble fromBigDecimal(BigDecimal x) {
        double hi = x.doubleValue();
        if (Double.isInfinite(hi)) {
            return new DoubleDouble(hi, 0);
        }
        double lo = x.subtract(new BigDecimal(hi)).doubleValue();
        double s = hi + lo;
        return new DoubleDouble(s, quickTwoSumError(hi, lo, s));
    }

    /** a with 32 significant decimal digits (enough to distinguish DD values), or the double's text if not finite. */
    public static String toString(DoubleDouble a) {
        if (!Double.isFinite(a.hi())) {
            return Double.toString(a.hi());
        }
        if (a.hi() == 0) {
            return "0";
        }
        return toBigDecimal(a).round(new MathContext(32)).toString();
    }

    /**
     * 2^k as a double, for −1074 ≤ k ≤ 1023: exact, so a product with it is x·2^k correctly rounded (exact unless
     * the result is subnormal), like {@link Math#scalb}.
     */
    static double powerOfTwo(int k) {
        if (k < -1074 || k > 1023) {
            throw new IllegalArgumentException("2^" + k + " is not a double");
        }
        return Math.scalb(1.0, k);
    }
}
