package org.powerspec.numeric.dd;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A dense real symmetric n×n matrix in double-double, stored in full (both triangles) as two row-major arrays
 * {@code hi}, {@code lo} of length n², entry (i, j) at index i·n + j. Full storage keeps every row contiguous, which
 * the row-parallel kernels that use it (the spectrum pipeline's double-double Gram matrix and kernel,
 * {@link HouseholderTridiagonalization}) rely on; {@link #set} writes (i, j) and (j, i) together so the matrix stays
 * exactly symmetric. Mutable and not thread-safe.
 */
public final class DDMatrix {

    private final int n;
    private final double[] hi;
    private final double[] lo;

    /** The n×n zero matrix. */
    public DDMatrix(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative dimension " + n);
        }
        this.n = n;
        this.hi = new double[n * n];
        this.lo = new double[n * n];
    }

    /** The symmetric matrix with the given double entries (exact); rejects non-square or non-symmetric input. */
    public static DDMatrix of(double[][] a) {
        int n = a.length;
        DDMatrix m = new DDMatrix(n);
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has length " + a[i].length + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (a[i][j] != a[j][i]) {
                    throw new IllegalArgumentException("not symmetric at (" + i + ", " + j + ")");
                }
                m.hi[i * n + j] = a[i][j];
            }
        }
        return m;
    }

    /** The symmetric matrix with entries hi[i][j] + lo[i][j] (each pair renormalised); rejects non-symmetric input. */
    public static DDMatrix of(double[][] hi, double[][] lo) {
        int n = hi.length;
        DDMatrix m = new DDMatrix(n);
        double[] t = new double[2];
        for (int i = 0; i < n; i++) {
            if (hi[i].length != n || lo.length != n || lo[i].length != n) {
                throw new IllegalArgumentException("hi and lo must both be " + n + "×" + n);
            }
            for (int j = 0; j < n; j++) {
                if (hi[i][j] != hi[j][i] || lo[i][j] != lo[j][i]) {
                    throw new IllegalArgumentException("not symmetric at (" + i + ", " + j + ")");
                }
                DoubleDoubleArithmetic.normalize(hi[i][j], lo[i][j], t);
                m.hi[i * n + j] = t[0];
                m.lo[i * n + j] = t[1];
            }
        }
        return m;
    }

    public int n() {
        return n;
    }

    public DoubleDouble get(int i, int j) {
        int k = index(i, j);
        return new DoubleDouble(hi[k], lo[k]);
    }

    /** The high part of entry (i, j), i.e. the entry rounded to double. */
    public double hi(int i, int j) {
        return hi[index(i, j)];
    }

    public double lo(int i, int j) {
        return lo[index(i, j)];
    }

    /** Sets entries (i, j) and (j, i) to x. */
    public void set(int i, int j, DoubleDouble x) {
        int k = index(i, j);
        hi[k] = x.hi();
        lo[k] = x.lo();
        k = index(j, i);
        hi[k] = x.hi();
        lo[k] = x.lo();
    }

    public DDMatrix copy() {
        DDMatrix c = new DDMatrix(n);
        System.arraycopy(hi, 0, c.hi, 0, hi.length);
        System.arraycopy(lo, 0, c.lo, 0, lo.length);
        return c;
    }

    /** The entries rounded to double (the high parts). */
    public double[][] toDoubleArray() {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(hi, i * n, a[i], 0, n);
        }
        return a;
    }

    /** True if the two matrices have bit-identical entries. */
    public boolean bitEquals(DDMatrix o) {
        return n == o.n && Arrays.equals(hi, o.hi) && Arrays.equals(lo, o.lo);
    }

    private int index(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + n + "×" + n);
        }
        return i * n + j;
    }

    /** The row-major high parts, shared (for the package's kernels). */
    public double[] hiArray() {
        return hi;
    }

    /** The row-major low parts, shared (for the package's kernels). */
    public double[] loArray() {
        return lo;
    }

    // ---------------------------------------------------------------- deterministic row-parallel loops

    /** The work on a half-open range [from, to) of rows (or of any other index). */
    @FunctionalInterface
    public interface RangeAction {
        void run(int from, int to);
    }

    /**
     * Runs {@code action} over [from, to) split into ranges of at most {@code grain} indices (grain ≥ 1) on
     * {@code pool}, and returns when all are done. Each index is in exactly one range, so as long as the action's result for an index
     * does not depend on the range it is in, the outcome is the same bit for bit whatever the pool's size.
     */
    public static void parallelFor(ForkJoinPool pool, int from, int to, int grain, RangeAction action) {
        if (to - from <= grain || pool.getParallelism() == 1) {
            // the same cache-sized ranges as in parallel, one after the other on the calling thread
            for (int start = from; start < to; start += grain) {
                action.run(start, Math.min(to, start + grain));
            }
        } else {
            pool.invoke(new RangeTask(from, to, Math.max(1, grain), action));
        }
    }

    /** A pool with one worker per available processor, created on first use; its threads are daemons. */
    public static ForkJoinPool defaultPool() {
        return DefaultPool.POOL;
    }

    private static final class DefaultPool {
        static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    private static final class RangeTask extends RecursiveAction {
        private final int from;
        private final int to;
        private final int grain;
        private final RangeAction action;

        RangeTask(int from, int to, int grain, RangeAction action) {
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.action = action;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                action.run(from, to);
            } else {
                int mid = (from + to) >>> 1;
                invokeAll(new RangeTask(from, mid, grain, action), new RangeTask(mid, to, grain, action));
            }
        }
    }
}
