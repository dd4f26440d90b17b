package org.powerspec.numeric.dd;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;

/**
 * Householder reduction of a real symmetric matrix to tridiagonal form in double-double (unit roundoff
 * u_DD = 2^−104): T = QᵀAQ with Q = H_0·…·H_{n−3} orthogonal, so T has A's eigenvalues, its trace and its Frobenius
 * norm.
 *
 * <p><b>Algorithm</b> (Golub &amp; Van Loan, <em>Matrix Computations</em>, 4th ed., Alg. 8.3.1). For
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
 * <p><b>Error.</b> The reduction is backward stable: the computed T is exactly orthogonally similar to A + E with
 * ‖E‖₂ of order n·u·‖A‖₂ in practice (Wilkinson, <em>The Algebraic Eigenvalue Problem</em>, chs. 3 and 5; Golub &amp;
 * Van Loan §8.3.1), u being the error of one arithmetic operation, here at most 4·2^−106 = u_DD per DD multiply–add
 * (Hida, Li, Bailey). {@link DoubleDoubleEigenSolver} turns that into its error bound.
 */
final class HouseholderTridiagonalization {

    /** Rows per parallel task in the rank-2 update. */
    private static final int ROW_GRAIN = 16;
    /** Least number of columns per parallel task in the matrix–vector product. */
    private static final int COLUMN_GRAIN = 256;
    /** Below this trailing order the Householder step runs on the calling thread. */
    private static final int PARALLEL_THRESHOLD = 96;
    /** Rows of the matrix–vector product between renormalisations of its compensated sums. */
    private static final int RENORMALIZE_EVERY = 16;

    private HouseholderTridiagonalization() {
    }

    /** Reduces a (its lower triangle) to tridiagonal form by n − 2 Householder similarity transformations. */
    static Tridiagonal reduce(DDMatrix a, ForkJoinPool pool, DoubleConsumer progress) {
        return reduce(a, 0, pool, progress);
    }

    /** The tridiagonal form of 2^scale·A (the entries multiplied by 2^scale as they are copied). */
    static Tridiagonal reduce(DDMatrix a, int entryScale, ForkJoinPool pool, DoubleConsumer progress) {
        int n = a.n();
        double[][] ah = new double[n][n];
        double[][] al = new double[n][n];
        double factor = DoubleDoubleArithmetic.powerOfTwo(entryScale);
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
                DoubleDoubleArithmetic.multiply(yh, yl, yh, yl, t);
                DoubleDoubleArithmetic.add(sigmaHi, sigmaLo, t[0], t[1], t);
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
            DoubleDoubleArithmetic.multiply(x0h, x0l, x0h, x0l, t);
            DoubleDoubleArithmetic.add(t[0], t[1], sigmaHi, sigmaLo, t);
            DoubleDoubleArithmetic.sqrt(t[0], t[1], t);
            double muHi = t[0];
            double muLo = t[1];
            // v₀ = x₀ + sign(x₀)·μ adds magnitudes, so no cancellation; the image of x is −sign(x₀)·μ·e₁
            double sign = x0h < 0 ? -1 : 1;
            eHi[k] = -sign * muHi / scale;
            eLo[k] = -sign * muLo / scale;
            DoubleDoubleArithmetic.add(x0h, x0l, sign * muHi, sign * muLo, t);
            vh[o] = t[0];
            vl[o] = t[1];
            for (int j = o + 1; j < n; j++) {
                vh[j] = xh[j] * scale;
                vl[j] = xl[j] * scale;
            }
            // β = 1/(μ·(μ + |x₀|)), |x₀| = sign·x₀ as a DD (both parts change sign together)
            DoubleDoubleArithmetic.add(muHi, muLo, sign * x0h, sign * x0l, t);
            DoubleDoubleArithmetic.multiply(t[0], t[1], muHi, muLo, t);
            DoubleDoubleArithmetic.divide(1, 0, t[0], t[1], t);
            double betaHi = t[0];
            double betaLo = t[1];
            for (int j = o; j < n; j++) {
                DoubleDoubleArithmetic.multiply(vh[j], vl[j], betaHi, betaLo, t);
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
                DoubleDoubleArithmetic.multiply(ph[j], pc[j], uh[j], ul[j], t);
                DoubleDoubleArithmetic.add(kHi, kLo, t[0], t[1], t);
                kHi = t[0];
                kLo = t[1];
            }
            kHi *= 0.5;
            kLo *= 0.5;
            for (int j = o; j < n; j++) {
                DoubleDoubleArithmetic.multiply(vh[j], vl[j], kHi, kLo, t);
                DoubleDoubleArithmetic.add(ph[j], pc[j], -t[0], -t[1], t);
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
}
