package org.powerspec.numeric.dd;

import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;

/**
 * All eigenvalues of a symmetric tridiagonal matrix T in double-double by Sturm-count bisection.
 *
 * <p><b>Algorithm</b> (Barth, Martin, Wilkinson, Numer. Math. 9 (1967); Demmel, <em>Applied Numerical Linear
 * Algebra</em>, §5.3.4; LAPACK {@code dstebz}). The number of eigenvalues of the tridiagonal T below x is the number
 * of negative pivots q_i = (d_i − x) − e²_{i−1}/q_{i−1} of the LDLᵀ factorisation of T − xI (Sylvester's law of
 * inertia); a pivot smaller in magnitude than pivmin = 2^−1022·max(1, max e²) is replaced by −pivmin, as in
 * {@code dstebz}, so the recurrence never divides by zero. Each operation of the recurrence has an error of a few
 * 2^−106 relative to its operands, so the computed count is the exact count of a tridiagonal whose entries differ
 * from T's by that much (Kahan 1966; Demmel, Dhillon, Ren, ETNA 3 (1995)): the count is monotone for all practical
 * purposes and the error it adds is O(u_DD·‖T‖). Eigenvalue k is isolated from the Gershgorin interval, separately
 * and in parallel for each k: the interval is first split at 0, intervals whose ends differ by more than a factor 4
 * in magnitude are split at their geometric mean (so an eigenvalue 10^−25·‖A‖ costs a few halvings of its exponent,
 * not 83 halvings of the interval), and then at the midpoint, until the width is below 2^−103·max(|lo|, |hi|)
 * (4 DD ulps) or cannot shrink; the eigenvalue returned is the midpoint.
 *
 * <p><b>Error.</b> The count's error moves an eigenvalue by a few u_DD·‖T‖ (u_DD = 2^−104), and returning the
 * midpoint adds half the final width, at most 2^−104·|λ|; for a tridiagonal whose entries are exact, then,
 * |λ̂_k − λ_k| ≤ c·u_DD·‖T‖_G with a small c (the tests measure c below 1 on the second-difference matrix).
 * {@link DoubleDoubleEigenSolver} adds this to the reduction's error in its bound.
 *
 * <p><b>Termination.</b> The entries must be scaled into range first (the solver scales A by a power of two): with
 * entries of about 10^154 the squares e² overflow, and the Sturm count at an infinite end of the interval is NaN
 * throughout. The search for the ends of the spectrum ({@value #MAX_BRACKET_STEPS} widenings) and each bisection
 * ({@value #MAX_BISECTION_STEPS} steps) are capped and throw {@link ArithmeticException} rather than loop.
 */
final class SturmBisection {

    /** Eigenvalues per parallel bisection task. */
    private static final int BISECTION_GRAIN = 4;
    /** Relative interval width at which bisection stops: 4 ulps of a 106-bit significand. */
    private static final double RELATIVE_WIDTH = 0x1p-103;
    /**
     * Widenings of the starting interval at most: each at least doubles its end, so a finite end overflows (and the
     * solver says so) after fewer than 2100.
     */
    static final int MAX_BRACKET_STEPS = 2100;
    /**
     * Bisection steps per eigenvalue at most, a guard that can only trip on a broken count: an interval of one sign
     * ({@link #eigenvalues} splits at 0) needs at most ⌈2098/64⌉ = 33 steps at a zero end (each divides the other end by 2^64
     * until the width is below 2^−1022), 11 geometric-mean steps (each halves log₂(hi/lo) ≤ 2098) and then about
     * 104 halvings to a relative width of 2^−103: about 150 in all; plain halving over the whole range of finite
     * doubles would take 2098 + 103. The guard is twice that.
     */
    static final int MAX_BISECTION_STEPS = 4400;

    private SturmBisection() {
    }

    /** Eigenvalues of t in ascending order into (hi, lo), one bisection per eigenvalue, in parallel. */
    static void eigenvalues(Tridiagonal t, double[] hi, double[] lo, ForkJoinPool pool, DoubleConsumer progress) {
        int n = t.dHi().length;
        if (n == 1) {
            hi[0] = t.dHi()[0];
            lo[0] = t.dLo()[0];
            progress.accept(1);
            return;
        }
        double[] e2Hi = new double[n - 1];
        double[] e2Lo = new double[n - 1];
        double[] s = new double[2];
        double maxE2 = 0;
        for (int i = 0; i + 1 < n; i++) {
            DoubleDoubleArithmetic.multiply(t.eHi()[i], t.eLo()[i], t.eHi()[i], t.eLo()[i], s);
            e2Hi[i] = s[0];
            e2Lo[i] = s[1];
            maxE2 = Math.max(maxE2, s[0]);
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, maxE2);
        // Gershgorin interval of T from the high parts, widened far beyond their rounding (2^−40 relative)
        double gl = Double.POSITIVE_INFINITY;
        double gu = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(t.eHi()[i - 1]) : 0) + (i + 1 < n ? Math.abs(t.eHi()[i]) : 0);
            gl = Math.min(gl, t.dHi()[i] - r);
            gu = Math.max(gu, t.dHi()[i] + r);
        }
        double margin = Math.max(Math.abs(gl), Math.abs(gu)) * 0x1p-40 + 2 * pivmin;
        gl -= margin;
        gu += margin;
        if (!Double.isFinite(margin) || !Double.isFinite(gl) || !Double.isFinite(gu)) {
            throw new ArithmeticException("the tridiagonal's Gershgorin interval [" + gl + ", " + gu + "] or its e² (max "
                    + maxE2 + ") is not finite: scale the matrix into double's range first");
        }
        SturmCounter counter = new SturmCounter(t.dHi(), t.dLo(), e2Hi, e2Lo, pivmin);
        // each widening at least doubles |gl| (|gu|), so a finite end either brackets or overflows within ~2100 steps
        for (int step = 0; counter.count(gl, 0) != 0; step++) {
            gl -= Math.abs(gl) + margin;
            if (!Double.isFinite(gl) || step > MAX_BRACKET_STEPS) {
                throw new ArithmeticException("no lower end of the spectrum found (Sturm count at " + gl + ")");
            }
        }
        for (int step = 0; counter.count(gu, 0) != n; step++) {
            gu += Math.abs(gu) + margin;
            if (!Double.isFinite(gu) || step > MAX_BRACKET_STEPS) {
                throw new ArithmeticException("no upper end of the spectrum found (Sturm count at " + gu + ")");
            }
        }
        int negatives = counter.count(0, 0);
        double lower = gl;
        double upper = gu;
        int batches = Math.min(n, 32);
        for (int b = 0; b < batches; b++) {
            int k0 = (int) ((long) n * b / batches);
            int k1 = (int) ((long) n * (b + 1) / batches);
            DDMatrix.parallelFor(pool, k0, k1, BISECTION_GRAIN, (i0, i1) -> {
                double[] x = new double[2];
                for (int k = i0; k < i1; k++) {
                    // count(lower) ≤ k < count(upper) holds for these starting intervals
                    double l = k < negatives ? lower : Math.max(0, lower);
                    double u = k < negatives ? Math.min(0, upper) : upper;
                    counter.bisect(k, l, u, x);
                    hi[k] = x[0];
                    lo[k] = x[1];
                }
            });
            progress.accept((double) k1 / n);
        }
    }

    /** The Sturm count of a DD tridiagonal and the bisection for one eigenvalue. Immutable, so shareable. */
    private static final class SturmCounter {
        private final double[] dHi;
        private final double[] dLo;
        private final double[] e2Hi;
        private final double[] e2Lo;
        private final double pivmin;

        SturmCounter(double[] dHi, double[] dLo, double[] e2Hi, double[] e2Lo, double pivmin) {
            this.dHi = dHi;
            this.dLo = dLo;
            this.e2Hi = e2Hi;
            this.e2Lo = e2Lo;
            this.pivmin = pivmin;
        }

        /**
         * The number of negative pivots of T − xI for x = xh + xl: the number of eigenvalues below x (a pivot
         * that is exactly zero or below pivmin in magnitude is taken as −pivmin and counts).
         *
         * <p>Per step: r = e²/q by one reciprocal of q_hi and one correction (quotient q1 = e²_hi/q_hi, remainder
         * e² − q1·q exact in its leading part by FMA, q2 = remainder/q_hi); then q = d − x − r as one three-term
         * DD sum (TwoSums of the high parts, low parts and errors added, renormalised). Both have errors of a few
         * 2^−106 relative to their operands.
         */
        int count(double xh, double xl) {
            int n = dHi.length;
            double s = dHi[0] - xh;
            double se = DoubleDoubleArithmetic.twoSumError(dHi[0], -xh, s);
            double lo = se + (dLo[0] - xl);
            double qh = s + lo;
            double ql = DoubleDoubleArithmetic.twoSumError(s, lo, qh);
            int negatives = 0;
            for (int i = 1; ; i++) {
                if (Math.abs(qh) < pivmin) {
                    qh = -pivmin;
                    ql = 0;
                }
                if (qh < 0) {
                    negatives++;
                }
                if (i == n) {
                    return negatives;
                }
                // r = e²_{i−1}/q
                double rho = 1 / qh;
                double r1 = e2Hi[i - 1] * rho;
                double prod = r1 * qh;
                double remainder = ((e2Hi[i - 1] - prod) - Math.fma(r1, qh, -prod)) + (e2Lo[i - 1] - r1 * ql);
                double r2 = remainder * rho;
                // q = (d_i − x) − r
                double s1 = dHi[i] - xh;
                double e1 = DoubleDoubleArithmetic.twoSumError(dHi[i], -xh, s1);
                double s2 = s1 - r1;
                double e2 = DoubleDoubleArithmetic.twoSumError(s1, -r1, s2);
                double low = (e1 + e2) + ((dLo[i] - xl) - r2);
                qh = s2 + low;
                ql = DoubleDoubleArithmetic.twoSumError(s2, low, qh);
            }
        }

        /**
         * Bisects [lower, upper], with count(lower) ≤ k &lt; count(upper), down to the eigenvalue with ascending
         * index k; writes the midpoint of the final interval into out.
         */
        void bisect(int k, double lower, double upper, double[] out) {
            double loH = lower;
            double loL = 0;
            double hiH = upper;
            double hiL = 0;
            double[] mid = new double[2];
            double[] width = new double[2];
            for (int step = 0; ; step++) {
                if (step == MAX_BISECTION_STEPS) {
                    throw new ArithmeticException("bisection for eigenvalue " + k + " did not converge in "
                            + MAX_BISECTION_STEPS + " steps, interval [" + loH + ", " + hiH + "]");
                }
                DoubleDoubleArithmetic.add(hiH, hiL, -loH, -loL, width);
                double magnitude = Math.max(Math.abs(loH), Math.abs(hiH));
                if (width[0] <= RELATIVE_WIDTH * magnitude || width[0] <= Double.MIN_NORMAL) {
                    break;
                }
                split(loH, loL, hiH, hiL, mid);
                boolean inside = (mid[0] > loH || (mid[0] == loH && mid[1] > loL))
                        && (mid[0] < hiH || (mid[0] == hiH && mid[1] < hiL));
                if (!inside) {
                    break;
                }
                if (count(mid[0], mid[1]) > k) {
                    hiH = mid[0];
                    hiL = mid[1];
                } else {
                    loH = mid[0];
                    loL = mid[1];
                }
            }
            DoubleDoubleArithmetic.add(loH, loL, hiH, hiL, out);
            out[0] *= 0.5;
            out[1] *= 0.5;
        }

        /**
         * The next trial point in (lo, hi): with one end at zero, 2^−64 times the other end; for ends of one sign
         * more than a factor 4 apart, their geometric mean (a double: any interior point will do); otherwise the
         * DD midpoint.
         */
        private static void split(double loH, double loL, double hiH, double hiL, double[] mid) {
            if (loH == 0 && loL == 0 && hiH > 0) {
                mid[0] = hiH * 0x1p-64;
                mid[1] = 0;
            } else if (hiH == 0 && hiL == 0 && loH < 0) {
                mid[0] = loH * 0x1p-64;
                mid[1] = 0;
            } else if (loH > 0 && hiH > 4 * loH) {
                mid[0] = Math.sqrt(loH) * Math.sqrt(hiH);
                mid[1] = 0;
            } else if (hiH < 0 && loH < 4 * hiH) {
                mid[0] = -(Math.sqrt(-loH) * Math.sqrt(-hiH));
                mid[1] = 0;
            } else {
                DoubleDoubleArithmetic.add(loH, loL, hiH, hiL, mid);
                mid[0] *= 0.5;
                mid[1] *= 0.5;
            }
        }
    }
}
