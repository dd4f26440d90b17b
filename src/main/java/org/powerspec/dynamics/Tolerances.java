package org.powerspec.dynamics;

import org.powerspec.InvalidInputException;

/**
 * Error control of the adaptive Dormand–Prince 8(5,3) integrator: a step is accepted when every component's local
 * error estimate is below {@code absolute + relative·|y|}. ε_g is a difference of O(1) terms (for erf,
 * arcsin(Q)-terms minus arcsin(R)-terms), so its absolute error follows the order parameters' absolute error: the
 * defaults (relative 1e-10, absolute 1e-14) put it near 1e-12 (measured: ε_g(10⁴) = −1e-12 where the exact value
 * is ≈ 0, K = M = 2, L = 16), while relative 1e-8 / absolute 1e-12 leave −1.4e-9 there and 1e-12 / 1e-16 reach
 * the double-precision floor ≈ 4e-14, for 1.6%, resp. 10%, more steps. Values of ε_g below ~1e-11 are therefore
 * not resolved by default. The system is stiff-ish (λ_1/λ_L = L^(1+β)); an explicit method's step
 * is then bounded by stability, ≈ 3/(ηλ_1·(coupling)), not by these tolerances, once the fast eigenspaces have
 * converged: step counts are reported so that cost is visible.
 *
 * @param absolute absolute tolerance per component
 * @param relative relative tolerance per component
 */
public record Tolerances(double absolute, double relative) {
    public static final Tolerances DEFAULT = new Tolerances(1e-14, 1e-10);
    /** For the second-order RKC integrator, whose error constant makes 1e-10 needlessly costly. */
    public static final Tolerances RKC = new Tolerances(1e-12, 1e-8);

    public Tolerances {
        if (!(absolute > 0) || !Double.isFinite(absolute)) {
            throw new InvalidInputException("abs_tol", absolute + " is not allowed: it must be positive and finite");
        }
        if (!(relative > 0) || !(relative < 1)) {
            throw new InvalidInputException("rel_tol", relative + " is not allowed: 0 < rel-tol < 1");
        }
    }
}
