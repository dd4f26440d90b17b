package org.powerspec.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDouble;
import org.powerspec.numeric.dd.DoubleDoubleArithmetic;

/**
 * The random-feature kernel matrix in double-double from the Gram matrix G of the features:
 * <pre>
 *   K_ab = (1/d)·Σ_t c_t·s_a^{i_t}·s_b^{j_t}·G_ab^{k_t},   s_a = √G_aa,
 * </pre>
 * which is (1/d)·E[f(u)f(v)] for (u, v) centred Gaussian with Var u = G_aa, Var v = G_bb, Cov(u, v) = G_ab, when
 * E[f(u)f(v)] = Σ_t c_t·s_a^{i_t}·s_b^{j_t}·c^{k_t} is the Gaussian kernel polynomial of the activation f (see
 * {@code org.powerspec.symbolic.KernelPolynomial}). For example f(y) = y² gives E[f(u)f(v)] = 2c² + s_a²·s_b², the
 * terms (2; 0, 0, 2) and (1; 2, 2, 0).
 *
 * <p>Even powers of s_a are taken as powers of G_aa itself, so no square root is formed unless some exponent i_t
 * or j_t is odd; then s_a is the DD square root (relative error a few 2^−106). Each entry is a short sum of DD
 * products, accurate to a few u_DD relative to Σ_t |c_t·s_a^{i_t}·s_b^{j_t}·G_ab^{k_t}|/d. The polynomial must be
 * symmetric in (s_a, s_b) — c_t equal for (i, j, k) and (j, i, k) — as every kernel is; then K is formed on the
 * upper triangle and mirrored, so it is exactly symmetric. Rows are computed in parallel; each entry by one thread,
 * so the result does not depend on the pool.
 *
 * <p>The evaluation is scaled by powers of two ({@link KernelScaling}): {@link #buildScaled} returns
 * K' = 2^−E·K computed on G' = 2^−g·G with coefficients q_t·2^{g·n_t/2 − E}, so that no coefficient, power of G or
 * entry overflows — for f = y^p the entries reach (1/d)·(2p − 1)!!·G_aa^p, beyond double's range from p = 114 at
 * α = 2, σ = 1, and their squares (which a tridiagonal eigen-solver forms) from p = 64. Power-of-two scalings change
 * no rounding, so K' is exactly 2^−E times the unscaled result wherever that one is finite.
 */
public final class DoubleDoubleKernel {

    private DoubleDoubleKernel() {
    }

    /**
     * K on the default pool.
     *
     * @param g the Gram matrix, symmetric with non-negative diagonal
     * @param coefHi high parts of the term coefficients c_t (exact rationals upstream, e.g. 15/4 as a DD)
     * @param coefLo low parts of the term coefficients
     * @param exponents exponents[t] = {i_t, j_t, k_t}, the powers of s_a, s_b and G_ab in term t
     * @param d the feature dimension in the prefactor 1/d
     */
    public static DDMatrix build(DDMatrix g, double[] coefHi, double[] coefLo, int[][] exponents, int d) {
        return build(g, coefHi, coefLo, exponents, d, DDMatrix.defaultPool());
    }

    /**
     * K on the given pool: the coefficients are taken apart into mantissa and binary exponent, K' = 2^−E·K is built
     * by {@link #buildScaled} and multiplied back by 2^E (exact).
     *
     * @throws ArithmeticException when an entry of K lies beyond double's range
     */
    public static DDMatrix build(DDMatrix g, double[] coefHi, double[] coefLo, int[][] exponents, int d,
            ForkJoinPool pool) {
        int terms = exponents.length;
        if (coefHi.length != terms || coefLo.length != terms) {
            throw new IllegalArgumentException(terms + " exponent triples but " + coefHi.length + " + "
                    + coefLo.length + " coefficient parts");
        }
        if (d <= 0) {
            throw new IllegalArgumentException("d must be positive, got " + d);
        }
        requireSymmetricPolynomial(coefHi, coefLo, exponents);
        double[] hi = new double[terms];
        double[] lo = new double[terms];
        int[] exponent = new int[terms];
        int[] sa = new int[terms];
        int[] sb = new int[terms];
        int[] c = new int[terms];
        double[] t = new double[2];
        for (int k = 0; k < terms; k++) {
            DoubleDoubleArithmetic.normalize(coefHi[k], coefLo[k], t);
            if (!Double.isFinite(t[0])) {
                throw new IllegalArgumentException("coefficient " + k + " is not finite: " + coefHi[k]);
            }
            int e = t[0] == 0 ? 0 : Math.getExponent(t[0]);
            hi[k] = Math.scalb(t[0], -e);
            lo[k] = Math.scalb(t[1], -e);
            exponent[k] = e;
            sa[k] = exponents[k][0];
            sb[k] = exponents[k][1];
            c[k] = exponents[k][2];
        }
        KernelTerms kt = new KernelTerms(hi, lo, exponent, sa, sb, c, false);
        KernelScaling scaling = KernelScaling.of(diagonal(g), kt, d);
        DDMatrix kernel = buildScaled(g, scaling, d, pool);
        double[] kh = kernel.hiArray();
        double[] kl = kernel.loArray();
        for (int i = 0; i < kh.length; i++) {
            kh[i] = scaling.unscale(kh[i]);
            kl[i] = scaling.unscale(kl[i]);
            if (Double.isInfinite(kh[i])) {
                throw new ArithmeticException("an entry of K is beyond double's range (2^" + scaling.kernelExponent()
                        + " times " + kernel.hiArray()[i] + ")");
            }
        }
        return kernel;
    }

    /** The high parts of G's diagonal. */
    public static double[] diagonal(DDMatrix g) {
        int n = g.n();
        double[] diag = new double[n];
        for (int a = 0; a < n; a++) {
            diag[a] = g.hiArray()[a * n + a];
        }
        return diag;
    }

    /**
     * K' = 2^−E·K, E = {@code scaling.kernelExponent()}, evaluated on G' = 2^−g·G with the scaled coefficients of
     * {@link KernelScaling} (all powers of two: the same roundings as the unscaled evaluation wherever that one stays
     * in range, and no overflow for any p). G is not modified.
     *
     * @param g       the Gram matrix, symmetric with non-negative diagonal
     * @param scaling the scaling from G's diagonal and the kernel's terms (whose polynomial must be symmetric)
     * @param d       the feature dimension in the prefactor 1/d
     * @param pool    the pool for the rows
     */
    public static DDMatrix buildScaled(DDMatrix g, KernelScaling scaling, int d, ForkJoinPool pool) {
        KernelTerms kt = scaling.terms();
        int terms = kt.size();
        if (d <= 0) {
            throw new IllegalArgumentException("d must be positive, got " + d);
        }
        requireSymmetric(kt);
        int[][] exponents = new int[terms][];
        for (int k = 0; k < terms; k++) {
            exponents[k] = new int[] {kt.sa()[k], kt.sb()[k], kt.c()[k]};
        }
        int n = g.n();
        int maxS = 0;
        int maxC = 0;
        boolean oddPower = false;
        for (int[] e : exponents) {
            maxS = Math.max(maxS, Math.max(e[0], e[1]));
            maxC = Math.max(maxC, e[2]);
            oddPower |= (e[0] & 1) != 0 || (e[1] & 1) != 0;
        }
        double[] gh = g.hiArray();
        double[] gl = g.loArray();
        double[] t = new double[2];
        // s'_a^e = G'_aa^⌊e/2⌋·(e odd ? √G'_aa : 1), tabulated for e = 0..maxS
        double[][] sPowHi = new double[maxS + 1][n];
        double[][] sPowLo = new double[maxS + 1][n];
        for (int a = 0; a < n; a++) {
            double varHi = scaling.scaleGram(gh[a * n + a]);
            double varLo = scaling.scaleGram(gl[a * n + a]);
            if (varHi < 0) {
                throw new IllegalArgumentException("negative diagonal G_" + a + a + " = " + gh[a * n + a]);
            }
            double rootHi = 0;
            double rootLo = 0;
            if (oddPower) {
                DoubleDoubleArithmetic.sqrt(varHi, varLo, t);
                rootHi = t[0];
                rootLo = t[1];
            }
            double evenHi = 1;
            double evenLo = 0;
            for (int e = 0; e <= maxS; e++) {
                if ((e & 1) == 0) {
                    if (e > 0) {
                        DoubleDoubleArithmetic.multiply(evenHi, evenLo, varHi, varLo, t);
                        evenHi = t[0];
                        evenLo = t[1];
                    }
                    sPowHi[e][a] = evenHi;
                    sPowLo[e][a] = evenLo;
                } else if (oddPower) {
                    DoubleDoubleArithmetic.multiply(evenHi, evenLo, rootHi, rootLo, t);
                    sPowHi[e][a] = t[0];
                    sPowLo[e][a] = t[1];
                }
            }
        }
        // q_t·2^{g·n_t/2 − E}/d
        double[] scaledHi = new double[terms];
        double[] scaledLo = new double[terms];
        for (int k = 0; k < terms; k++) {
            scaling.coefficientOverD(k, d, t);
            scaledHi[k] = t[0];
            scaledLo[k] = t[1];
        }
        DDMatrix kernel = new DDMatrix(n);
        double[] kh = kernel.hiArray();
        double[] kl = kernel.loArray();
        final int maxPower = maxC;
        DDMatrix.parallelFor(pool, 0, n, 16, (a0, a1) -> {
            double[] u = new double[2];
            double[] sum = new double[2];
            double[] cPowHi = new double[maxPower + 1];
            double[] cPowLo = new double[maxPower + 1];
            for (int a = a0; a < a1; a++) {
                for (int b = a; b < n; b++) {
                    double ch = scaling.scaleGram(gh[a * n + b]);
                    double cl = scaling.scaleGram(gl[a * n + b]);
                    cPowHi[0] = 1;
                    cPowLo[0] = 0;
                    for (int e = 1; e <= maxPower; e++) {
                        DoubleDoubleArithmetic.multiply(cPowHi[e - 1], cPowLo[e - 1], ch, cl, u);
                        cPowHi[e] = u[0];
                        cPowLo[e] = u[1];
                    }
                    sum[0] = 0;
                    sum[1] = 0;
                    for (int k = 0; k < terms; k++) {
                        int[] e = exponents[k];
                        DoubleDoubleArithmetic.multiply(scaledHi[k], scaledLo[k], sPowHi[e[0]][a], sPowLo[e[0]][a], u);
                        DoubleDoubleArithmetic.multiply(u[0], u[1], sPowHi[e[1]][b], sPowLo[e[1]][b], u);
                        DoubleDoubleArithmetic.multiply(u[0], u[1], cPowHi[e[2]], cPowLo[e[2]], u);
                        DoubleDoubleArithmetic.add(sum[0], sum[1], u[0], u[1], sum);
                    }
                    kh[a * n + b] = sum[0];
                    kl[a * n + b] = sum[1];
                    kh[b * n + a] = sum[0];
                    kl[b * n + a] = sum[1];
                }
            }
        });
        return kernel;
    }

    /** Rejects terms that are not symmetric under s_a ↔ s_b, comparing the exact values (hi + lo)·2^e. */
    private static void requireSymmetric(KernelTerms kt) {
        Map<List<Integer>, BigDecimal> byExponents = new HashMap<>();
        for (int k = 0; k < kt.size(); k++) {
            BigDecimal q = new BigDecimal(kt.hi()[k]).add(new BigDecimal(kt.lo()[k]));
            int e = kt.exponent()[k];
            q = e >= 0 ? q.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                    : q.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
            byExponents.merge(List.of(kt.sa()[k], kt.sb()[k], kt.c()[k]), q, BigDecimal::add);
        }
        byExponents.forEach((e, q) -> {
            BigDecimal mirror = byExponents.getOrDefault(List.of(e.get(1), e.get(0), e.get(2)), BigDecimal.ZERO);
            if (q.compareTo(mirror) != 0) {
                throw new IllegalArgumentException("kernel polynomial not symmetric in (s_a, s_b) at (i, j, k) = " + e);
            }
        });
    }

    /** Rejects negative exponents and polynomials that are not symmetric under s_a ↔ s_b. */
    private static void requireSymmetricPolynomial(double[] coefHi, double[] coefLo, int[][] exponents) {
        Map<List<Integer>, DoubleDouble> byExponents = new HashMap<>();
        double[] t = new double[2];
        for (int k = 0; k < exponents.length; k++) {
            int[] e = exponents[k];
            if (e.length != 3 || e[0] < 0 || e[1] < 0 || e[2] < 0) {
                throw new IllegalArgumentException("exponents must be three non-negative integers, term " + k);
            }
            DoubleDoubleArithmetic.normalize(coefHi[k], coefLo[k], t);
            byExponents.merge(List.of(e[0], e[1], e[2]), new DoubleDouble(t[0], t[1]), DoubleDouble::add);
        }
        byExponents.forEach((e, c) -> {
            DoubleDouble mirror = byExponents.getOrDefault(List.of(e.get(1), e.get(0), e.get(2)), DoubleDouble.ZERO);
            if (c.subtract(mirror).hi() != 0) {
                throw new IllegalArgumentException("kernel polynomial not symmetric in (s_a, s_b): coefficient of "
                        + "s_a^i s_b^j c^k at (i, j, k) = " + e + " is " + c + " but at its mirror " + mirror);
            }
        });
    }
}
