package org.powerspec.dynamics;

import org.powerspec.InvalidInputException;

/**
 * Per-eigenspace order parameters q^ℓ = J P_ℓ Jᵀ/N (K×K), r^ℓ = J P_ℓ Bᵀ/N (K×M), t^ℓ = B P_ℓ Bᵀ/N (M×M), ℓ = 1..L.
 * The hidden fields x_i = J_i·ξ/√N, y_n = B_n·ξ/√N have covariances Q = Σ_ℓ λ_ℓ q^ℓ, R = Σ_ℓ λ_ℓ r^ℓ,
 * T = Σ_ℓ λ_ℓ t^ℓ.
 *
 * @param q [L][K][K]
 * @param r [L][K][M]
 * @param t [L][M][M]
 */
public record OrderParameters(double[][][] q, double[][][] r, double[][][] t) {
    public OrderParameters {
        q = deepCopy(q);
        r = deepCopy(r);
        t = deepCopy(t);
        int L = q.length;
        if (L == 0 || r.length != L || t.length != L) {
            throw new InvalidInputException("order parameters: q, r and t must all have the same number L >= 1 of eigenspaces"
                    + " (found " + q.length + ", " + r.length + ", " + t.length + ")");
        }
        int K = q[0].length;
        int M = t[0].length;
        for (int l = 0; l < L; l++) {
            checkShape(q[l], K, K, "q", l);
            checkShape(r[l], K, M, "r", l);
            checkShape(t[l], M, M, "t", l);
        }
    }

    private static void checkShape(double[][] a, int rows, int cols, String name, int l) {
        if (a.length != rows) {
            throw new InvalidInputException("order parameters: " + name + "[" + l + "] has " + a.length + " rows, expected " + rows);
        }
        for (double[] row : a) {
            if (row.length != cols) {
                throw new InvalidInputException("order parameters: " + name + "[" + l + "] has a row of " + row.length
                        + " entries, expected " + cols);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("order parameters: " + name + "[" + l + "] has the entry " + v + ": all must be finite");
                }
            }
        }
    }

    static double[][][] deepCopy(double[][][] a) {
        double[][][] c = new double[a.length][][];
        for (int l = 0; l < a.length; l++) {
            c[l] = new double[a[l].length][];
            for (int i = 0; i < a[l].length; i++) {
                c[l][i] = a[l][i].clone();
            }
        }
        return c;
    }

    public int L() {
        return q.length;
    }

    public int K() {
        return q[0].length;
    }

    public int M() {
        return t[0].length;
    }

    /** Q = Σ_ℓ λ_ℓ q^ℓ. */
    public double[][] bigQ(EigenspaceSpectrum s) {
        return weightedSum(q, s);
    }

    /** R = Σ_ℓ λ_ℓ r^ℓ. */
    public double[][] bigR(EigenspaceSpectrum s) {
        return weightedSum(r, s);
    }

    /** T = Σ_ℓ λ_ℓ t^ℓ. */
    public double[][] bigT(EigenspaceSpectrum s) {
        return weightedSum(t, s);
    }

    private double[][] weightedSum(double[][][] a, EigenspaceSpectrum s) {
        if (s.size() != a.length) {
            throw new InvalidInputException("order parameters have L = " + a.length + " eigenspaces, the spectrum " + s.size());
        }
        double[][] out = new double[a[0].length][a[0][0].length];
        for (int l = 0; l < a.length; l++) {
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] += s.get(l) * a[l][i][j];
                }
            }
        }
        return out;
    }

    /**
     * The symmetric state with K = M, every Q_ik = q, every R_in = r and T = I, spread uniformly over L eigenspaces
     * ({@link #uniform}): the Saad–Solla symmetric plateau for q = 1/(2K−1), r = 1/√(K(2K−1)).
     */
    public static OrderParameters symmetric(int k, double q, double r, int L) {
        double[][] bigQ = new double[k][k];
        double[][] bigR = new double[k][k];
        double[][] bigT = new double[k][k];
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(bigQ[i], q);
            java.util.Arrays.fill(bigR[i], r);
            bigT[i][i] = 1;
        }
        return uniform(bigQ, bigR, bigT, L);
    }

    /**
     * The isotropic-looking state of the symmetric plateau seen by eigenspace ℓ: q^ℓ = Q/L, r^ℓ = R/L, t^ℓ = T/L
     * for all ℓ, so that Q, R, T come out as given whenever the eigenvalues have mean 1.
     */
    public static OrderParameters uniform(double[][] bigQ, double[][] bigR, double[][] bigT, int L) {
        double[][][] q = new double[L][][];
        double[][][] r = new double[L][][];
        double[][][] t = new double[L][][];
        for (int l = 0; l < L; l++) {
            q[l] = scaled(bigQ, 1.0 / L);
            r[l] = scaled(bigR, 1.0 / L);
            t[l] = scaled(bigT, 1.0 / L);
        }
        return new OrderParameters(q, r, t);
    }

    private static double[][] scaled(double[][] a, double f) {
        double[][] c = new double[a.length][a.length == 0 ? 0 : a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                c[i][j] = f * a[i][j];
            }
        }
        return c;
    }
}
