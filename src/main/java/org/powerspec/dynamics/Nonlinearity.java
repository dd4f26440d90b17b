package org.powerspec.dynamics;

import java.util.Locale;

/**
 * The hidden units' activation g of the soft committee machine σ = Σ_i g(x_i): {@code erf}, g(x) = erf(x/√2)
 * (Saad &amp; Solla 1995), with g′(x) = √(2/π)·e^(−x²/2); or {@code linear}, g(x) = x.
 */
public enum Nonlinearity {
    ERF, LINEAR;

    /** g(x). */
    public double value(double x) {
        return this == LINEAR ? x : org.hipparchus.special.Erf.erf(x / Math.sqrt(2));
    }

    /** g′(x). */
    public double derivative(double x) {
        return this == LINEAR ? 1 : Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * x * x);
    }

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Nonlinearity parse(String s) {
        return org.powerspec.Choices.parse(values(), s, "activation");
    }
}
