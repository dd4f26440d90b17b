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

    /**
     * A published analytic value: Goldt et al.'s nn2pp test suite (github sgoldt/nn2pp, test_nn2pp.cpp, test
     * eg_erf_scm) gives ε_g = 1.08045 (±1e-4) for these K = 3 student and M = 2 teacher weights at N = 10, erf,
     * unit second layers, unscaled outputs.
     */
    @Test
    void generalisationErrorReproducesNn2ppFixture() {
        double[][] w = {{0.34998185, -0.51730095, -1.27672365, 0.15857457, 0.80636752, -1.30266436, 1.04553608, -1.40581276, -0.40119664, 0.31838932},
            {0.25096269, -0.70390653, -1.60709434, -1.4129378, 0.29695629, -0.22066656, -0.06572677, -0.59777609, -0.83076419, -0.17760066},
            {1.35757829, -0.90800698, -1.06598149, 0.93462077, 0.38120508, -0.11103256, 0.20648807, -0.14869054, 1.72580801, 0.59446499}};
        double[][] b = {{-0.82269399, -0.36359333, -0.24440212, 0.49828238, 0.61007546, 0.82557495, -0.28769147, 0.24358059, -1.31009873, -1.15591452},
            {-0.28590803, -0.79115683, 0.40729374, 0.4940799, -1.17793196, 0.56464427, 1.99950537, 0.64308283, 0.31500115, 0.18630809}};
        EigenspaceSpectrum iso = new EigenspaceSpectrum(new double[] {1}, Double.NaN);
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 3, 2, iso, 0.1, OutputScaling.NONE);
        OrderParameters p = new Weights(w, b, 1).orderParameters();
        assertEquals(1.08045, GeneralisationError.of(m, p), 1e-4);
        // control: the same weights under outputs scaled by 1/sqrt K, 1/sqrt M give another value
        TwoLayerModel scaled = new TwoLayerModel(Nonlinearity.ERF, 3, 2, iso, 0.1, OutputScaling.SQRT);
        assertTrue(Math.abs(GeneralisationError.of(scaled, p) - 1.08045) > 0.1);
    }
}
