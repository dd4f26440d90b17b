package org.powerspec.dynamics;

/**
 * Gaussian expectations of g(x) = erf(x/√2), g′(x) = √(2/π)·e^(−x²/2), over zero-mean jointly Gaussian fields with
 * covariance C (Saad &amp; Solla, Phys. Rev. E 52, 4225 (1995), Appendix; Biehl &amp; Schwarze 1995):
 * <ul>
 * <li>I2: E[g(u)g(v)] = (2/π)·arcsin(C_uv / √((1+C_uu)(1+C_vv)));</li>
 * <li>E[g′(u)g′(v)] = (2/π) / √((1+C_uu)(1+C_vv) − C_uv²);</li>
 * <li>E[g″(u)g(v)] = −(2/π)·C_uv / ((1+C_uu)·√((1+C_uu)(1+C_vv) − C_uv²)), from Stein's lemma applied to
 *     E[u g′(u) g(v)] = C_uu E[g″(u)g(v)] + C_uv E[g′(u)g′(v)] and Saad–Solla's I3;</li>
 * <li>I4: E[g′(u)g′(v)g(w)g(z)] = (4/π²)/√Λ4 · arcsin(Λ0/√(Λ1Λ2)), with (1 = u, 2 = v, 3 = w, 4 = z)
 *     Λ4 = (1+C11)(1+C22) − C12², Λ0 = Λ4 C34 − C23C24(1+C11) − C13C14(1+C22) + C12C13C24 + C12C14C23,
 *     Λ1 = Λ4(1+C33) − C23²(1+C11) − C13²(1+C22) + 2C12C13C23, Λ2 the same with 4 for 3.</li>
 * </ul>
 * Every formula is checked against Monte Carlo in the tests.
 */
public final class ErfIntegrals {
    static final double TWO_OVER_PI = 2 / Math.PI;

    private ErfIntegrals() {
    }

    /** E[g(u)g(v)]. */
    public static double i2(double cuu, double cvv, double cuv) {
        return TWO_OVER_PI * asinClamped(cuv / Math.sqrt((1 + cuu) * (1 + cvv)));
    }

    /** E[g′(u)g′(v)]. */
    public static double derivDeriv(double cuu, double cvv, double cuv) {
        return TWO_OVER_PI / Math.sqrt((1 + cuu) * (1 + cvv) - cuv * cuv);
    }

    /** E[g″(u)g(v)]. */
    public static double secondDerivValue(double cuu, double cvv, double cuv) {
        return -TWO_OVER_PI * cuv / ((1 + cuu) * Math.sqrt((1 + cuu) * (1 + cvv) - cuv * cuv));
    }

    /** E[g′(x_1)g′(x_2)g(x_3)g(x_4)] for the 4×4 covariance given by its six off-diagonal and four diagonal entries. */
    public static double i4(double c11, double c22, double c33, double c44, double c12, double c13, double c14,
            double c23, double c24, double c34) {
        double l4 = (1 + c11) * (1 + c22) - c12 * c12;
        double l0 = l4 * c34 - c23 * c24 * (1 + c11) - c13 * c14 * (1 + c22) + c12 * c13 * c24 + c12 * c14 * c23;
        double l1 = l4 * (1 + c33) - c23 * c23 * (1 + c11) - c13 * c13 * (1 + c22) + 2 * c12 * c13 * c23;
        double l2 = l4 * (1 + c44) - c24 * c24 * (1 + c11) - c14 * c14 * (1 + c22) + 2 * c12 * c14 * c24;
        return 4 / (Math.PI * Math.PI) / Math.sqrt(l4) * asinClamped(l0 / Math.sqrt(l1 * l2));
    }

    /** arcsin of a correlation, clamped to [−1, 1] against rounding when two fields coincide. */
    static double asinClamped(double x) {
        return Math.asin(Math.max(-1, Math.min(1, x)));
    }
}
