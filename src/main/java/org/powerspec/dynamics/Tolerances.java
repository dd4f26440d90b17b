package org.powerspec.dynamics;

import org.powerspec.InvalidInputException;

/**
 * Error control of the adaptive Dormand–Prince 8(5,3) integrator: a step is accepted when every component's local
 * error estimate is below {@code absolute + relative·|y|}. The defaults (relative 1e-8, absolute 1e-12) keep ε_g to
 * about 1e-7 relative: the order parameters that matter are O(1/L), and the absolute floor sits far below the
 * smallest one that moves ε_g at that level. The system is stiff-ish (λ_1/λ_L = L^(1+β)); an explicit method's step
 * is then bounded by stability, ≈ 3/(ηλ_1·(coupling)), not by these tolerances, once the fast eigenspaces have
 * converged: step counts are reported so that cost is visible.
 *
 * @param absolute absolute tolerance per component
 * @param relative relative tolerance per component
 */
public record Tolerances(double absolute, double relative) {
    public static final Tolerances DEFAULT = new Tolerances(1e-12, 1e-8);

    public Tolerances {
        if (!(absolute > 0) || !Double.isFinite(absolute)) {
            throw new InvalidInputException("--abs-tol " + absolute + " is not allowed: it must be positive and finite");
        }
        if (!(relative > 0) || !(relative < 1)) {
            throw new InvalidInputException("--rel-tol " + relative + " is not allowed: 0 < rel-tol < 1");
        }
    }
}
