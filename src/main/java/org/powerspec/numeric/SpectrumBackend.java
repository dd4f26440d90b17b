package org.powerspec.numeric;

import java.util.function.DoubleConsumer;

/**
 * The arithmetic the three stages of the spectrum pipeline ({@link SpectrumComputation#compute}) run in, chosen by
 * precision: {@link DoubleSpectrumBackend} (native syrk/syevd, or the pure-Java fallback) and
 * {@link DoubleDoubleSpectrumBackend} (double-double throughout). The pipeline owns what both share — the loop over
 * row blocks of W, the kernel's scaling and the range check, the timings, the warnings — and a back end does the
 * arithmetic:
 * <ol>
 *   <li>G = WᵀHW = Σ_j λ_j·w_j·w_jᵀ, accumulated over blocks of rows w_j of W (λ_j = j^(−α), j ≤ rank H);</li>
 *   <li>K' = 2^−E·K, K_ab = (1/d)·E[f(u)f(v)] at Var u = G_aa, Var v = G_bb, Cov(u, v) = G_ab
 *       ({@link KernelScaling});</li>
 *   <li>all d eigenvalues of K', descending, with one absolute error bound that covers the solver and the forming of
 *       G and K (F = m·v + 2m + T unit roundoffs, {@link SpectrumComputation#formingErrorFactor}).</li>
 * </ol>
 *
 * @param <M> how a d×d symmetric matrix is held
 */
interface SpectrumBackend<M> {

    /** The arithmetic and solver, echoed into the result ({@link Spectrum#method()}). */
    String method();

    /** What the progress labels of the stages end with ("" in double, " in double-double"). */
    String stageSuffix();

    /** Starts G = WᵀHW for d columns of W and the eigenvalues of {@code h}. */
    Gram<M> gram(PowerLawCovariance h, int d);

    /** A running accumulation of G over row blocks of W. */
    interface Gram<M> extends AutoCloseable {
        /**
         * Adds Σ_{r<rows} λ_{first+r+1}·w_r·w_rᵀ, w_r the rows of {@code w} (row-major, rows × d, the sketch's entries
         * as they are; the block may be overwritten), telling {@code done} the fraction of this block finished.
         */
        void add(double[] w, int first, int rows, DoubleConsumer done);

        /** G (at least its upper triangle). */
        M result();

        @Override
        void close();
    }

    /** G's diagonal G_aa, a = 0..d−1 (high parts), from which {@link KernelScaling} is made. */
    double[] diagonal(M g, int d);

    /** K' = 2^−E·K from G (which the back end may overwrite or drop). */
    M kernel(M g, KernelScaling scaling, int d);

    /**
     * The eigenvalues of K', descending, and one absolute error bound for each of them.
     *
     * @param k       K', from {@link #kernel}
     * @param forming F, the error of forming G and K in unit roundoffs times ‖K‖
     * @param done    told the fraction of the solve finished, from 0 to 1
     */
    Eigenvalues eigenvalues(M k, int d, double forming, DoubleConsumer done);

    /**
     * Eigenvalues of K' and their common bound.
     *
     * @param hi    leading parts, descending
     * @param lo    trailing parts (zero in double precision)
     * @param bound the absolute error bound of every eigenvalue
     */
    record Eigenvalues(double[] hi, double[] lo, double bound) {
    }
}
