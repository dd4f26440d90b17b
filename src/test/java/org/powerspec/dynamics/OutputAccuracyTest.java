package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;

/**
 * The learning curve at interior output times carries the integrators' own error control: against the linear
 * network's closed form, and Dormand–Prince against RKC on erf, at every output time.
 */
class OutputAccuracyTest {
    /** Linear, K = M = 2, L = 8, β = 1, η = 0.1, σ_J = 0.3, N = 512: steps bounded by accuracy, not stability, for α ≤ 20. */
    private static final TwoLayerModel LINEAR = new TwoLayerModel(Nonlinearity.LINEAR, 2, 2, EigenspaceSpectrum.powerLaw(8, 1), 0.1,
            OutputScaling.NONE);
    private static final OrderParameters LINEAR_INIT = Weights.draw(2, 2, 512, 8, 0.3, 1, 1).orderParameters();

    private static double worstRelative(double[] got, double[] exact) {
        double w = 0;
        for (int j = 1; j < exact.length; j++) {
            w = Math.max(w, Math.abs(got[j] - exact[j]) / exact[j]);
        }
        return w;
    }

    /**
     * ε_g at the 69 times of the default grid (20 per decade) to α = 20, rel-tol 1e-10, agrees with the closed form to
     * 1e-10 relative at every one (measured 2.8e-11). Control: the same integrator sampled by its dense output (what
     * DormandPrinceSampler did before: one integration, the step's interpolant evaluated at each α_j) is off by more
     * than 1e-9 (measured 2.6e-9) and ten times more.
     */
    @Test
    void dormandPrinceAtInteriorTimesMatchesTheLinearClosedForm() {
        double[] times = OdeIntegration.logTimes(20, 20);
        Tolerances tol = Tolerances.DEFAULT;
        double[] exact = new LinearClosedForm(LINEAR, LINEAR_INIT).curve(times).eg();
        LearningCurve landed = OdeIntegration.integrate(LINEAR, LINEAR_INIT, times, tol, false, Progress.NONE, Integrator.DP853);
        double now = worstRelative(landed.eg(), exact);
        assertTrue(now < 1e-10, "landing on each output time: max relative error " + now);

        OrderParameterOde ode = new OrderParameterOde(LINEAR, LINEAR_INIT);
        double[] interpolated = new double[times.length];
        interpolated[0] = ode.generalisationError(ode.pack(LINEAR_INIT));
        int[] next = {1};
        DormandPrince853Integrator dp = new DormandPrince853Integrator(0, 20, tol.absolute(), tol.relative());
        dp.addStepHandler(in -> {
            while (next[0] < times.length && times[next[0]] <= in.getCurrentState().getTime()) {
                interpolated[next[0]] = ode.generalisationError(in.getInterpolatedState(times[next[0]]).getPrimaryState());
                next[0]++;
            }
        });
        dp.integrate(ode, new ODEState(0, ode.pack(LINEAR_INIT)), 20);
        double before = worstRelative(interpolated, exact);
        assertTrue(before > 1e-9 && before > 10 * now, "control, dense output: " + before + " against " + now);
    }

    /**
     * erf, K = M = 2, L = 16, β = 1, η = 0.5, σ_J = 0.01, α ≤ 200 (the plateau and its escape): Dormand–Prince at
     * rel-tol 1e-12 and RKC at 1e-13 agree to 3e-8 relative at every output time (measured 8.6e-9), and RKC converges
     * onto Dormand–Prince: at 1e-11 it is more than five times further (measured 1.9e-7). Control: Dormand–Prince for
     * η·(1 + 1e-6) is told apart at the same threshold (measured 1.6e-6).
     */
    @Test
    void dormandPrinceAndRkcAgreeAtEveryOutputTimeAtTightTolerance() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(16, 1), 0.5, OutputScaling.NONE);
        OrderParameters p = Weights.draw(2, 2, 1024, 16, 0.01, 1, 1).orderParameters();
        double[] times = OdeIntegration.logTimes(200, 10);
        double[] dp = OdeIntegration.integrate(m, p, times, new Tolerances(1e-16, 1e-12), false, Progress.NONE, Integrator.DP853).eg();
        double[] rkc = OdeIntegration.integrate(m, p, times, new Tolerances(1e-17, 1e-13), false, Progress.NONE, Integrator.RKC).eg();
        double[] rkcLoose = OdeIntegration.integrate(m, p, times, new Tolerances(1e-15, 1e-11), false, Progress.NONE, Integrator.RKC).eg();
        double gap = worstRelative(rkc, dp);
        assertTrue(gap < 3e-8, "dp853 1e-12 vs rkc 1e-13: " + gap);
        double loose = worstRelative(rkcLoose, dp);
        assertTrue(loose > 5 * gap, "rkc 1e-11 is further: " + loose + " vs " + gap);
        double[] other = OdeIntegration.integrate(m.withEta(0.5 * (1 + 1e-6)), p, times, new Tolerances(1e-16, 1e-12), false,
                Progress.NONE, Integrator.DP853).eg();
        double control = worstRelative(other, dp);
        assertTrue(control > 3e-8, "control, eta (1 + 1e-6): " + control);
    }
}
