package org.powerspec.numeric.dd;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;

/**
 * All eigenvalues of a real symmetric matrix in double-double: Householder reduction to tridiagonal form followed
 * by Sturm-sequence bisection, both carried out in DD arithmetic (unit roundoff u_DD = 2^−104).
 *
 * <p><b>Tridiagonalisation</b> (Golub &amp; Van Loan, <em>Matrix Computations</em>, 4th ed., Alg. 8.3.1). For
 * k = 0, …, n−3 the reflector H_k = I − β·v·vᵀ maps x = A(k+1:n, k) to −sign(x₀)·‖x‖·e₁ (v₀ = x₀ + sign(x₀)·‖x‖,
 * β = 1/(‖x‖·(‖x‖ + |x₀|)), computed on x scaled by a power of two so that no square under- or overflows); then with
 * p = β·A·v and w = p − (β/2)(pᵀv)·v the trailing block becomes A − v·wᵀ − w·vᵀ. The matrix is held in full, one
 * array per row, and the symmetric rank-2 update is summed in an order symmetric in (i, j), so A stays exactly
 * symmetric; the product p = A·v is formed as Σ_j v_j·A(j, :) over row segments. Both loops run in parallel over
 * rows (columns for the product) with each entry computed by one thread in a fixed order, so the result is
 * bit-identical for every pool size, and their inner loops are element-wise over contiguous arrays, which HotSpot
 * vectorises. (Touching one triangle only would halve the flops of the update, but the product would then need
 * row reductions, which C2 does not vectorise; full storage keeps both loops element-wise.)
 *
 * <p><b>Bisection</b> (Barth, Martin, Wilkinson, Numer. Math. 9 (1967); Demmel, <em>Applied Numerical Linear
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
 * and the search for an upper end of the spectrum, which widens until the count is n, never ended. Both that search ({@value #MAX_BRACKET_STEPS} widenings) and each bisection
 * ({@value #MAX_BISECTION_STEPS} steps) are capped and throw {@link ArithmeticException} rather than loop.
 */
public final class DoubleDoubleEigenSolver {

    /** The constant c of the error bound c·n·u_DD·‖A‖. */
    public static final double ERROR_BOUND_CONSTANT = 8;

    /** Rows per parallel task in the rank-2 update. */
    private static final int ROW_GRAIN = 16;
    /** Least number of columns per parallel task in the matrix–vector product. */
    private static final int COLUMN_GRAIN = 256;
    /** Below this trailing order the Householder step runs on the calling thread. */
    private static final int PARALLEL_THRESHOLD = 96;
    /** Rows of the matrix–vector product between renormalisations of its compensated sums. */
    private static final int RENORMALIZE_EVERY = 16;
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
     * (bisectAll splits at 0) needs at most ⌈2098/64⌉ = 33 steps at a zero end (each divides the other end by 2^64
     * until the width is below 2^−1022), 11 geometric-mean steps (each halves log₂(hi/lo) ≤ 2098) and then about
     * 104 halvings to a relative width of 2^−103: about 150 in all; plain halving over the whole range of finite
     * doubles would take 2098 + 103. The guard is twice that.
     */
    static final int MAX_BISECTION_STEPS = 4400;

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
        public DD eigenvalue(int k) {
            return new DD(hi[k], lo[k]);
        }

        /** All eigenvalues, descending. */
        public DD[] eigenvalues() {
            DD[] e = new DD[hi.length];
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
    public static DD[] eigenvalues(DDMatrix a) {
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

        Tridiagonal t = tridiagonalize(a, -scale, pool, f -> report.accept(householderShare * f));
        double[] ascendingHi = new double[n];
        double[] ascendingLo = new double[n];
        bisectAll(t, ascendingHi, ascendingLo, pool,
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

    /**
     * 2^k as a double, for −1074 ≤ k ≤ 1023: exact, so a product with it is x·2^k correctly rounded (exact unless
     * the result is subnormal), like {@link Math#scalb}.
     */
    private static double powerOfTwo(int k) {
        if (k < -1074 || k > 1023) {
            throw new IllegalArgumentException("2^" + k + " is not a double");
        }
        return Math.scalb(1.0, k);
    }

    /** ‖A‖_G = max_i Σ_j |a_ij| from the lower triangle, rounded up: an upper bound on ‖A‖₂ and on every |λ|. */
    public static double gershgorinBound(DDMatrix a) {
        return gershgorinBound(a, 0);
    }

    /** ‖2^scale·A‖_G, every entry multiplied by 2^scale (exactly, barring underflow) before it is summed. */
    static double gershgorinBound(DDMatrix a, int scale) {
        int n = a.n();
        double factor = powerOfTwo(scale);
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
        return ERROR_BOUND_CONSTANT * Math.max(n, 1) * DoubleDouble.UNIT_ROUNDOFF * norm;
    }

    // ================================================================ Householder tridiagonalisation

    /** The tridiagonal T: diagonal d (DD) and off-diagonal e (DD), e[i] = T(i+1, i). */
    record Tridiagonal(double[] dHi, double[] dLo, double[] eHi, double[] eLo) {
    }

    /** Reduces a to tridiagonal form by n − 2 Householder similarity transformations (GVL Alg. 8.3.1). */
    static Tridiagonal tridiagonalize(DDMatrix a, ForkJoinPool pool, DoubleConsumer progress) {
        return tridiagonalize(a, 0, pool, progress);
    }

    /** The tridiagonal form of 2^scale·A (the entries multiplied by 2^scale as they are copied). */
    static Tridiagonal tridiagonalize(DDMatrix a, int entryScale, ForkJoinPool pool, DoubleConsumer progress) {
        int n = a.n();
        double[][] ah = new double[n][n];
        double[][] al = new double[n][n];
        double factor = powerOfTwo(entryScale);
        double[] srcHi = a.hiArray();
        double[] srcLo = a.loArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                ah[i][j] = srcHi[i * n + j] * factor;
                al[i][j] = srcLo[i * n + j] * factor;
                ah[j][i] = ah[i][j];
                al[j][i] = al[i][j];
            }
        }
        double[] dHi = new double[n];
        double[] dLo = new double[n];
        double[] eHi = new double[Math.max(n - 1, 0)];
        double[] eLo = new double[Math.max(n - 1, 0)];
        // v (the reflector, scaled), u = β·v, p = A·u, w = p − K·v: indexed by global column so that every operand
        // of the inner loops shares the loop index (which lets C2 prove them alias-free and vectorise them)
        double[] vh = new double[n];
        double[] vl = new double[n];
        double[] uh = new double[n];
        double[] ul = new double[n];
        double[] ph = new double[n];
        double[] pc = new double[n];
        double[] wh = new double[n];
        double[] wl = new double[n];
        double[] t = new double[2];
        double totalWork = 0;
        for (int k = 0; k + 2 < n; k++) {
            totalWork += (double) (n - k - 1) * (n - k - 1);
        }
        double doneWork = 0;
        for (int k = 0; k + 2 < n; k++) {
            int o = k + 1;
            int m = n - o;
            dHi[k] = ah[k][k];
            dLo[k] = al[k][k];
            double[] xh = ah[k];
            double[] xl = al[k];
            double maxAbs = 0;
            for (int j = o; j < n; j++) {
                maxAbs = Math.max(maxAbs, Math.abs(xh[j]));
            }
            if (maxAbs == 0) {
                eHi[k] = 0;
                eLo[k] = 0;
                continue;
            }
            // x scaled by a power of two near 1/max|x_j| (exact), so the squares neither underflow nor overflow
            double scale = Math.scalb(1.0, -Math.getExponent(maxAbs));
            double sigmaHi = 0;
            double sigmaLo = 0;
            for (int j = o + 1; j < n; j++) {
                double yh = xh[j] * scale;
                double yl = xl[j] * scale;
                DoubleDouble.multiply(yh, yl, yh, yl, t);
                DoubleDouble.add(sigmaHi, sigmaLo, t[0], t[1], t);
                sigmaHi = t[0];
                sigmaLo = t[1];
            }
            if (sigmaHi == 0) {
                // x is already a multiple of e₁: H = I
                eHi[k] = xh[o];
                eLo[k] = xl[o];
                continue;
            }
            double x0h = xh[o] * scale;
            double x0l = xl[o] * scale;
            DoubleDouble.multiply(x0h, x0l, x0h, x0l, t);
            DoubleDouble.add(t[0], t[1], sigmaHi, sigmaLo, t);
            DoubleDouble.sqrt(t[0], t[1], t);
            double muHi = t[0];
            double muLo = t[1];
            // v₀ = x₀ + sign(x₀)·μ adds magnitudes, so no cancellation; the image of x is −sign(x₀)·μ·e₁
            double sign = x0h < 0 ? -1 : 1;
            eHi[k] = -sign * muHi / scale;
            eLo[k] = -sign * muLo / scale;
            DoubleDouble.add(x0h, x0l, sign * muHi, sign * muLo, t);
            vh[o] = t[0];
            vl[o] = t[1];
            for (int j = o + 1; j < n; j++) {
                vh[j] = xh[j] * scale;
                vl[j] = xl[j] * scale;
            }
            // β = 1/(μ·(μ + |x₀|)), |x₀| = sign·x₀ as a DD (both parts change sign together)
            DoubleDouble.add(muHi, muLo, sign * x0h, sign * x0l, t);
            DoubleDouble.multiply(t[0], t[1], muHi, muLo, t);
            DoubleDouble.divide(1, 0, t[0], t[1], t);
            double betaHi = t[0];
            double betaLo = t[1];
            for (int j = o; j < n; j++) {
                DoubleDouble.multiply(vh[j], vl[j], betaHi, betaLo, t);
                uh[j] = t[0];
                ul[j] = t[1];
            }
            // p = A(o:n, o:n)·u
            Arrays.fill(ph, o, n, 0);
            Arrays.fill(pc, o, n, 0);
            ForkJoinPool parallel = m >= PARALLEL_THRESHOLD ? pool : null;
            // as few column ranges as keep every thread busy: each range costs a pass over all rows
            int columnGrain = Math.max(COLUMN_GRAIN, (m + 2 * pool.getParallelism() - 1) / (2 * pool.getParallelism()));
            run(parallel, o, n, columnGrain, (c0, c1) -> multiplyTrailing(ah, al, uh, ul, ph, pc, o, n, c0, c1));
            // K = (β/2)·pᵀv = pᵀu/2, w = p − K·v
            double kHi = 0;
            double kLo = 0;
            for (int j = o; j < n; j++) {
                DoubleDouble.multiply(ph[j], pc[j], uh[j], ul[j], t);
                DoubleDouble.add(kHi, kLo, t[0], t[1], t);
                kHi = t[0];
                kLo = t[1];
            }
            kHi *= 0.5;
            kLo *= 0.5;
            for (int j = o; j < n; j++) {
                DoubleDouble.multiply(vh[j], vl[j], kHi, kLo, t);
                DoubleDouble.add(ph[j], pc[j], -t[0], -t[1], t);
                wh[j] = t[0];
                wl[j] = t[1];
            }
            // A(o:n, o:n) −= v·wᵀ + w·vᵀ
            run(parallel, o, n, ROW_GRAIN, (i0, i1) -> {
                double[] th = new double[n];
                double[] tl = new double[n];
                for (int i = i0; i < i1; i++) {
                    rankTwoUpdateRow(ah[i], al[i], vh[i], vl[i], wh[i], wl[i], vh, vl, wh, wl, th, tl, o, n);
                }
            });
            doneWork += (double) m * m;
            progress.accept(doneWork / totalWork);
        }
        if (n >= 2) {
            dHi[n - 2] = ah[n - 2][n - 2];
            dLo[n - 2] = al[n - 2][n - 2];
            eHi[n - 2] = ah[n - 1][n - 2];
            eLo[n - 2] = al[n - 1][n - 2];
        }
        dHi[n - 1] = ah[n - 1][n - 1];
        dLo[n - 1] = al[n - 1][n - 1];
        progress.accept(1);
        return new Tridiagonal(dHi, dLo, eHi, eLo);
    }

    private static void run(ForkJoinPool pool, int from, int to, int grain, DDMatrix.RangeAction action) {
        if (pool == null) {
            action.run(from, to);
        } else {
            DDMatrix.parallelFor(pool, from, to, grain, action);
        }
    }

    /**
     * (ph, pc)[c] = Σ_{j=o}^{n−1} u_j·A(j, c) for c in [c0, c1): the rows of A scaled and added one after the other
     * (an axpy per row, vectorisable), each sum compensated (TwoSum into ph, errors into pc) and renormalised every
     * {@link #RENORMALIZE_EVERY} rows, so the result is about as accurate as a sequential DD dot product.
     */
    private static void multiplyTrailing(double[][] ah, double[][] al, double[] uh, double[] ul, double[] ph,
            double[] pc, int o, int n, int c0, int c1) {
        for (int j = o; j < n; j++) {
            double sh = uh[j];
            double sl = ul[j];
            double[] rh = ah[j];
            double[] rl = al[j];
            for (int c = c0; c < c1; c++) {
                double x = rh[c];
                double prod = sh * x;
                double err = Math.fma(sh, x, -prod) + (sh * rl[c] + sl * x);
                double old = ph[c];
                double sum = old + prod;
                double bb = sum - old;
                ph[c] = sum;
                pc[c] += ((old - (sum - bb)) + (prod - bb)) + err;
            }
            if ((j - o) % RENORMALIZE_EVERY == RENORMALIZE_EVERY - 1 || j == n - 1) {
                for (int c = c0; c < c1; c++) {
                    double h = ph[c] + pc[c];
                    double bb = h - ph[c];
                    double l = (ph[c] - (h - bb)) + (pc[c] - bb);
                    ph[c] = h;
                    pc[c] = l;
                }
            }
        }
    }

    /**
     * Row i of A −= v·wᵀ + w·vᵀ on columns [o, n): a_ic − (v_i·w_c + w_i·v_c), with both DD products exact in their
     * high parts (FMA) and added in an order symmetric in the two products, so that entry (c, i), which sees the same
     * two products swapped, gets bit-for-bit the same value. Four short element-wise passes through the scratch
     * arrays (th, tl) rather than one long loop: HotSpot's C2 vectorises loops only when their body is small
     * (LoopUnrollLimit), and split this way each pass runs at SIMD speed.
     */
    private static void rankTwoUpdateRow(double[] rowHi, double[] rowLo, double viH, double viL, double wiH,
            double wiL, double[] vh, double[] vl, double[] wh, double[] wl, double[] th, double[] tl, int o, int n) {
        // (th, tl) = v_i·w_c as an unnormalised pair
        for (int c = o; c < n; c++) {
            double p1 = viH * wh[c];
            th[c] = p1;
            tl[c] = Math.fma(viH, wh[c], -p1) + (viH * wl[c] + viL * wh[c]);
        }
        // (th, tl) += w_i·v_c: TwoSum of the high parts (its error is exact, hence symmetric), low parts added
        for (int c = o; c < n; c++) {
            double p2 = wiH * vh[c];
            double e2 = Math.fma(wiH, vh[c], -p2) + (wiH * vl[c] + wiL * vh[c]);
            double p1 = th[c];
            double s = p1 + p2;
            double bs = s - p1;
            th[c] = s;
            tl[c] = ((p1 - (s - bs)) + (p2 - bs)) + (tl[c] + e2);
        }
        // a_ic −= (th, tl), unnormalised
        for (int c = o; c < n; c++) {
            double a = rowHi[c];
            double s = th[c];
            double h = a - s;
            double bh = h - a;
            rowHi[c] = h;
            rowLo[c] = ((a - (h - bh)) - (s + bh)) + (rowLo[c] - tl[c]);
        }
        // renormalise (TwoSum)
        for (int c = o; c < n; c++) {
            double h = rowHi[c];
            double l = rowLo[c];
            double r = h + l;
            double br = r - h;
            rowHi[c] = r;
            rowLo[c] = (h - (r - br)) + (l - br);
        }
    }

    // ================================================================ Sturm-sequence bisection

    /** Eigenvalues of t in ascending order into (hi, lo), one bisection per eigenvalue, in parallel. */
    static void bisectAll(Tridiagonal t, double[] hi, double[] lo, ForkJoinPool pool, DoubleConsumer progress) {
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
            DoubleDouble.multiply(t.eHi()[i], t.eLo()[i], t.eHi()[i], t.eLo()[i], s);
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
            double se = DoubleDouble.twoSumError(dHi[0], -xh, s);
            double lo = se + (dLo[0] - xl);
            double qh = s + lo;
            double ql = DoubleDouble.twoSumError(s, lo, qh);
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
                double e1 = DoubleDouble.twoSumError(dHi[i], -xh, s1);
                double s2 = s1 - r1;
                double e2 = DoubleDouble.twoSumError(s1, -r1, s2);
                double low = (e1 + e2) + ((dLo[i] - xl) - r2);
                qh = s2 + low;
                ql = DoubleDouble.twoSumError(s2, low, qh);
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
                DoubleDouble.add(hiH, hiL, -loH, -loL, width);
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
            DoubleDouble.add(loH, loL, hiH, hiL, out);
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
                DoubleDouble.add(loH, loL, hiH, hiL, mid);
                mid[0] *= 0.5;
                mid[1] *= 0.5;
            }
        }
    }
}
