package org.powerspec.dynamics;

import java.util.function.DoubleConsumer;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * An integrator of y′ = F(α, y) from α = 0 that reports the solution only at requested output times
 * α_0 ≤ α_1 ≤ …, each once and in order, through one callback — the role Hipparchus' {@code ODEStepHandler} plays
 * for its own integrators. Output times α_j ≤ 0 receive the initial state y(0) itself. Every implementation ends a
 * step on each α_j — by integrating to α_j and restarting there ({@link DormandPrinceSampler}) or by shortening the
 * step that would pass it ({@link ChebyshevIntegrator}) — so that the state handed over is one the error control
 * accepted, never an interpolation between step ends; {@link Integrator#create} makes the one a method names.
 */
public interface SampledIntegrator {
    /** Receives the state at output time {@code times[index]}; the array may be reused after the call. */
    @FunctionalInterface
    interface Output {
        void at(int index, double[] y);
    }

    /**
     * Integrates from y(0) = {@code y0} to the last of {@code times} (ascending), handing y(α_j) to {@code out} for
     * every j, and the time reached to {@code progress} after every accepted step.
     */
    void integrate(OrdinaryDifferentialEquation ode, double[] y0, double[] times, Output out, DoubleConsumer progress);

    /** Accepted steps of the last integration. */
    long steps();

    /** Right-hand-side evaluations of the last integration. */
    long evaluations();
}
