package org.powerspec.dynamics;

import java.util.function.DoubleConsumer;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Hipparchus' adaptive Dormand–Prince 8(5,3) pair (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.10: an
 * explicit embedded Runge–Kutta method of order 8 with 5th- and 3rd-order error estimators) sampled at the output
 * times by its 7th-order dense output: a step handler evaluates the step's interpolant at every α_j the step
 * reaches, so the outputs never shorten the steps. A step is accepted when the error is below
 * {@code absolute + relative·|y|} per component ({@link Tolerances}); Hipparchus stops with its own exception when
 * the state becomes non-finite.
 */
public final class DormandPrinceSampler extends ErrorControlledIntegrator {

    public DormandPrinceSampler(double atol, double rtol) {
        super(atol, rtol);
    }

    @Override
    public void integrate(OrdinaryDifferentialEquation ode, double[] y0, double[] times, Output out,
            DoubleConsumer progress) {
        steps = 0;
        evaluations = 0;
        int[] next = {0};
        while (next[0] < times.length && times[next[0]] <= 0) {
            out.at(next[0]++, y0);
        }
        if (next[0] == times.length) {
            return;
        }
        double end = times[times.length - 1];
        DormandPrince853Integrator dp = new DormandPrince853Integrator(0, Math.max(end, 1e-300), atol, rtol);
        dp.addStepHandler(interpolator -> {
            steps++;
            double tEnd = interpolator.getCurrentState().getTime();
            while (next[0] < times.length && times[next[0]] <= tEnd) {
                int j = next[0]++;
                out.at(j, interpolator.getInterpolatedState(times[j]).getPrimaryState());
            }
            progress.accept(tEnd);
        });
        try {
            dp.integrate(ode, new ODEState(0, y0), end);
        } finally {
            evaluations = dp.getEvaluations();
        }
    }
}
