package org.powerspec.dynamics;

import java.util.Locale;

/**
 * The integrators for the order-parameter ODEs: Hipparchus' Dormand–Prince 8(5,3) ({@code dp853},
 * {@link DormandPrinceSampler}; high order, its step bounded by stability ≈ 6/(ηλ_1) once the top eigenspaces
 * converge) and the stabilised second-order Runge–Kutta–Chebyshev method ({@code rkc}, {@link ChebyshevIntegrator};
 * Sommeijer, Shampine &amp; Verwer 1997), whose cost grows like the square root of the stiffness λ_1/λ_L = L^(1+β) —
 * the one to use for large L. Each {@link #create}s a {@link SampledIntegrator}, so that the caller samples the
 * solution in one place whichever method runs.
 */
public enum Integrator {
    DP853(Tolerances.DEFAULT, "Dormand-Prince 8(5,3)"), RKC(Tolerances.RKC, "Runge-Kutta-Chebyshev RKC");

    private final Tolerances tolerances;
    private final String label;

    Integrator(Tolerances tolerances, String label) {
        this.tolerances = tolerances;
        this.label = label;
    }

    /** The tolerances it is used with by default (1e-14/1e-10 for dp853, 1e-12/1e-8 for the second-order rkc). */
    public Tolerances tolerances() {
        return tolerances;
    }

    /** The method's name in a learning curve's description: "Dormand-Prince 8(5,3)" or "Runge-Kutta-Chebyshev RKC". */
    public String label() {
        return label;
    }

    /** A new integrator of this method with the given error control. */
    public SampledIntegrator create(Tolerances tol) {
        return switch (this) {
            case DP853 -> new DormandPrinceSampler(tol.absolute(), tol.relative());
            case RKC -> new ChebyshevIntegrator(tol.absolute(), tol.relative());
        };
    }

    /**
     * True when the method itself stops on a non-finite state: Hipparchus' Dormand–Prince does (its exception names
     * the time), so a non-finite ε_g at α ≤ 0 is left to it; RKC's step control only rejects a step whose error
     * estimate is not finite, and does not end from a non-finite start, which must therefore be refused at once.
     */
    public boolean stopsOnNonFiniteState() {
        return this == DP853;
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
        return org.powerspec.Choices.parse(values(), s, option);
    }
}
