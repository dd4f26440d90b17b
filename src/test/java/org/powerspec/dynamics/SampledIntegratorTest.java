package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

class SampledIntegratorTest {
    /** y_i′ = −λ_i y_i, exact y_i(t) = e^(−λ_i t). */
    static OrdinaryDifferentialEquation decay(double... lam) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return lam.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    d[i] = -lam[i] * y[i];
                }
                return d;
            }
        };
    }

    /**
     * Every method hands over each output time once, in order, with the initial state itself at α ≤ 0 (also for a
     * repeated time), and the solution there matches the exponential; control: rates × 1.01 are told apart.
     */
    @Test
    void everyMethodSamplesEachTimeOnceAndFollowsTheExponential() {
        double[] lam = {0.3, 2, 40};
        double[] y0 = {1, -2, 0.5};
        double[] times = {-1, 0, 0, 0.25, 1, 1, 3, 10};
        for (Integrator method : Integrator.values()) {
            SampledIntegrator in = method.create(method.tolerances());
            List<Integer> order = new ArrayList<>();
            double[][] got = new double[times.length][];
            List<Double> reached = new ArrayList<>();
            in.integrate(decay(lam), y0, times, (j, y) -> {
                order.add(j);
                got[j] = y.clone();
            }, reached::add);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), order, method.userName());
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(y0, got[j], 0, method.userName() + ": alpha <= 0 is the initial state");
            }
            double tol = method == Integrator.DP853 ? 1e-9 : 1e-5;
            double worst = 0;
            double control = 0;
            for (int j = 0; j < times.length; j++) {
                for (int i = 0; i < lam.length; i++) {
                    double t = Math.max(times[j], 0);
                    worst = Math.max(worst, Math.abs(got[j][i] - y0[i] * Math.exp(-lam[i] * t)));
                    control = Math.max(control, Math.abs(got[j][i] - y0[i] * Math.exp(-1.01 * lam[i] * t)));
                }
            }
            assertTrue(worst < tol, method.userName() + ": max error " + worst);
            assertTrue(control > 1e-3, method.userName() + ": control " + control);
            assertEquals(in.steps(), reached.size(), method.userName() + ": progress after every accepted step");
            assertEquals(10, reached.get(reached.size() - 1), 0, method.userName());
            assertTrue(in.evaluations() > in.steps(), method.userName());
        }
    }

    /**
     * Both methods end a step on every output time (Dormand–Prince by integrating to each in turn, RKC by shortening the
     * step that would pass it), so each output is a state the error control accepted, not an interpolation: every
     * output time is among the times the steps reach (to the rounding of t + (α_j − t)), and a dense grid costs at
     * least one step per output. Control: with outputs at 0 and 10 only, the same membership test finds none of the
     * dense grid's interior times among the step ends.
     */
    @Test
    void everyMethodEndsAStepOnEveryOutputTime() {
        OrdinaryDifferentialEquation ode = decay(1, 5);
        double[] many = OdeIntegration.logTimes(10, 200);
        for (Integrator method : Integrator.values()) {
            SampledIntegrator two = method.create(method.tolerances());
            List<Double> reachedTwo = new ArrayList<>();
            two.integrate(ode, new double[] {1, 1}, new double[] {0, 10}, (j, y) -> { }, reachedTwo::add);
            SampledIntegrator dense = method.create(method.tolerances());
            List<Double> reached = new ArrayList<>();
            double[][] got = new double[many.length][];
            dense.integrate(ode, new double[] {1, 1}, many, (j, y) -> got[j] = y.clone(), reached::add);
            int interior = 0;
            int foundInTwo = 0;
            for (int j = 1; j < many.length - 1; j++) {
                assertTrue(isStepEnd(reached, many[j]), method.userName() + ": t = " + many[j] + " is not a step end");
                interior++;
                foundInTwo += isStepEnd(reachedTwo, many[j]) ? 1 : 0;
                assertEquals(Math.exp(-5 * many[j]), got[j][1], method == Integrator.DP853 ? 1e-10 : 1e-6, "t = " + many[j]);
            }
            assertEquals(0, foundInTwo, method.userName() + ": control");
            assertTrue(interior > 100 && dense.steps() >= many.length - 1 && dense.steps() > two.steps(),
                    method.userName() + ": " + dense.steps() + " steps for " + many.length + " outputs, " + two.steps() + " for 2");
        }
    }

    private static boolean isStepEnd(List<Double> reached, double t) {
        for (double r : reached) {
            if (Math.abs(r - t) <= 2 * Math.ulp(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The learning curve is the same whichever overload names the method, and it records ε_g of the integrator's
     * states (the isotropic L = 1 system against a curve from 1.1 η as control).
     */
    @Test
    void learningCurveRecordsTheIntegratorsStates() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(4, 1), 0.5, OutputScaling.NONE);
        OrderParameters p = Weights.draw(2, 2, 512, 4, 0.1, 1, 2).orderParameters();
        double[] times = {0, 1, 10, 100};
        for (Integrator method : Integrator.values()) {
            LearningCurve byName = OdeIntegration.integrate(m, p, times, method.tolerances(), true, Progress.NONE, method);
            LearningCurve byFlag = OdeIntegration.integrate(m, p, times, method.tolerances(), true, Progress.NONE,
                    method.chebyshev());
            assertArrayEquals(byFlag.eg(), byName.eg(), 0);
            assertTrue(byName.method().startsWith("ODE (" + method.label() + ", abs-tol "), byName.method());
            OrderParameterOde ode = new OrderParameterOde(m, p);
            double[][] states = new double[times.length][];
            method.create(method.tolerances()).integrate(ode, ode.pack(p), times, (j, y) -> states[j] = y.clone(), t -> { });
            for (int j = 0; j < times.length; j++) {
                assertEquals(ode.generalisationError(states[j]), byName.eg()[j], 0, method.userName() + " alpha = " + times[j]);
                assertEquals(3 + 4, byName.columns()[j].length, "Q_ik (i <= k) and R_in");
            }
            LearningCurve faster = OdeIntegration.integrate(m.withEta(0.55), p, times, method.tolerances(), false,
                    Progress.NONE, method);
            assertTrue(faster.maxGap(byName) > 1e-4, "control: " + faster.maxGap(byName));
        }
    }

    /** A divergent run is refused by both methods (η far above 2/λ_1 for the linear network). */
    @Test
    void divergenceIsRefusedByBothMethods() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 2, 2, EigenspaceSpectrum.powerLaw(4, 1), 5, OutputScaling.NONE);
        OrderParameters p = Weights.draw(2, 2, 512, 4, 0.1, 1, 2).orderParameters();
        for (Integrator method : Integrator.values()) {
            assertThrows(InvalidInputException.class, () -> OdeIntegration.integrate(m, p, OdeIntegration.logTimes(100, 5),
                    method.tolerances(), false, Progress.NONE, method), method.userName());
        }
        // control: a stable learning rate integrates
        OdeIntegration.integrate(m.withEta(0.1), p, OdeIntegration.logTimes(100, 5), Tolerances.DEFAULT, false, Progress.NONE,
                Integrator.DP853);
    }
}
