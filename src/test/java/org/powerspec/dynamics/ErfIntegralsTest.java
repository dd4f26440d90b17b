package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The closed-form erf integrals and ε_g against Monte Carlo (5 standard errors), each with a control that must fail. */
class ErfIntegralsTest {
    static final Nonlinearity G = Nonlinearity.ERF;
    static final int SAMPLES = 400_000;

    private static boolean agrees(double closed, double[] mc) {
        return Math.abs(closed - mc[0]) < 5 * mc[1] + 1e-12;
    }

    @Test
    void pairIntegralsMatchMonteCarlo() {
        double[][] c = {{0.8, 0.3}, {0.3, 0.6}};
        GaussianSampler s = new GaussianSampler(c, 1);
        double[] i2 = GaussianSampler.meanAndError(s, SAMPLES, u -> G.value(u[0]) * G.value(u[1]));
        assertTrue(agrees(ErfIntegrals.i2(c[0][0], c[1][1], c[0][1]), i2), "I2 " + i2[0]);
        double[] dd = GaussianSampler.meanAndError(s, SAMPLES, u -> G.derivative(u[0]) * G.derivative(u[1]));
        assertTrue(agrees(ErfIntegrals.derivDeriv(c[0][0], c[1][1], c[0][1]), dd), "E[g'g'] " + dd[0]);
        // g''(x) = -x g'(x)
        double[] sd = GaussianSampler.meanAndError(s, SAMPLES, u -> -u[0] * G.derivative(u[0]) * G.value(u[1]));
        assertTrue(agrees(ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]), sd), "E[g''g] " + sd[0]);
        // control: the plausible slip of dropping the 1/(1 + C_uu) factor is rejected
        assertTrue(!agrees(ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]) * (1 + c[0][0]), sd));
    }

    @Test
    void fourFieldIntegralMatchesMonteCarlo() {
        for (long seed = 1; seed <= 3; seed++) {
            double[][] c = GaussianSampler.randomCovariance(4, 20 + seed);
            GaussianSampler s = new GaussianSampler(c, seed);
            ToDoubleFunction<double[]> f = u -> G.derivative(u[0]) * G.derivative(u[1]) * G.value(u[2]) * G.value(u[3]);
            double[] mc = GaussianSampler.meanAndError(s, SAMPLES, f);
            double closed = ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], c[2][3]);
            assertTrue(agrees(closed, mc), "I4 " + closed + " vs " + mc[0] + " +- " + mc[1]);
            double control = ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], 1.3 * c[2][3]);
            assertTrue(!agrees(control, mc), "control I4 with C34 scaled by 1.3 must be rejected");
        }
        // coinciding fields (u = v = w = z): the clamp keeps the arcsin defined
        double same = ErfIntegrals.i4(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertTrue(Double.isFinite(same));
    }

    @Test
    void generalisationErrorMatchesMonteCarloForBothScalings() {
        int K = 2;
        int M = 3;
        double[][] c = GaussianSampler.randomCovariance(K + M, 5);
        double[][] Q = new double[K][K];
        double[][] R = new double[K][M];
        double[][] T = new double[M][M];
        for (int a = 0; a < K + M; a++) {
            for (int b = 0; b < K + M; b++) {
                if (a < K && b < K) {
                    Q[a][b] = c[a][b];
                } else if (a < K) {
                    R[a][b - K] = c[a][b];
                } else if (b >= K) {
                    T[a - K][b - K] = c[a][b];
                }
            }
        }
        for (OutputScaling sc : OutputScaling.values()) {
            for (Nonlinearity g : Nonlinearity.values()) {
                TwoLayerModel m = new TwoLayerModel(g, K, M, EigenspaceSpectrum.powerLaw(1, 0), 0.1, sc);
                double cK = sc.factor(K);
                double cM = sc.factor(M);
                GaussianSampler s = new GaussianSampler(c, 9);
                double[] mc = GaussianSampler.meanAndError(s, SAMPLES, u -> {
                    double sig = 0;
                    double tau = 0;
                    for (int a = 0; a < K; a++) {
                        sig += g.value(u[a]);
                    }
                    for (int n = 0; n < M; n++) {
                        tau += g.value(u[K + n]);
                    }
                    double e = cK * sig - cM * tau;
                    return 0.5 * e * e;
                });
                double closed = GeneralisationError.of(m, Q, R, T);
                assertTrue(agrees(closed, mc), g + " " + sc + ": " + closed + " vs " + mc[0] + " +- " + mc[1]);
                double[][] wrongR = {{R[0][0] * 0.5, R[0][1], R[0][2]}, {R[1][0], R[1][1], R[1][2]}};
                assertTrue(!agrees(GeneralisationError.of(m, Q, wrongR, T), mc), "control: R_11 halved must be rejected");
            }
        }
    }

    @Test
    void symmetricPlateauHeightsAreSaadSollas() {
        // Saad & Solla 1995: eps* = 0.011611 (K = 2), 0.020297 (K = 3), 0.036226 (K = 5), unscaled outputs
        double[] published = {0, 0, 0.011611, 0.020297, 0, 0.036226};
        for (int K : new int[] {2, 3, 5}) {
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, K, EigenspaceSpectrum.powerLaw(1, 0), 0.1, OutputScaling.NONE);
            double q = 1.0 / (2 * K - 1);
            double r = 1 / Math.sqrt(K * (2.0 * K - 1));
            double[][] Q = new double[K][K];
            double[][] R = new double[K][K];
            double[][] T = new double[K][K];
            for (int i = 0; i < K; i++) {
                java.util.Arrays.fill(Q[i], q);
                java.util.Arrays.fill(R[i], r);
                T[i][i] = 1;
            }
            assertEquals(published[K], GeneralisationError.of(m, Q, R, T), 5e-7, "K = " + K);
            assertEquals(published[K], GeneralisationError.symmetricPlateau(K, OutputScaling.NONE), 5e-7, "K = " + K);
            assertEquals(published[K] / K, GeneralisationError.symmetricPlateau(K, OutputScaling.SQRT), 5e-7 / K);
        }
    }
}
