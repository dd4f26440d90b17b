package org.powerspec.dynamics;

import java.util.stream.IntStream;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The closed ODE system of the per-eigenspace order parameters in the limit N → ∞, time α = steps/N.
 *
 * <p>Derivation. One SGD step changes q^ℓ_ik = J_i P_ℓ J_kᵀ/N by
 * (η/N)[δ_i z^ℓ_k + δ_k z^ℓ_i] + (η²/N)·(ξP_ℓξ/N)·δ_iδ_k, where z^ℓ_k = J_k P_ℓ ξ/√N, and r^ℓ_in by (η/N)δ_i w^ℓ_n,
 * w^ℓ_n = B_n P_ℓ ξ/√N; t^ℓ does not move. Averaging over ξ (self-averaging, dα = 1/N) and using
 * ξP_ℓξ/N → tr(P_ℓΣ)/N = λ_ℓ/L:
 * <pre>
 *   dq^ℓ_ik/dα = η(E[δ_i z^ℓ_k] + E[δ_k z^ℓ_i]) + η²(λ_ℓ/L)·E[δ_iδ_k],    dr^ℓ_in/dα = η E[δ_i w^ℓ_n].
 * </pre>
 * The projected fields are jointly Gaussian with the hidden fields u = (x_1..x_K, y_1..y_M):
 * Cov(z^ℓ_k, x_j) = λ_ℓ q^ℓ_kj, Cov(z^ℓ_k, y_n) = λ_ℓ r^ℓ_kn, Cov(w^ℓ_n, x_j) = λ_ℓ r^ℓ_jn, Cov(w^ℓ_n, y_m) = λ_ℓ t^ℓ_nm.
 * With τ − σ = Σ_a w_a g(u_a) (w = −c_K on students, +c_M on teachers), Stein's lemma
 * E[z f(u)] = Σ_a Cov(z, u_a) E[∂_a f(u)] gives for δ_i = c_K g′(x_i)(τ − σ):
 * <pre>
 *   E[δ_i z] = c_K { Cov(z, x_i)·E[g″(x_i)(τ−σ)] + Σ_a w_a Cov(z, u_a)·E[g′(x_i)g′(u_a)] },
 *   E[δ_iδ_k] = c_K² Σ_ab w_a w_b E[g′(x_i)g′(x_k)g(u_a)g(u_b)],
 * </pre>
 * whose expectations are the erf integrals of {@link ErfIntegrals} (g′ ≡ 1, g″ ≡ 0 and E[u_a u_b] = C_ab for
 * g(x) = x). Eigenspaces outside the trainable set are frozen. With L = 1 and λ = 1 this is Saad &amp; Solla's
 * isotropic system (Phys. Rev. E 52, 4225 (1995)). Cost per evaluation: O(K²(K+M)²) integrals plus
 * O(L(K+M)²K) products.
 *
 * <p>State layout: for each ℓ, q^ℓ's upper triangle (i ≤ k) row by row, then r^ℓ row by row.
 */
public final class OrderParameterOde implements OrdinaryDifferentialEquation {
    private final TwoLayerModel model;
    private final double[][][] t;
    private final int K;
    private final int M;
    private final int n;
    private final int L;
    private final int block;
    private final double[] w;
    private final double[] teacherCovariance;

    public OrderParameterOde(TwoLayerModel model, OrderParameters init) {
        if (init.L() != model.L() || init.K() != model.K() || init.M() != model.M()) {
            throw new org.powerspec.InvalidInputException("initial order parameters have L = " + init.L() + ", K = " + init.K()
                    + ", M = " + init.M() + " but the model has L = " + model.L() + ", K = " + model.K() + ", M = " + model.M());
        }
        this.model = model;
        this.t = OrderParameters.deepCopy(init.t());
        this.K = model.K();
        this.M = model.M();
        this.n = K + M;
        this.L = model.L();
        this.block = K * (K + 1) / 2 + K * M;
        this.w = new double[n];
        for (int a = 0; a < n; a++) {
            w[a] = a < K ? -model.studentFactor() : model.teacherFactor();
        }
        // T = sum_l lambda_l t^l does not move: computed once
        teacherCovariance = new double[M * M];
        for (int l = 0; l < L; l++) {
            for (int m = 0; m < M; m++) {
                for (int q = 0; q < M; q++) {
                    teacherCovariance[m * M + q] += model.spectrum().get(l) * t[l][m][q];
                }
            }
        }
    }

    @Override
    public int getDimension() {
        return L * block;
    }

    /** Packs q and r (t is held by the equation). */
    public double[] pack(OrderParameters p) {
        double[] y = new double[getDimension()];
        for (int l = 0; l < L; l++) {
            int o = l * block;
            for (int i = 0; i < K; i++) {
                for (int k = i; k < K; k++) {
                    y[o++] = 0.5 * (p.q()[l][i][k] + p.q()[l][k][i]);
                }
            }
            for (int i = 0; i < K; i++) {
                for (int m = 0; m < M; m++) {
                    y[o++] = p.r()[l][i][m];
                }
            }
        }
        return y;
    }

    public OrderParameters unpack(double[] y) {
        double[][][] q = new double[L][K][K];
        double[][][] r = new double[L][K][M];
        for (int l = 0; l < L; l++) {
            int o = l * block;
            for (int i = 0; i < K; i++) {
                for (int k = i; k < K; k++) {
                    q[l][i][k] = y[o];
                    q[l][k][i] = y[o++];
                }
            }
            for (int i = 0; i < K; i++) {
                for (int m = 0; m < M; m++) {
                    r[l][i][m] = y[o++];
                }
            }
        }
        return new OrderParameters(q, r, t);
    }

    /** The covariance C of u = (x, y) as a flat n×n array: [[Q, R], [Rᵀ, T]]. */
    double[] fieldCovariance(double[] y) {
        double[] c = new double[n * n];
        for (int l = 0; l < L; l++) {
            double lam = model.spectrum().get(l);
            int o = l * block;
            for (int i = 0; i < K; i++) {
                for (int k = i; k < K; k++) {
                    double v = lam * y[o++];
                    c[i * n + k] += v;
                    if (k != i) {
                        c[k * n + i] += v;
                    }
                }
            }
            for (int i = 0; i < K; i++) {
                for (int m = 0; m < M; m++) {
                    double v = lam * y[o++];
                    c[i * n + K + m] += v;
                    c[(K + m) * n + i] += v;
                }
            }
        }
        for (int m = 0; m < M; m++) {
            System.arraycopy(teacherCovariance, m * M, c, (K + m) * n + K, M);
        }
        return c;
    }

    /** ε_g at the packed state y. */
    public double generalisationError(double[] y) {
        double[] c = fieldCovariance(y);
        double[][] Q = new double[K][K];
        double[][] R = new double[K][M];
        double[][] T = new double[M][M];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = c[a * n + b];
                if (a < K && b < K) {
                    Q[a][b] = v;
                } else if (a < K) {
                    R[a][b - K] = v;
                } else if (b >= K) {
                    T[a - K][b - K] = v;
                }
            }
        }
        return GeneralisationError.of(model, Q, R, T);
    }

    @Override
    public double[] computeDerivatives(double alpha, double[] y) {
        double[] c = fieldCovariance(y);
        double cK = model.studentFactor();
        // a_i = E[g''(x_i)(tau - sigma)];  P[a*K + i] = w_a E[g'(x_i) g'(u_a)]
        double[] aCoef = new double[K];
        double[] p = new double[n * K];
        boolean erf = model.g() == Nonlinearity.ERF;
        for (int i = 0; i < K; i++) {
            double cii = c[i * n + i];
            for (int a = 0; a < n; a++) {
                double caa = c[a * n + a];
                double cia = c[i * n + a];
                if (erf) {
                    aCoef[i] += w[a] * ErfIntegrals.secondDerivValue(cii, caa, cia);
                    p[a * K + i] = w[a] * ErfIntegrals.derivDeriv(cii, caa, cia);
                } else {
                    p[a * K + i] = w[a];
                }
            }
        }
        double[] ee = secondOrder(c);
        double eta = model.eta();
        double[] dy = new double[y.length];
        int trainable = model.trainable();
        int chunks = (long) trainable * n * n * K > 200_000 ? Math.min(trainable, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        IntStream range = IntStream.range(0, chunks);
        if (chunks > 1) {
            range = range.parallel();
        }
        range.forEach(ch -> {
            double[] cl = new double[n * n];
            double[] f = new double[n * K];
            for (int l = ch * trainable / chunks; l < (ch + 1) * trainable / chunks; l++) {
                eigenspaceDerivative(l, y, dy, aCoef, p, ee, cK, eta, cl, f);
            }
        });
        return dy;
    }

    /** dq^ℓ and dr^ℓ into {@code dy}; {@code cl} (n×n) and {@code f} (n×K) are scratch space. */
    private void eigenspaceDerivative(int l, double[] y, double[] dy, double[] aCoef, double[] p, double[] ee,
            double cK, double eta, double[] cl, double[] f) {
        double lam = model.spectrum().get(l);
        int o = l * block;
        // cl = [[q, r], [r', t]] of this eigenspace
        int idx = o;
        for (int i = 0; i < K; i++) {
            for (int k = i; k < K; k++) {
                cl[i * n + k] = y[idx];
                cl[k * n + i] = y[idx++];
            }
        }
        for (int i = 0; i < K; i++) {
            for (int m = 0; m < M; m++) {
                cl[i * n + K + m] = y[idx];
                cl[(K + m) * n + i] = y[idx++];
            }
        }
        for (int m = 0; m < M; m++) {
            System.arraycopy(t[l][m], 0, cl, (K + m) * n + K, M);
        }
        // f[b*K + i] = E[delta_i z_b] = lam cK (cl_bi a_i + sum_a cl_ba P_ai): a row-times-matrix product per b
        double scale = lam * cK;
        for (int b = 0; b < n; b++) {
            int fb = b * K;
            int cb = b * n;
            for (int i = 0; i < K; i++) {
                f[fb + i] = cl[cb + i] * aCoef[i];
            }
            for (int a = 0; a < n; a++) {
                double v = cl[cb + a];
                int pa = a * K;
                for (int i = 0; i < K; i++) {
                    f[fb + i] += v * p[pa + i];
                }
            }
            for (int i = 0; i < K; i++) {
                f[fb + i] *= scale;
            }
        }
        double noise = eta * eta * lam / L;
        idx = o;
        for (int i = 0; i < K; i++) {
            for (int k = i; k < K; k++) {
                dy[idx++] = eta * (f[k * K + i] + f[i * K + k]) + noise * ee[i * K + k];
            }
        }
        for (int i = 0; i < K; i++) {
            for (int m = 0; m < M; m++) {
                dy[idx++] = eta * f[(K + m) * K + i];
            }
        }
    }

    /** E[δ_iδ_k] as a flat K×K array. */
    private double[] secondOrder(double[] c) {
        double cK = model.studentFactor();
        double[] ee = new double[K * K];
        if (model.g() == Nonlinearity.LINEAR) {
            double s = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    s += w[a] * w[b] * c[a * n + b];
                }
            }
            java.util.Arrays.fill(ee, cK * cK * s);
            return ee;
        }
        int pairs = K * (K + 1) / 2;
        IntStream range = IntStream.range(0, pairs);
        if ((long) pairs * n * n > 100_000) {
            range = range.parallel();
        }
        range.forEach(pair -> {
            int i = 0;
            int rest = pair;
            while (rest >= K - i) {
                rest -= K - i;
                i++;
            }
            int k = i + rest;
            double v = cK * cK * fourFieldSum(c, i, k);
            ee[i * K + k] = v;
            ee[k * K + i] = v;
        });
        return ee;
    }

    /** Σ_ab w_a w_b I4(x_i, x_k, u_a, u_b), using the symmetry in (a, b) and Λ1 shared across b. */
    private double fourFieldSum(double[] c, int i, int k) {
        double c11 = c[i * n + i];
        double c22 = c[k * n + k];
        double c12 = c[i * n + k];
        double l4 = (1 + c11) * (1 + c22) - c12 * c12;
        double[] invSqrtL1 = new double[n];
        for (int a = 0; a < n; a++) {
            double c13 = c[i * n + a];
            double c23 = c[k * n + a];
            double l1 = l4 * (1 + c[a * n + a]) - c23 * c23 * (1 + c11) - c13 * c13 * (1 + c22) + 2 * c12 * c13 * c23;
            invSqrtL1[a] = 1 / Math.sqrt(l1);
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            double c13 = c[i * n + a];
            double c23 = c[k * n + a];
            double inner = 0;
            for (int b = a; b < n; b++) {
                double c14 = c[i * n + b];
                double c24 = c[k * n + b];
                double l0 = l4 * c[a * n + b] - c23 * c24 * (1 + c11) - c13 * c14 * (1 + c22) + c12 * c13 * c24 + c12 * c14 * c23;
                double v = w[b] * ErfIntegrals.asinClamped(l0 * invSqrtL1[a] * invSqrtL1[b]);
                inner += b == a ? v : 2 * v;
            }
            sum += w[a] * inner;
        }
        return 4 / (Math.PI * Math.PI) / Math.sqrt(l4) * sum;
    }
}
