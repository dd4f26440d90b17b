package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;

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

    /** The scalar ODE y' = f(t, y). */
    static OrdinaryDifferentialEquation scalar(java.util.function.DoubleBinaryOperator f) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {f.applyAsDouble(t, y[0])};
            }
        };
    }

    /**
     * A time-dependent stiff problem, y' = cos t − 1000(y − sin t), y(0) = 0, exact y = sin t: the stages must be
     * evaluated at their own times t + c_j h. Control: the same scheme with every stage at the step's start time
     * (what an autonomous-only implementation does) is visibly wrong.
     */
    @Test
    void nonAutonomousStiffProblemFollowsSinT() {
        double[] times = {0, 0.5, 1, 2, 5, 10};
        double[][] got = new double[times.length][];
        OrdinaryDifferentialEquation ode = scalar((t, y) -> Math.cos(t) - 1000 * (y - Math.sin(t)));
        new ChebyshevIntegrator(1e-12, 1e-9).integrate(ode, new double[] {0}, times, (j, y) -> got[j] = y.clone(), t -> { });
        double worst = 0;
        for (int j = 0; j < times.length; j++) {
            worst = Math.max(worst, Math.abs(got[j][0] - Math.sin(times[j])));
        }
        assertTrue(worst < 1e-6, "max error " + worst);
        // control: one step of h = 0.05 (s stages) from y = sin(1) with every stage frozen at t = 1
        ChebyshevIntegrator rkc = new ChebyshevIntegrator(1e-12, 1e-9);
        double t0 = 1;
        double h = 0.05;
        double[] y = {Math.sin(t0)};
        double[] right = rkc.stepRkc(ode, t0, y, ode.computeDerivatives(t0, y), h, 12);
        OrdinaryDifferentialEquation frozen = scalar((t, yy) -> ode.computeDerivatives(t0, new double[] {yy})[0]);
        double[] wrong = rkc.stepRkc(frozen, t0, y, ode.computeDerivatives(t0, y), h, 12);
        double exact = Math.sin(t0 + h);
        assertTrue(Math.abs(right[0] - exact) < 1e-5, "one step with stage times: " + Math.abs(right[0] - exact));
        assertTrue(Math.abs(wrong[0] - exact) > 10 * Math.abs(right[0] - exact), "frozen stages: " + Math.abs(wrong[0] - exact));
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

    /**
     * A derivative that is not finite (log of a negative state) stops RKC with one line, as Dormand–Prince stops; it
     * used to loop for ever on a NaN step size. Control: a finite equation, y' = −y from 1, integrates to e^(−t).
     */
    @Test
    void aDerivativeThatIsNotFiniteStopsTheIntegrationWithAReason() {
        OrdinaryDifferentialEquation logOfState = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {Math.log(y[0]) - y[0]};
            }
        };
        double[] times = {0.5, 1};
        org.powerspec.InvalidInputException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> org.junit.jupiter.api.Assertions.assertThrows(
                        org.powerspec.InvalidInputException.class, () -> new ChebyshevIntegrator(1e-10, 1e-8).integrate(
                                logOfState, new double[] {-1}, times, (k, y) -> { }, a -> { })));
        assertTrue(e.getMessage().startsWith("RKC: the derivative is not finite at alpha = 0"), e.getMessage());
        OrdinaryDifferentialEquation decay = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {-y[0]};
            }
        };
        double[] got = new double[2];
        new ChebyshevIntegrator(1e-12, 1e-10).integrate(decay, new double[] {1}, times, (k, y) -> got[k] = y[0], a -> { });
        for (int k = 0; k < 2; k++) {
            assertTrue(Math.abs(got[k] - Math.exp(-times[k])) < 1e-7, "control: e^-t at " + times[k] + ", got " + got[k]);
        }
    }
}
