package org.powerspec.numeric;

/** The arithmetic a spectrum is computed in. */
public enum Precision {
    /** IEEE double (unit roundoff ε = 2^−53 ≈ 1.1e−16): native LAPACK, fast. */
    DOUBLE(0x1.0p-53, 17),
    /** Double-double (unit roundoff 2^−104 ≈ 4.9e−32) end to end: G, K and the eigen-solver. */
    HIGH(0x1.0p-104, 32);

    private final double unitRoundoff;
    private final int digits;

    Precision(double unitRoundoff, int digits) {
        this.unitRoundoff = unitRoundoff;
        this.digits = digits;
    }

    /** u, the unit roundoff. */
    public double unitRoundoff() {
        return unitRoundoff;
    }

    /** Significant digits an eigenvalue is printed with. */
    public int digits() {
        return digits;
    }

    public String userName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The precision named {@code text} (double or high, any case); {@code what} names the option or key in the
     * one-line error, e.g. {@code --precision}.
     */
    public static Precision parse(String text, String what) {
        return org.powerspec.Choices.parse(values(), text, what);
    }
}
