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
     */
    public static void buildInPlace(double[] g, int d, KernelTerms terms) {
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
                    sum += terms.hi()[t] * sPow[terms.sa()[t]][a] * sPow[terms.sb()[t]][b] * cPow[terms.c()[t]];
                }
                g[a * d + b] = sum * invD;
            }
        });
    }
}
