package org.powerspec.dynamics;

import java.util.Locale;

/**
 * How the network outputs are normalised: {@code none}, σ = Σ_i g(x_i) and τ = Σ_n g(y_n) (the default
 * and Saad &amp; Solla's convention); {@code sqrt}, σ = (1/√K) Σ_i g(x_i) and τ = (1/√M) Σ_n g(y_n), the scaling
 * under which the reviewers' plateau width ∼ M²/L of Worschech &amp; Rosenow's analysis comes out.
 */
public enum OutputScaling {
    NONE, SQRT;

    /** The factor c_K multiplying a sum of {@code units} hidden outputs: 1 or 1/√units. */
    public double factor(int units) {
        return this == NONE ? 1 : 1 / Math.sqrt(units);
    }

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputScaling parse(String s) {
        return org.powerspec.Choices.parse(values(), s, "output_scaling");
    }
}
