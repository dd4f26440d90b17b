package org.powerspec.dynamics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.powerspec.InvalidInputException;

/**
 * Finite-N weights in Σ's eigenbasis: student J (K×N) and teacher B (M×N); coordinate j belongs to eigenspace
 * ℓ = ⌊j·L/N⌋, so P_ℓ is the diagonal projector on a block of N/L consecutive coordinates. Drawn with
 * J_ij ~ N(0, σ_J²), B_nj ~ N(0, σ_B²) from XoShiRo256++ seeded by (seed, 0) and McFarland's ziggurat; then
 * R = O(σ_J/√N) is small and random, as in the literature, which is what lets the erf dynamics leave the
 * symmetric plateau.
 *
 * @param J student weights, [K][N]
 * @param B teacher weights, [M][N]
 * @param L number of eigenspaces (N/L coordinates each)
 */
public record Weights(double[][] J, double[][] B, int L) {
    public static final int MAX_N = 1 << 20;
    /** The defaults of seeded initial weights: N the smallest multiple of L >= 1024, sigma_J = 0.01, sigma_B = 1 (Fig. 1). */
    public static final int DEFAULT_MIN_N = 1024;
    public static final double DEFAULT_SIGMA_J = 0.01;
    public static final double DEFAULT_SIGMA_B = 1;

    public int N() {
        return J[0].length;
    }

    /** Draws the weights; N must be a multiple of L. */
    public static Weights draw(int K, int M, int N, int L, double sigmaJ, double sigmaB, long seed) {
        checkSize(N, L);
        checkSigmas(sigmaJ, sigmaB);
        requireMemory(K, M, N, 1);
        UniformRandomProvider source = RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, 0});
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(source);
        double[][] J = new double[K][N];
        double[][] B = new double[M][N];
        for (double[] row : J) {
            for (int j = 0; j < N; j++) {
                row[j] = sigmaJ * z.sample();
            }
        }
        for (double[] row : B) {
            for (int j = 0; j < N; j++) {
                row[j] = sigmaB * z.sample();
            }
        }
        return new Weights(J, B, L);
    }

    /** Refuses (one-line error) {@code copies} sets of weights J (K × N) and B (M × N) that cannot fit in the heap. */
    public static void requireMemory(int K, int M, int N, int copies) {
        org.powerspec.MemoryBudget.require((long) copies * (K + M) * N * Double.BYTES, (copies > 1 ? copies + " copies of "
                : "") + "weights with K = " + K + ", M = " + M + ", N = " + N);
    }

    /** Refuses σ_J that is not finite and ≥ 0, or σ_B that is not finite and > 0. */
    public static void checkSigmas(double sigmaJ, double sigmaB) {
        if (!(sigmaJ >= 0) || !Double.isFinite(sigmaJ)) {
            throw new InvalidInputException("sigma_J", sigmaJ + " is not allowed: it must be finite and >= 0");
        }
        if (!(sigmaB > 0) || !Double.isFinite(sigmaB)) {
            throw new InvalidInputException("sigma_B", sigmaB + " is not allowed: it must be positive and finite");
        }
    }

    static void checkSize(int N, int L) {
        if (N < 1 || N > MAX_N) {
            throw new InvalidInputException("N", N + " is not allowed: 1 <= N <= " + MAX_N);
        }
        if (N % L != 0) {
            throw new InvalidInputException("N", N + " is not allowed: N must be a multiple of L = " + L
                    + " (each eigenvalue has multiplicity N/L)");
        }
    }

    /** The smallest multiple of L that is at least {@code atLeast}. */
    public static int defaultN(int L, int atLeast) {
        return (int) (L * (long) Math.ceil((double) atLeast / L));
    }

    /** q^ℓ = J P_ℓ Jᵀ/N, r^ℓ = J P_ℓ Bᵀ/N, t^ℓ = B P_ℓ Bᵀ/N. */
    public OrderParameters orderParameters() {
        return new OrderParameters(blockProducts(J, J), blockProducts(J, B), blockProducts(B, B));
    }

    private double[][][] blockProducts(double[][] a, double[][] b) {
        int N = N();
        int width = N / L;
        double[][][] out = new double[L][a.length][b.length];
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < a.length; i++) {
                for (int k = 0; k < b.length; k++) {
                    double s = 0;
                    for (int j = l * width; j < (l + 1) * width; j++) {
                        s += a[i][j] * b[k][j];
                    }
                    out[l][i][k] = s / N;
                }
            }
        }
        return out;
    }

    /** A deep copy (the simulation updates J in place). */
    public Weights copy() {
        double[][] j = new double[J.length][];
        for (int i = 0; i < J.length; i++) {
            j[i] = J[i].clone();
        }
        double[][] b = new double[B.length][];
        for (int i = 0; i < B.length; i++) {
            b[i] = B[i].clone();
        }
        return new Weights(j, b, L);
    }
}
