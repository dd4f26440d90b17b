package org.powerspec.numeric;

import java.util.stream.IntStream;

/**
 * The population covariance of random features, exact in x (no sampling):
 * <pre>
 *   K_ab = (1/d)·E_x[f(w_aᵀx) f(w_bᵀx)] = (1/d)·E[f(u)f(v)] at s_a² = G_aa, s_b² = G_bb, c = G_ab,
 * </pre>
 * with G = WᵀHW, since (w_aᵀx, w_bᵀx) is jointly Gaussian with that covariance when x ~ N(0, H). For f = y^p this is
 * K = (1/d) Σ_k b_k·D^(p−k) G^{∘k} D^(p−k), D = diag(s_a), b_k = k!·c_k² (Paquette, Xiao, Zhu, arXiv:2603.14578).
 * Built in place over the upper triangle of G in double precision, rows in parallel (each entry by one thread:
 * deterministic); the lower triangle is left as it was.
 *
 * <p>The evaluation is scaled ({@link KernelScaling}): it runs on G' = 2^−g·G with the coefficients multiplied by
 * 2^{g·n_t/2 − E} and yields K' = 2^−E·K, so that neither the coefficients (b_p = p! overflows at p = 171) nor the
 * powers of G nor the entries of K (beyond double's range from p = 114 at α = 2, σ = 1, d = 16) overflow on the way. Being
 * powers of two, the scalings change no rounding: K' is exactly 2^−E times the matrix the unscaled loop would give
 * wherever that one is finite.
 */
public final class RandomFeatureKernel {
    private RandomFeatureKernel() {
    }

    /**
     * Overwrites the upper triangle of the row-major G (d×d) with that of K.
     *
     * @param g     G = WᵀHW (upper triangle), replaced by K
     * @param d     the number of features
     * @param terms the kernel polynomial's terms
     * @throws ArithmeticException when an entry of K lies beyond double's range
     */
    public static void buildInPlace(double[] g, int d, KernelTerms terms) {
        KernelScaling scaling = KernelScaling.of(diagonal(g, d), terms, d);
        buildScaledInPlace(g, d, scaling);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double x = scaling.unscale(g[a * d + b]);
                if (Double.isInfinite(x)) {
                    throw new ArithmeticException("K_" + a + "," + b + " = 2^" + scaling.kernelExponent() + " * "
                            + g[a * d + b] + " is beyond double's range");
                }
                g[a * d + b] = x;
            }
        }
    }

    /** G's diagonal G_aa, a = 0..d−1, of the row-major d×d matrix g. */
    public static double[] diagonal(double[] g, int d) {
        double[] diag = new double[d];
        for (int a = 0; a < d; a++) {
            diag[a] = g[a * d + a];
        }
        return diag;
    }

    /**
     * Overwrites the upper triangle of the row-major G (d×d) with that of K' = 2^−E·K, E = {@code
     * scaling.kernelExponent()}.
     *
     * @param g       G = WᵀHW (upper triangle), replaced by K'
     * @param d       the number of features
     * @param scaling the scaling made by {@link KernelScaling#of} from this G's diagonal and the kernel's terms
     */
    public static void buildScaledInPlace(double[] g, int d, KernelScaling scaling) {
        KernelTerms terms = scaling.terms();
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                g[a * d + b] = scaling.scaleGram(g[a * d + b]);
            }
        }
        int maxS = terms.maxScalePower();
        int maxC = terms.maxCovariancePower();
        // powers s_a^i for i = 0..maxS, computed from s_a² = G_aa so that even powers are exact products of G_aa
        double[][] sPow = new double[maxS + 1][d];
        for (int a = 0; a < d; a++) {
            double s2 = g[a * d + a];
            double s = Math.sqrt(s2);
            sPow[0][a] = 1;
            for (int i = 1; i <= maxS; i++) {
                sPow[i][a] = (i % 2 == 0) ? sPow[i - 2][a] * s2 : sPow[i - 1][a] * s;
            }
        }
        int n = terms.size();
        double[] coefficient = new double[n];
        for (int t = 0; t < n; t++) {
            coefficient[t] = scaling.coefficient(t);
        }
        double invD = 1.0 / d;
        IntStream.range(0, d).parallel().forEach(a -> {
            double[] cPow = new double[maxC + 1];
            for (int b = a; b < d; b++) {
                double c = g[a * d + b];
                cPow[0] = 1;
                for (int k = 1; k <= maxC; k++) {
                    cPow[k] = cPow[k - 1] * c;
                }
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += coefficient[t] * sPow[terms.sa()[t]][a] * sPow[terms.sb()[t]][b] * cPow[terms.c()[t]];
                }
                g[a * d + b] = sum * invD;
            }
        });
    }
}
