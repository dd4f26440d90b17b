package org.powerspec.numeric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

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

    /** K on the given pool. */
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
        // s_a^e = G_aa^⌊e/2⌋·(e odd ? √G_aa : 1), tabulated for e = 0..maxS
        double[][] sPowHi = new double[maxS + 1][n];
        double[][] sPowLo = new double[maxS + 1][n];
        for (int a = 0; a < n; a++) {
            double varHi = gh[a * n + a];
            double varLo = gl[a * n + a];
            if (varHi < 0) {
                throw new IllegalArgumentException("negative diagonal G_" + a + a + " = " + varHi);
            }
            double rootHi = 0;
            double rootLo = 0;
            if (oddPower) {
                DoubleDouble.sqrt(varHi, varLo, t);
                rootHi = t[0];
                rootLo = t[1];
            }
            double evenHi = 1;
            double evenLo = 0;
            for (int e = 0; e <= maxS; e++) {
                if ((e & 1) == 0) {
                    if (e > 0) {
                        DoubleDouble.multiply(evenHi, evenLo, varHi, varLo, t);
                        evenHi = t[0];
                        evenLo = t[1];
                    }
                    sPowHi[e][a] = evenHi;
                    sPowLo[e][a] = evenLo;
                } else if (oddPower) {
                    DoubleDouble.multiply(evenHi, evenLo, rootHi, rootLo, t);
                    sPowHi[e][a] = t[0];
                    sPowLo[e][a] = t[1];
                }
            }
        }
        // c_t/d
        double[] scaledHi = new double[terms];
        double[] scaledLo = new double[terms];
        for (int k = 0; k < terms; k++) {
            DoubleDouble.normalize(coefHi[k], coefLo[k], t);
            DoubleDouble.divide(t[0], t[1], d, 0, t);
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
                    cPowHi[0] = 1;
                    cPowLo[0] = 0;
                    for (int e = 1; e <= maxPower; e++) {
                        DoubleDouble.multiply(cPowHi[e - 1], cPowLo[e - 1], gh[a * n + b], gl[a * n + b], u);
                        cPowHi[e] = u[0];
                        cPowLo[e] = u[1];
                    }
                    sum[0] = 0;
                    sum[1] = 0;
                    for (int k = 0; k < terms; k++) {
                        int[] e = exponents[k];
                        DoubleDouble.multiply(scaledHi[k], scaledLo[k], sPowHi[e[0]][a], sPowLo[e[0]][a], u);
                        DoubleDouble.multiply(u[0], u[1], sPowHi[e[1]][b], sPowLo[e[1]][b], u);
                        DoubleDouble.multiply(u[0], u[1], cPowHi[e[2]], cPowLo[e[2]], u);
                        DoubleDouble.add(sum[0], sum[1], u[0], u[1], sum);
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

    /** Rejects negative exponents and polynomials that are not symmetric under s_a ↔ s_b. */
    private static void requireSymmetricPolynomial(double[] coefHi, double[] coefLo, int[][] exponents) {
        Map<List<Integer>, DD> byExponents = new HashMap<>();
        double[] t = new double[2];
        for (int k = 0; k < exponents.length; k++) {
            int[] e = exponents[k];
            if (e.length != 3 || e[0] < 0 || e[1] < 0 || e[2] < 0) {
                throw new IllegalArgumentException("exponents must be three non-negative integers, term " + k);
            }
            DoubleDouble.normalize(coefHi[k], coefLo[k], t);
            byExponents.merge(List.of(e[0], e[1], e[2]), new DD(t[0], t[1]), DD::add);
        }
        byExponents.forEach((e, c) -> {
            DD mirror = byExponents.getOrDefault(List.of(e.get(1), e.get(0), e.get(2)), DD.ZERO);
            if (c.subtract(mirror).hi() != 0) {
                throw new IllegalArgumentException("kernel polynomial not symmetric in (s_a, s_b): coefficient of "
                        + "s_a^i s_b^j c^k at (i, j, k) = " + e + " is " + c + " but at its mirror " + mirror);
            }
        });
    }
}
