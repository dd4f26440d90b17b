package org.powerspec.numeric;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.powerspec.numeric.dd.DDMatrix;

/**
 * Accumulates the weighted Gram matrix G = Wᵀ·diag(λ)·W, G_ab = Σ_j λ_j·W_ja·W_jb, in double-double, with W (v×d,
 * exact doubles) supplied in blocks of rows so that memory stays O(d²) whatever v is.
 *
 * <p>Each row's weight is folded in first, u_ja = λ_j·W_ja as an unnormalised DD (one TwoProd), and then every
 * entry of the upper triangle receives u_ja·W_jb (again a TwoProd, plus the low-part product), added by compensated
 * summation in the manner of Ogita, Rump and Oishi's Sum2 (<em>Accurate sum and dot product</em>, SIAM J. Sci.
 * Comput. 26 (2005), Alg. 4.4): the high part of the running sum is updated with TwoSum, its exact rounding error
 * and the low part of the product are added into the low part, and every 16 rows the pair is renormalised to a DD
 * so the low part never carries more than 16 roundings. The result is as accurate as DD summation:
 * <pre>
 *   |Ĝ_ab − G_ab| ≤ v·2^−106·Σ_j |λ_j·W_ja·W_jb|   (in practice about √v·2^−106 times that sum),
 * </pre>
 * the DD analogue of the backward-stable dot-product bound. At the end of each call the lower triangle is mirrored
 * from the upper one, so G stays exactly symmetric.
 *
 * <p>Parallelism is over rows a of G on a {@link ForkJoinPool}; each entry (a, b) is summed by exactly one thread,
 * over the block's rows in their given order and with the same renormalisation points, so the result is
 * bit-identical for every pool size (it does depend on how W is cut into blocks, at the 2^−106 level, because each
 * call ends with a renormalisation). The inner loop over b is element-wise arithmetic on arrays that share the loop
 * index, which HotSpot's C2 compiler turns into SIMD code; the rows of W are taken in chunks of 16 so that they
 * stay in cache while a tile of rows of G is updated.
 */
public final class DoubleDoubleGram {

    /** Rows of G per parallel task. */
    private static final int ROW_GRAIN = 8;
    /** Rows of W per cache chunk, which is also the number of updates between renormalisations. */
    private static final int W_CHUNK = 16;

    private DoubleDoubleGram() {
    }

    /**
     * G += Σ_{r<rows} λ_{offset+r}·w_r·w_rᵀ, with w_r = row r of {@code wBlock} (row-major, rows×d), on the
     * default pool (one thread per processor).
     *
     * @param g the d×d accumulator, updated in place (start from a zero matrix)
     * @param wBlock rows of W, row-major, at least rows·d entries
     * @param rows the number of rows in this block
     * @param d the number of columns of W and the order of g
     * @param lambdaHi high parts of the weights λ_j for all rows of W
     * @param lambdaLo low parts of the weights (normalised pairs with {@code lambdaHi})
     * @param lambdaOffset the index j of the block's first row in the weight arrays
     */
    public static void accumulate(DDMatrix g, double[] wBlock, int rows, int d, double[] lambdaHi, double[] lambdaLo,
            int lambdaOffset) {
        accumulate(g, wBlock, rows, d, lambdaHi, lambdaLo, lambdaOffset, DDMatrix.defaultPool());
    }

    /** As {@link #accumulate(DDMatrix, double[], int, int, double[], double[], int)}, on the given pool. */
    public static void accumulate(DDMatrix g, double[] wBlock, int rows, int d, double[] lambdaHi, double[] lambdaLo,
            int lambdaOffset, ForkJoinPool pool) {
        accumulate(g, wBlock, rows, d, lambdaHi, lambdaLo, lambdaOffset, pool, null);
    }

    /**
     * As {@link #accumulate(DDMatrix, double[], int, int, double[], double[], int, ForkJoinPool)}, telling
     * {@code progress} the fraction of this block's work done (from the worker threads, as it goes: a block at
     * d = 3000 takes tens of seconds).
     */
    public static void accumulate(DDMatrix g, double[] wBlock, int rows, int d, double[] lambdaHi, double[] lambdaLo,
            int lambdaOffset, ForkJoinPool pool, java.util.function.DoubleConsumer progress) {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        double total = Math.max(1.0, (double) rows * d * (d + 1) / 2);
        if (g.n() != d) {
            throw new IllegalArgumentException("G is " + g.n() + "×" + g.n() + " but W has " + d + " columns");
        }
        if (rows < 0 || wBlock.length < (long) rows * d) {
            throw new IllegalArgumentException("W block holds " + wBlock.length + " entries, need " + rows + "×" + d);
        }
        if (lambdaOffset < 0 || lambdaHi.length < lambdaOffset + rows || lambdaLo.length < lambdaOffset + rows) {
            throw new IllegalArgumentException("weights do not cover rows " + lambdaOffset + ".." + (lambdaOffset + rows));
        }
        double[] hi = g.hiArray();
        double[] lo = g.loArray();
        // One array per row of W: with every operand of the inner loop at the same index b, C2 can prove the
        // loop free of cross-iteration aliasing and vectorises it (with offsets into one flat array it does not).
        double[][] w = new double[rows][];
        for (int r = 0; r < rows; r++) {
            w[r] = Arrays.copyOfRange(wBlock, r * d, (r + 1) * d);
        }
        DDMatrix.parallelFor(pool, 0, d, ROW_GRAIN, (a0, a1) -> {
            double[][] sum = new double[a1 - a0][];
            double[][] compensation = new double[a1 - a0][];
            for (int a = a0; a < a1; a++) {
                sum[a - a0] = Arrays.copyOfRange(hi, a * d, (a + 1) * d);
                compensation[a - a0] = Arrays.copyOfRange(lo, a * d, (a + 1) * d);
            }
            for (int r0 = 0; r0 < rows; r0 += W_CHUNK) {
                int r1 = Math.min(rows, r0 + W_CHUNK);
                for (int a = a0; a < a1; a++) {
                    double[] s = sum[a - a0];
                    double[] c = compensation[a - a0];
                    for (int r = r0; r < r1; r++) {
                        double wa = w[r][a];
                        double lh = lambdaHi[lambdaOffset + r];
                        // u = λ_r·W_ra as an unnormalised pair (uh, ul), |ul| ≲ 2^−52·|uh|
                        double uh = lh * wa;
                        double ul = Math.fma(lh, wa, -uh) + lambdaLo[lambdaOffset + r] * wa;
                        addScaledRow(s, c, w[r], a, d, uh, ul);
                    }
                    // renormalise, so the compensation term never carries more than W_CHUNK rounding errors
                    renormalize(s, c, a, d);
                }
                if (progress != null) {
                    long work = 0;
                    for (int a = a0; a < a1; a++) {
                        work += (long) (d - a) * (r1 - r0);
                    }
                    progress.accept(done.addAndGet(work) / total);
                }
            }
            for (int a = a0; a < a1; a++) {
                System.arraycopy(sum[a - a0], a, hi, a * d + a, d - a);
                System.arraycopy(compensation[a - a0], a, lo, a * d + a, d - a);
            }
        });
        // mirror the upper triangle into the lower one: row b of the lower triangle is column b of the upper
        DDMatrix.parallelFor(pool, 1, d, 4 * ROW_GRAIN, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                for (int a = 0; a < b; a++) {
                    hi[b * d + a] = hi[a * d + b];
                    lo[b * d + a] = lo[a * d + b];
                }
            }
        });
    }

    /**
     * (s, c)[b] += (uh + ul)·w[b] for b in [from, to): the product by TwoProd, the sum by compensated
     * summation (high part by TwoSum, every error into c).
     */
    private static void addScaledRow(double[] s, double[] c, double[] w, int from, int to, double uh, double ul) {
        for (int b = from; b < to; b++) {
            double x = w[b];
            double p = uh * x;
            double pe = Math.fma(uh, x, -p) + ul * x;
            double old = s[b];
            double t = old + p;
            double bb = t - old;
            double e = (old - (t - bb)) + (p - bb);
            s[b] = t;
            c[b] += e + pe;
        }
    }

    /** (s, c)[b] ← TwoSum(s[b], c[b]) for b in [from, to): back to normalised DD pairs. */
    private static void renormalize(double[] s, double[] c, int from, int to) {
        for (int b = from; b < to; b++) {
            double h = s[b] + c[b];
            double bb = h - s[b];
            double l = (s[b] - (h - bb)) + (c[b] - bb);
            s[b] = h;
            c[b] = l;
        }
    }
}
