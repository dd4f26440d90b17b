package org.powerspec.dynamics;

import java.util.Locale;
import org.powerspec.InvalidInputException;

/**
 * The integrators for the order-parameter ODEs: Hipparchus' Dormand–Prince 8(5,3) ({@code dp853}, high order, its
 * step bounded by stability ≈ 6/(ηλ_1) once the top eigenspaces converge) and the stabilised second-order
 * Runge–Kutta–Chebyshev method ({@code rkc}, {@link ChebyshevIntegrator}; Sommeijer, Shampine &amp; Verwer 1997), whose
 * cost grows like the square root of the stiffness λ_1/λ_L = L^(1+β) — the one to use for large L.
 */
public enum Integrator {
    DP853(Tolerances.DEFAULT), RKC(Tolerances.RKC);

    private final Tolerances tolerances;

    Integrator(Tolerances tolerances) {
        this.tolerances = tolerances;
    }

    /** The tolerances it is used with by default (1e-14/1e-10 for dp853, 1e-12/1e-8 for the second-order rkc). */
    public Tolerances tolerances() {
        return tolerances;
    }

    /** True for the Runge–Kutta–Chebyshev method. */
    public boolean chebyshev() {
        return this == RKC;
    }

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses dp853 or rkc; {@code option} names the option or key in the one-line error. */
    public static Integrator parse(String s, String option) {
        for (Integrator i : values()) {
            if (i.userName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new InvalidInputException(option + " '" + s + "' is not known: allowed are dp853, rkc");
    }
}
