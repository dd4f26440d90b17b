package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;
import org.powerspec.numeric.Progress;

class ChebyshevIntegratorTest {
    /** y_i' = −λ_i y_i with λ_i from 1e-3 to 1e4: exact e^(−λ_i t). */
    @Test
    void stiffLinearDecayMatchesTheExponentialWithFewEvaluations() {
        int n = 50;
        double[] lam = new double[n];
        for (int i = 0; i < n; i++) {
            lam[i] = Math.pow(10, -3 + 7.0 * i / (n - 1));
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = -lam[i] * y[i];
                }
                return d;
            }
        };
        double[] y0 = new double[n];
        java.util.Arrays.fill(y0, 1);
        double[] times = {0, 0.1, 1, 10, 100};
        double[][] got = new double[times.length][];
        ChebyshevIntegrator rkc = new ChebyshevIntegrator(1e-12, 1e-8);
        rkc.integrate(ode, y0, times, (j, y) -> got[j] = y.clone(), t -> { });
        double worst = 0;
        double control = 0;
        for (int j = 0; j < times.length; j++) {
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(got[j][i] - Math.exp(-lam[i] * times[j])));
                control = Math.max(control, Math.abs(got[j][i] - Math.exp(-1.01 * lam[i] * times[j])));
            }
        }
        assertTrue(worst < 1e-5, "max error " + worst);
        assertTrue(control > 1e-3, "control: the solution of rates 1.01 lambda is told apart, " + control);
        // Dormand-Prince at the same tolerances is bounded by stability (step ~ 6/lambda_max): many more evaluations
        org.hipparchus.ode.nonstiff.DormandPrince853Integrator dp = new org.hipparchus.ode.nonstiff.DormandPrince853Integrator(0, 100, 1e-12, 1e-8);
        dp.integrate(ode, new org.hipparchus.ode.ODEState(0, y0), 100);
        assertTrue(5 * rkc.evaluations() < dp.getEvaluations(), "evaluations " + rkc.evaluations() + " vs Dormand-Prince " + dp.getEvaluations());
    }

    @Test
    void agreesWithDormandPrinceOnTheOrderParameterOdes() {
        int L = 64;
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(L, 1), 0.1, OutputScaling.NONE);
        Weights w = Weights.draw(2, 2, 1024, L, 0.01, 1, 1);
        double[] times = OdeIntegration.logTimes(2000, 5);
        LearningCurve dp = OdeIntegration.integrate(m, w.orderParameters(), times, Tolerances.DEFAULT, false, Progress.NONE);
        LearningCurve rkc = OdeIntegration.integrate(m, w.orderParameters(), times, new Tolerances(1e-12, 1e-8), false,
                Progress.NONE, true);
        assertTrue(rkc.maxGap(dp) < 1e-6, "gap " + rkc.maxGap(dp));
        assertTrue(rkc.evaluations() < dp.evaluations(), rkc.evaluations() + " vs " + dp.evaluations());
        LearningCurve wrong = OdeIntegration.integrate(m.withEta(0.101), w.orderParameters(), times, new Tolerances(1e-12, 1e-8),
                false, Progress.NONE, true);
        assertTrue(wrong.maxGap(dp) > 1e-4, "control: eta x 1.01 is told apart, " + wrong.maxGap(dp));
    }
}
