package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;

class OrderParameterOdeTest {

    static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElse(0);
    }

    /** The O(η) drift at Saad & Solla's symmetric fixed point vanishes, in every eigenspace; a nearby point drifts. */
    @Test
    void symmetricFixedPointHasNoFirstOrderDrift() {
        for (int K : new int[] {2, 3, 5}) {
            for (int L : new int[] {1, 8}) {
                double eta = 1e-9;
                TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, K, EigenspaceSpectrum.powerLaw(L, 0.5), eta, OutputScaling.NONE);
                OrderParameters fp = OrderParameters.symmetric(K, 1.0 / (2 * K - 1), 1 / Math.sqrt(K * (2.0 * K - 1)), L);
                OrderParameterOde ode = new OrderParameterOde(m, fp);
                double[] drift = ode.computeDerivatives(0, ode.pack(fp));
                assertTrue(maxAbs(drift) / eta < 1e-7, "K = " + K + ", L = " + L + ": drift/eta " + maxAbs(drift) / eta);
                OrderParameters off = OrderParameters.symmetric(K, 1.0 / (2 * K), 1 / Math.sqrt(K * (2.0 * K - 1)), L);
                OrderParameterOde ode2 = new OrderParameterOde(m, off);
                assertTrue(maxAbs(ode2.computeDerivatives(0, ode2.pack(off))) / eta > 1e-4, "control: Q = 1/(2K) must drift");
                assertEquals(GeneralisationError.symmetricPlateau(K, OutputScaling.NONE), ode.generalisationError(ode.pack(fp)), 1e-12);
            }
        }
    }

    /**
     * Saad & Solla's isotropic equations, written independently in the regression form with I3:
     * dR_in/dα = η φ_in, dQ_ik/dα = η(ψ_ik + ψ_ki) + η² ν_ik, with E[g'(u)v g(w)] = I3 (Saad & Solla 1995, eq. A3).
     */
    static final class SaadSolla implements OrdinaryDifferentialEquation {
        final int K;
        final int M;
        final double eta;
        final double cK;
        final double cM;
        final double[][] T;

        SaadSolla(int K, int M, double eta, OutputScaling s, double[][] T) {
            this.K = K;
            this.M = M;
            this.eta = eta;
            this.cK = s.factor(K);
            this.cM = s.factor(M);
            this.T = T;
        }

        static double i3(double[][] c, int a, int b, int w) {
            double l3 = (1 + c[a][a]) * (1 + c[w][w]) - c[a][w] * c[a][w];
            return 2 / Math.PI / Math.sqrt(l3) * (c[b][w] * (1 + c[a][a]) - c[a][b] * c[a][w]) / (1 + c[a][a]);
        }

        double[][] cov(double[] y) {
            int n = K + M;
            double[][] c = new double[n][n];
            int o = 0;
            for (int i = 0; i < K; i++) {
                for (int k = i; k < K; k++) {
                    c[i][k] = y[o];
                    c[k][i] = y[o++];
                }
            }
            for (int i = 0; i < K; i++) {
                for (int m = 0; m < M; m++) {
                    c[i][K + m] = y[o];
                    c[K + m][i] = y[o++];
                }
            }
            for (int m = 0; m < M; m++) {
                for (int p = 0; p < M; p++) {
                    c[K + m][K + p] = T[m][p];
                }
            }
            return c;
        }

        @Override
        public int getDimension() {
            return K * (K + 1) / 2 + K * M;
        }

        /** E[δ_i u_b] = c_K (c_M Σ_n I3(i, b, y_n) − c_K Σ_j I3(i, b, x_j)). */
        double phi(double[][] c, int i, int b) {
            double s = 0;
            for (int n = 0; n < M; n++) {
                s += cM * i3(c, i, b, K + n);
            }
            for (int j = 0; j < K; j++) {
                s -= cK * i3(c, i, b, j);
            }
            return cK * s;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[][] c = cov(y);
            int n = K + M;
            double[] d = new double[y.length];
            int o = 0;
            for (int i = 0; i < K; i++) {
                for (int k = i; k < K; k++) {
                    double nu = 0;
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            double wa = a < K ? -cK : cM;
                            double wb = b < K ? -cK : cM;
                            nu += wa * wb * ErfIntegrals.i4(c[i][i], c[k][k], c[a][a], c[b][b], c[i][k], c[i][a], c[i][b], c[k][a], c[k][b], c[a][b]);
                        }
                    }
                    d[o++] = eta * (phi(c, i, k) + phi(c, k, i)) + eta * eta * cK * cK * nu;
                }
            }
            for (int i = 0; i < K; i++) {
                for (int m = 0; m < M; m++) {
                    d[o++] = eta * phi(c, i, K + m);
                }
            }
            return d;
        }
    }

    @Test
    void oneEigenspaceIsSaadSollasIsotropicSystem() {
        int K = 3;
        int M = 2;
        Weights w = Weights.draw(K, M, 400, 1, 0.3, 1, 4);
        OrderParameters p = w.orderParameters();
        for (OutputScaling sc : OutputScaling.values()) {
            double eta = 0.7;
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, M, new EigenspaceSpectrum(new double[] {1}, Double.NaN), eta, sc);
            double[] times = {0, 1, 3, 10, 30};
            LearningCurve ours = OdeIntegration.integrate(m, p, times, new Tolerances(1e-13, 1e-10), false, Progress.NONE);
            SaadSolla ss = new SaadSolla(K, M, eta, sc, p.t()[0]);
            OrderParameterOde packer = new OrderParameterOde(m, p);
            double[] y = packer.pack(p);
            DormandPrince853Integrator in = new DormandPrince853Integrator(0, 100, 1e-13, 1e-10);
            for (int j = 1; j < times.length; j++) {
                y = in.integrate(ss, new ODEState(times[j - 1], y), times[j]).getPrimaryState();
                double eg = packer.generalisationError(y);
                assertEquals(eg, ours.eg()[j], 1e-8 * Math.max(eg, 1e-3), sc + " alpha = " + times[j]);
            }
            // control: the isotropic system at 1.1 eta is told apart
            SaadSolla wrong = new SaadSolla(K, M, 1.1 * eta, sc, p.t()[0]);
            double[] yw = in.integrate(wrong, new ODEState(0, packer.pack(p)), 30).getPrimaryState();
            assertTrue(Math.abs(packer.generalisationError(yw) - ours.eg()[4]) > 1e-5);
        }
    }

    @Test
    void equalEigenvaluesSplitIntoEigenspacesReproduceTheIsotropicCurve() {
        int K = 2;
        Weights w = Weights.draw(K, K, 512, 4, 0.1, 1, 3);
        OrderParameters split = w.orderParameters();
        Weights w1 = new Weights(w.J(), w.B(), 1);
        OrderParameters one = w1.orderParameters();
        double eta = 0.5;
        TwoLayerModel m4 = new TwoLayerModel(Nonlinearity.ERF, K, K, new EigenspaceSpectrum(new double[] {1, 1, 1, 1}, Double.NaN), eta, OutputScaling.NONE);
        TwoLayerModel m1 = new TwoLayerModel(Nonlinearity.ERF, K, K, new EigenspaceSpectrum(new double[] {1}, Double.NaN), eta, OutputScaling.NONE);
        double[] times = OdeIntegration.logTimes(200, 5);
        Tolerances tol = new Tolerances(1e-16, 1e-12);
        LearningCurve c4 = OdeIntegration.integrate(m4, split, times, tol, false, Progress.NONE);
        LearningCurve c1 = OdeIntegration.integrate(m1, one, times, tol, false, Progress.NONE);
        // the escape from the plateau amplifies integration errors (the symmetric point is unstable), hence 1e-7
        assertTrue(c4.maxGap(c1) < 1e-7 * c1.eg()[0], "gap " + c4.maxGap(c1));
        // control: the same split with eigenvalues 1.1, 0.9, 1, 1 (mean 1) is a different curve
        TwoLayerModel tilted = new TwoLayerModel(Nonlinearity.ERF, K, K, new EigenspaceSpectrum(new double[] {1.1, 0.9, 1, 1}, Double.NaN), eta, OutputScaling.NONE);
        assertTrue(OdeIntegration.integrate(tilted, split, times, tol, false, Progress.NONE).maxGap(c1) > 1e-4 * c1.eg()[0]);
    }

    @Test
    void linearClosedFormMatchesTheOdeToIntegrationTolerance() {
        int K = 2;
        int L = 16;
        Weights w = Weights.draw(K, K, 16 * 32, L, 0.5, 1, 8);
        OrderParameters p = w.orderParameters();
        for (OutputScaling sc : OutputScaling.values()) {
            for (int trainable : new int[] {L, 5}) {
                TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, K, K, EigenspaceSpectrum.powerLaw(L, 0.5), 0.05, sc, trainable);
                double[] times = OdeIntegration.logTimes(200, 5);
                LearningCurve ode = OdeIntegration.integrate(m, p, times, new Tolerances(1e-16, 1e-12), false, Progress.NONE);
                LinearClosedForm cf = new LinearClosedForm(m, p);
                LearningCurve exact = cf.curve(times);
                // eps_g is a difference of O(q) terms (s = c_K^2 sum q - 2 c_K c_M sum r + c_M^2 sum t), so the ODE's
                // relative tolerance 1e-12 on q, r bounds the error of eps_g relative to its scale eps_g(0), not to itself
                double gap = ode.maxGap(exact) / exact.eg()[0];
                assertTrue(gap < 1e-8, sc + " trainable " + trainable + ": gap " + gap);
                // control: the closed form of a 2% larger eta is told apart
                LearningCurve wrong = new LinearClosedForm(m.withEta(0.051), p).curve(times);
                assertTrue(ode.maxRelativeGap(wrong) > 1e-3);
                if (trainable < L) {
                    assertEquals(cf.floor(), exact.eg()[times.length - 1], 1e-6 * cf.floor(), "floor reached by alpha = 200");
                }
            }
        }
    }

    @Test
    void closedFormAgreesWithHipparchusMatrixExponential() {
        int L = 6;
        Weights w = Weights.draw(1, 1, 60, L, 0.2, 1, 2);
        OrderParameters p = w.orderParameters();
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, EigenspaceSpectrum.powerLaw(L, 1), 0.3, OutputScaling.NONE);
        double[] lam = m.spectrum().values();
        RealMatrix a = MatrixUtils.createRealMatrix(L, L);
        for (int l = 0; l < L; l++) {
            for (int k = 0; k < L; k++) {
                a.setEntry(l, k, 0.09 * lam[l] * lam[k] / L - (l == k ? 0.6 * lam[l] : 0));
            }
        }
        double alpha = 7.5;
        double[] s0 = new LinearClosedForm(m, p).s(0);
        double[] s = MatrixUtils.matrixExponential(a.scalarMultiply(alpha)).operate(s0);
        double[] ours = new LinearClosedForm(m, p).s(alpha);
        for (int l = 0; l < L; l++) {
            assertEquals(s[l], ours[l], 1e-10 * Math.abs(s[l]) + 1e-15);
        }
    }
}
