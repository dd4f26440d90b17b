package org.powerspec.check.spectral;

import java.util.Locale;

/** Which constant of a two-sided bound c·rate(j) ≤ λ_j ≤ C·rate(j) a ratio threatens or breaks: c (lower) or C (upper). */
public enum Side {
    LOWER, UPPER;

    /** "lower" or "upper", as printed and written to JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
