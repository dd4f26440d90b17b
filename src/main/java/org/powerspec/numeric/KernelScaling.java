package org.powerspec.numeric;

import org.powerspec.numeric.dd.DoubleDoubleArithmetic;

/**
 * Powers of two that keep the evaluation of K and its eigenvalues inside double's exponent range, chosen from the
 * diagonal of G and the kernel's terms before K is formed.
 *
 * <p>K_ab = (1/d)·Σ_t q_t·s_a^{i_t}·s_b^{j_t}·G_ab^{k_t} with s_a² = G_aa. Its coefficients and entries outgrow
 * double's range long before the theorem's p stops being interesting: for f = y^p, K_aa = (1/d)·(2p − 1)!!·G_aa^p,
 * and (2p − 1)!! ≈ 10^233 at p = 120, 10^307 at p = 150, 10^434 at p = 200; the coefficient b_p = p! alone overflows
 * at p = 171. Every term is homogeneous in G of degree n_t/2, n_t = i_t + j_t + 2k_t ({@link KernelTerms}), so with
 * an even integer g and an integer E
 * <pre>
 *   G = 2^g·G',   K = 2^E·K',   K'_ab = (1/d)·Σ_t q_t·2^{g·n_t/2 − E}·s'_a^{i_t}·s'_b^{j_t}·G'_ab^{k_t},   s'_a² = G'_aa,
 * </pre>
 * exactly (g even makes s'_a = 2^{−g/2}·s_a a power-of-two multiple too). g brings max_a G'_aa into [1, 4), so
 * |G'_ab| &lt; 4 (Cauchy–Schwarz) and no power of G' over- or underflows; E makes max_a K'_aa about 1 (in [1, 2)
 * up to the rounding of this estimate), so the eigen-solver sees a matrix of norm about 1 to d. Multiplying by a
 * power of two is exact in binary floating point wherever the result is a normal number, so K' is the matrix
 * that would have been computed without scaling, times 2^−E, rounding for rounding — except that terms below
 * 2^−1022 relative to the largest are lost, far below any error bound. Eigenvalues and their error bounds
 * scale with K: λ_j(K) = 2^E·λ_j(K'), and a bound β' for K' is the bound 2^E·β' for K.
 *
 * <p>The diagonal is evaluated here in double from the scaled coefficients: K_aa = (1/d)·Σ_t q_t·G_aa^{n_t/2}, to
 * choose E and to decide whether the spectrum can be reported at all. K is a covariance matrix (positive
 * semi-definite), so max_a K_aa ≤ λ_max(K) ≤ trace K; see {@link #representable()}.
 */
public final class KernelScaling {

    /** trace K must lie below 2^{@value}: then λ_max, ‖K‖ and every error bound are finite doubles. */
    public static final int MAX_LOG2 = 1023;
    /**
     * max_a K_aa must be at least 2^{@value}: then λ_max, its bound (≥ 2^−104·λ_max) and the trailing part of a
     * double-double eigenvalue within a factor 2^104 of λ_max (≥ 2^−106 of it) are all normal doubles.
     */
    public static final int MIN_LOG2 = -800;

    private final int gramExponent;
    /** 2^−g where that is a normal double, else 0. */
    private final double gramFactor;
    private final int kernelExponent;
    private final int[] shift;
    private final KernelTerms terms;
    private final double log2MaxDiagonal;
    private final double log2Trace;

    private KernelScaling(int gramExponent, int kernelExponent, int[] shift, KernelTerms terms,
            double log2MaxDiagonal, double log2Trace) {
        this.gramExponent = gramExponent;
        this.gramFactor = -gramExponent >= Double.MIN_EXPONENT && -gramExponent <= Double.MAX_EXPONENT
                ? Math.scalb(1.0, -gramExponent) : 0;
        this.kernelExponent = kernelExponent;
        this.shift = shift;
        this.terms = terms;
        this.log2MaxDiagonal = log2MaxDiagonal;
        this.log2Trace = log2Trace;
    }

    /**
     * The scaling for K from G's diagonal.
     *
     * @param gramDiagonal G_aa for a = 0..n−1 (their high parts, for a double-double G), non-negative
     * @param terms        the kernel's terms
     * @param d            the prefactor 1/d
     */
    public static KernelScaling of(double[] gramDiagonal, KernelTerms terms, int d) {
        double maxG = 0;
        for (double x : gramDiagonal) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("G's diagonal must be finite and non-negative, got " + x);
            }
            maxG = Math.max(maxG, x);
        }
        // g even with max G' = maxG·2^−g in [1, 4)
        int g = maxG > 0 ? Math.floorDiv(Math.getExponent(maxG), 2) * 2 : 0;
        int n = terms.size();
        int e0 = Integer.MIN_VALUE;
        for (int t = 0; t < n; t++) {
            e0 = Math.max(e0, terms.exponent()[t] + g / 2 * terms.gramDegree2(t));
        }
        if (n == 0) {
            e0 = 0;
        }
        // K'_aa at the provisional exponent e0: every scaled coefficient is at most 2 in magnitude
        double[] q = new double[n];
        for (int t = 0; t < n; t++) {
            q[t] = Math.scalb(terms.hi()[t], terms.exponent()[t] + g / 2 * terms.gramDegree2(t) - e0);
        }
        double maxDiagonal = 0;
        double trace = 0;
        for (double x : gramDiagonal) {
            double y = Math.scalb(x, -g);
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += q[t] * Math.pow(y, terms.gramDegree2(t) / 2.0);
            }
            sum /= d;
            maxDiagonal = Math.max(maxDiagonal, sum);
            trace += Math.max(sum, 0);
        }
        int e = maxDiagonal > 0 ? e0 + Math.getExponent(maxDiagonal) : e0;
        int[] shift = new int[n];
        for (int t = 0; t < n; t++) {
            shift[t] = terms.exponent()[t] + g / 2 * terms.gramDegree2(t) - e;
        }
        double log2 = 1 / Math.log(2);
        return new KernelScaling(g, e, shift, terms, Math.log(maxDiagonal) * log2 + e0, Math.log(trace) * log2 + e0);
    }

    /** g: G = 2^g·G' (even). */
    public int gramExponent() {
        return gramExponent;
    }

    /** E: K = 2^E·K', eigenvalues and error bounds of K' times 2^E are those of K. */
    public int kernelExponent() {
        return kernelExponent;
    }

    /** The terms this scaling was made for. */
    public KernelTerms terms() {
        return terms;
    }

    /** log₂ of max_a K_aa, a lower bound on log₂ λ_max(K) (−∞ when K's diagonal is zero). */
    public double log2MaxDiagonal() {
        return log2MaxDiagonal;
    }

    /** log₂ of trace K, an upper bound on log₂ λ_max(K) (−∞ when K's diagonal is zero). */
    public double log2Trace() {
        return log2Trace;
    }

    /**
     * Whether K's spectrum can be reported in doubles: K = 0 (every diagonal entry zero), or trace K &lt; 2^{@value
     * #MAX_LOG2} and max_a K_aa ≥ 2^{@value #MIN_LOG2}. The two tests are on bounds of λ_max that are at most a
     * factor d apart, so a refused spectrum is at most a factor d beyond the range.
     */
    public boolean representable() {
        if (log2MaxDiagonal == Double.NEGATIVE_INFINITY) {
            return true;
        }
        return log2Trace < MAX_LOG2 && log2MaxDiagonal >= MIN_LOG2;
    }

    /** The scaled coefficient q_t·2^{g·n_t/2 − E} in double (q_t rounded to double, then scaled exactly). */
    public double coefficient(int t) {
        return Math.scalb(terms.hi()[t], shift[t]);
    }

    /** The scaled coefficient q_t·2^{g·n_t/2 − E} divided by d, in double-double, into out. */
    public void coefficientOverD(int t, int d, double[] out) {
        DoubleDoubleArithmetic.normalize(terms.hi()[t], terms.lo()[t], out);
        DoubleDoubleArithmetic.divide(out[0], out[1], d, 0, out);
        double h = Math.scalb(out[0], shift[t]);
        double l = Math.scalb(out[1], shift[t]);
        DoubleDoubleArithmetic.normalize(h, l, out);
    }

    /**
     * x·2^−g: an entry of G' from one of G. A product with the double 2^−g is correctly rounded like
     * {@link Math#scalb} (both are exact unless the result is subnormal), and quicker.
     */
    public double scaleGram(double x) {
        return gramFactor != 0 ? x * gramFactor : Math.scalb(x, -gramExponent);
    }

    /** x·2^E: an eigenvalue or bound of K from one of K'. */
    public double unscale(double x) {
        return Math.scalb(x, kernelExponent);
    }
}
