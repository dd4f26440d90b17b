package org.powerspec.numeric.dd;

import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;

/**
 * All eigenvalues of a real symmetric matrix in double-double: Householder reduction to tridiagonal form followed
 * by Sturm-sequence bisection, both carried out in DD arithmetic (unit roundoff u_DD = 2^−104).
 *
 * <p>The two stages are {@link HouseholderTridiagonalization} (Golub &amp; Van Loan, <em>Matrix Computations</em>,
 * 4th ed., Alg. 8.3.1) and {@link SturmBisection} (Barth, Martin, Wilkinson 1967; LAPACK {@code dstebz}); this class
 * composes them, scales the matrix and states the error bound.
 *
 * <p><b>Error bound.</b> Householder tridiagonalisation is backward stable: the computed T is exactly orthogonally
 * similar to A + E with ‖E‖₂ of order n·u·‖A‖₂ in practice (Wilkinson, <em>The Algebraic Eigenvalue Problem</em>,
 * chs. 3 and 5; Golub &amp; Van Loan §8.3.1), u being the error of one arithmetic operation, here at most 4·2^−106 =
 * u_DD per DD multiply–add (Hida, Li, Bailey). Bisection adds the error of its Sturm counts, a few u_DD·‖T‖, and
 * half its final width, at most 2^−104·|λ|. By Weyl's theorem every eigenvalue moves by at most ‖E‖₂, so
 * {@link Result#absoluteErrorBound()} reports
 * <pre>
 *   |λ̂_k − λ_k| ≤ 8·n·u_DD·‖A‖_G,   u_DD = 2^−104,   ‖A‖_G = max_i Σ_j |a_ij| ≥ ‖A‖₂ (Gershgorin),
 * </pre>
 * with c = 8 = 2 (each reflector is applied from both sides) × 4 (a margin over the per-operation error count, which
 * also absorbs the bisection terms for n ≥ 2). This is Wilkinson's practical bound, not a rigorous a-priori one,
 * which carries a factor n² (Higham, <em>Accuracy and Stability of Numerical Algorithms</em>, 2nd ed., §19.3); the
 * tests measure errors of 3–4·10^−32·‖A‖ at n = 50 (about u_DD·‖A‖), three orders of magnitude inside it. The bound
 * is absolute: an eigenvalue far below it is not resolved relative to itself.
 *
 * <p><b>Scaling and termination.</b> Entries must be finite (others are refused). The matrix is solved as
 * 2^−s·A, s the binary exponent of its largest entry, and eigenvalues, ‖A‖_G and the bound are multiplied back by
 * 2^s: exact in binary floating point (barring underflow of parts below 2^−1022·‖A‖), and it keeps every
 * intermediate in range — unscaled, the squares e² of the off-diagonal in the Sturm recurrence overflow once
 * entries reach about 10^154 (K at p = 64 for α = 2, d = 16), pivmin = 2^−1022·max e² and with it the margin
 * around the Gershgorin interval become infinite, the Sturm count at an infinite end is NaN throughout and counts 0,
 * and the search for an upper end of the spectrum, which widens until the count is n, never ended. Both that
 * search ({@value SturmBisection#MAX_BRACKET_STEPS} widenings) and each bisection
 * ({@value SturmBisection#MAX_BISECTION_STEPS} steps) are capped and throw {@link ArithmeticException} rather than
 * loop.
 */
public final class DoubleDoubleEigenSolver {

    /** The constant c of the error bound c·n·u_DD·‖A‖. */
    public static final double ERROR_BOUND_CONSTANT = 8;

    private DoubleDoubleEigenSolver() {
    }

    /** The eigenvalues of a symmetric matrix and the bound on their error. */
    public static final class Result {
        private final double[] hi;
        private final double[] lo;
        private final double gershgorinBound;
        private final double absoluteErrorBound;

        Result(double[] hi, double[] lo, double gershgorinBound, double absoluteErrorBound) {
            this.hi = hi;
            this.lo = lo;
            this.gershgorinBound = gershgorinBound;
            this.absoluteErrorBound = absoluteErrorBound;
        }

        /** The matrix order n. */
        public int size() {
            return hi.length;
        }

        /** The k-th eigenvalue in descending order (k = 0 is the largest). */
        public DoubleDouble eigenvalue(int k) {
            return new DoubleDouble(hi[k], lo[k]);
        }

        /** All eigenvalues, descending. */
        public DoubleDouble[] eigenvalues() {
            DoubleDouble[] e = new DoubleDouble[hi.length];
            for (int k = 0; k < e.length; k++) {
                e[k] = eigenvalue(k);
            }
            return e;
        }

        /** High parts of the eigenvalues, descending (a copy). */
        public double[] eigenvaluesHi() {
            return hi.clone();
        }

        /** Low parts of the eigenvalues, descending (a copy). */
        public double[] eigenvaluesLo() {
            return lo.clone();
        }

        /** ‖A‖_G = max_i Σ_j |a_ij|, an upper bound on ‖A‖₂ and on every |λ_k|. */
        public double gershgorinBound() {
            return gershgorinBound;
        }

        /** The bound c·n·u_DD·‖A‖_G on |λ̂_k − λ_k| for every k (see the class documentation). */
        public double absoluteErrorBound() {
            return absoluteErrorBound;
        }
    }

    /** The eigenvalues of the symmetric matrix a, descending, on the default pool. */
    public static DoubleDouble[] eigenvalues(DDMatrix a) {
        return solve(a, DDMatrix.defaultPool(), null).eigenvalues();
    }

    /**
     * The eigenvalues of the symmetric matrix a (only its lower triangle is read) and their error bound.
     *
     * @param a the matrix, not modified
     * @param pool the pool for the parallel loops; the result does not depend on its size
     * @param progress if not null, called on the calling thread with the fraction of the work done, rising from 0
     *        to 1 (a rough estimate of time, not an exact one)
     */
    public static Result solve(DDMatrix a, ForkJoinPool pool, DoubleConsumer progress) {
        int n = a.n();
        DoubleConsumer report = progress == null ? f -> { } : progress;
        report.accept(0);
        int scale = scaleExponent(a);
        double scaledNorm = gershgorinBound(a, -scale);
        double norm = Math.scalb(scaledNorm, scale);
        double bound = Math.scalb(errorBound(n, scaledNorm), scale);
        if (n == 0) {
            report.accept(1);
            return new Result(new double[0], new double[0], norm, bound);
        }
        // time model: Householder ∝ n³, bisection ∝ n² (about 110 Sturm counts of length n per eigenvalue), with the
        // constants measured to make the two phases about equally long at n = 1000
        double householderWork = n * (double) n * n;
        double bisectionWork = 1000.0 * n * n;
        double householderShare = householderWork / (householderWork + bisectionWork);

        Tridiagonal t = HouseholderTridiagonalization.reduce(a, -scale, pool, f -> report.accept(householderShare * f));
        double[] ascendingHi = new double[n];
        double[] ascendingLo = new double[n];
        SturmBisection.eigenvalues(t, ascendingHi, ascendingLo, pool,
                f -> report.accept(householderShare + (1 - householderShare) * f));
        double[] hi = new double[n];
        double[] lo = new double[n];
        for (int k = 0; k < n; k++) {
            hi[k] = Math.scalb(ascendingHi[n - 1 - k], scale);
            lo[k] = Math.scalb(ascendingLo[n - 1 - k], scale);
            if (Double.isInfinite(hi[k])) {
                throw new ArithmeticException("eigenvalue " + k + " is 2^" + scale + " * " + ascendingHi[n - 1 - k]
                        + ", beyond double's range");
            }
        }
        report.accept(1);
        return new Result(hi, lo, norm, bound);
    }

    /**
     * The s with max |a_ij| in [2^s, 2^(s+1)) (0 for the zero matrix), after checking that every entry of the lower
     * triangle is finite.
     */
    static int scaleExponent(DDMatrix a) {
        int n = a.n();
        double[] hi = a.hiArray();
        double[] lo = a.loArray();
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = hi[i * n + j];
                if (!Double.isFinite(x) || !Double.isFinite(lo[i * n + j])) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") of the matrix is not finite: " + x
                            + " + " + lo[i * n + j]);
                }
                max = Math.max(max, Math.abs(x));
            }
        }
        return max == 0 ? 0 : Math.getExponent(max);
    }

    /** ‖A‖_G = max_i Σ_j |a_ij| from the lower triangle, rounded up: an upper bound on ‖A‖₂ and on every |λ|. */
    public static double gershgorinBound(DDMatrix a) {
        return gershgorinBound(a, 0);
    }

    /** ‖2^scale·A‖_G, every entry multiplied by 2^scale (exactly, barring underflow) before it is summed. */
    static double gershgorinBound(DDMatrix a, int scale) {
        int n = a.n();
        double factor = DoubleDoubleArithmetic.powerOfTwo(scale);
        double[] rowSums = new double[n];
        double[] hi = a.hiArray();
        double[] lo = a.loArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = Math.abs(hi[i * n + j] * factor) + Math.abs(lo[i * n + j] * factor);
                rowSums[i] += x;
                if (j != i) {
                    rowSums[j] += x;
                }
            }
        }
        double max = 0;
        for (double s : rowSums) {
            max = Math.max(max, s);
        }
        // each row sum has at most n roundings of relative size 2^−53
        return max * (1 + (n + 2) * 0x1p-52);
    }

    /** c·n·u_DD·norm, the absolute error bound for eigenvalues of an n×n matrix with ‖A‖₂ ≤ norm. */
    public static double errorBound(int n, double norm) {
        return ERROR_BOUND_CONSTANT * Math.max(n, 1) * DoubleDoubleArithmetic.UNIT_ROUNDOFF * norm;
    }
}
