package org.powerspec.check.spectral;

import java.util.Locale;

/**
 * What the log–log slope of an extreme of r_j against d, with its 95 % interval, says of the constant it threatens
 * (tolerance τ = the claim's drift tolerance): {@link #PRESENT}, the whole interval beyond τ on the threatening side;
 * {@link #TOWARD}, the whole interval on the threatening side of 0 but not beyond τ — a real drift toward the constant,
 * which a HOLDS may not ignore; {@link #ABSENT}, the interval reaches 0 or the safe side and stays within τ;
 * {@link #UNDECIDED}, the interval straddles τ; {@link #NOT_ASSESSED}, too few sizes to fit a slope.
 */
public enum DriftStatus {
    PRESENT, TOWARD, ABSENT, UNDECIDED, NOT_ASSESSED;

    /** "present", "toward", "absent", "undecided", "not assessed", as printed and written to JSON. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
