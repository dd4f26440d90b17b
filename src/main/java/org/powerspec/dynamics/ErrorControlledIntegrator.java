package org.powerspec.dynamics;

/**
 * What the two adaptive integrators share: the error control — a step is accepted when its error estimate is below
 * {@code atol + rtol·|y|} per component ({@link Tolerances}) — and the counts of accepted steps and right-hand-side
 * evaluations of the last integration.
 */
abstract class ErrorControlledIntegrator implements SampledIntegrator {
    /** The absolute tolerance. */
    protected final double atol;
    /** The relative tolerance. */
    protected final double rtol;
    /** Accepted steps of the last integration. */
    protected long steps;
    /** Right-hand-side evaluations of the last integration. */
    protected long evaluations;

    protected ErrorControlledIntegrator(double atol, double rtol) {
        this.atol = atol;
        this.rtol = rtol;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long evaluations() {
        return evaluations;
    }
}
