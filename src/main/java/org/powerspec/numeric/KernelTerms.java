package org.powerspec.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.powerspec.numeric.dd.DoubleDouble;
import org.powerspec.numeric.dd.DoubleDoubleArithmetic;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * The kernel polynomial E[f(u)f(v)] = Σ_t q_t·s_a^{i_t}·s_b^{j_t}·c^{k_t} of the symbolic layer, made ready for
 * numerics. Each exact rational q_t is held as a double-double mantissa and a binary exponent,
 * <pre>
 *   q_t = (hi_t + lo_t)·2^{e_t},   1 ≤ |hi_t| &lt; 2,
 * </pre>
 * so that coefficients beyond double's range are represented too: for f = y^p the coefficients are
 * b_k = k!·c_k², with b_p = p! (≈ 7.9e374 at p = 200) and Σ_k b_k = E[z^{2p}] = (2p − 1)!!. The mantissa is
 * q_t·2^{−e_t} to 60 digits split by {@link DoubleDoubleArithmetic#fromBigDecimal} (hi = the mantissa rounded to
 * double, lo = the rounding error rounded to double, renormalised; relative error ≤ 2^−106); multiplying it back by 2^{e_t} is exact
 * wherever the product is a normal double. With {@code centred}, the k = 0 terms — exactly the product μ_a μ_b of the
 * mean features μ_a = E[f(u_a)] = h_0(s_a) — are dropped, which subtracts the mean feature's rank-one term
 * (1/d)·μμᵀ from K.
 *
 * <p>Every term is homogeneous in G: at s_a² = G_aa, s_b² = G_bb, c = G_ab it has degree n_t/2 in the entries of G,
 * n_t = i_t + j_t + 2k_t ({@link #gramDegree2}), which is what lets {@link KernelScaling} evaluate K on G·2^{−g}
 * and multiply the coefficients by 2^{g·n_t/2} instead.
 *
 * @param hi       the high part of q_t's mantissa, 1 ≤ |hi| &lt; 2
 * @param lo       the low part of q_t's mantissa
 * @param exponent e_t, the binary exponent of q_t
 * @param sa       i_t
 * @param sb       j_t
 * @param c        k_t
 * @param centred  whether the mean term was removed
 */
public record KernelTerms(double[] hi, double[] lo, int[] exponent, int[] sa, int[] sb, int[] c, boolean centred) {

    /** The terms of {@code kernel}; without the k = 0 terms when {@code centred}. */
    public static KernelTerms of(KernelPolynomial kernel, boolean centred) {
        List<Map.Entry<KernelPolynomial.Exponents, BigFraction>> kept = new ArrayList<>();
        for (Map.Entry<KernelPolynomial.Exponents, BigFraction> e : kernel.terms().entrySet()) {
            if (!centred || e.getKey().c() > 0) {
                kept.add(e);
            }
        }
        int n = kept.size();
        double[] hi = new double[n];
        double[] lo = new double[n];
        int[] exponent = new int[n];
        int[] sa = new int[n];
        int[] sb = new int[n];
        int[] c = new int[n];
        for (int t = 0; t < n; t++) {
            BigFraction q = kept.get(t).getValue();
            int[] e = new int[1];
            DoubleDouble m = mantissa(q.getNumerator(), q.getDenominator(), e);
            hi[t] = m.hi();
            lo[t] = m.lo();
            exponent[t] = e[0];
            sa[t] = kept.get(t).getKey().sa();
            sb[t] = kept.get(t).getKey().sb();
            c[t] = kept.get(t).getKey().c();
        }
        return new KernelTerms(hi, lo, exponent, sa, sb, c, centred);
    }

    /**
     * num/den = m·2^{e[0]} with m a DD, 1 ≤ |m.hi| &lt; 2: the quotient of num·2^{−s} (or num) by den (or den·2^s), with
     * s the difference of the bit lengths, is in (1/2, 2) and converted at 60 digits; then normalised by the exact
     * power of two that brings hi into [1, 2).
     */
    static DoubleDouble mantissa(BigInteger num, BigInteger den, int[] e) {
        if (num.signum() == 0) {
            e[0] = 0;
            return DoubleDouble.ZERO;
        }
        int shift = num.abs().bitLength() - den.abs().bitLength();
        BigInteger n = shift < 0 ? num.shiftLeft(-shift) : num;
        BigInteger m = shift > 0 ? den.shiftLeft(shift) : den;
        DoubleDouble q = DoubleDoubleArithmetic.fromBigDecimal(
                new BigDecimal(n).divide(new BigDecimal(m), new MathContext(60)));
        int k = Math.getExponent(q.hi());
        e[0] = shift + k;
        return new DoubleDouble(Math.scalb(q.hi(), -k), Math.scalb(q.lo(), -k));
    }

    public int size() {
        return hi.length;
    }

    /** n_t = i_t + j_t + 2·k_t: twice the degree of term t in the entries of G. */
    public int gramDegree2(int t) {
        return sa[t] + sb[t] + 2 * c[t];
    }

    /** m = max_t n_t/2, the degree of the kernel polynomial in the entries of G (p for y^p; 0 without terms). */
    public double maxGramDegree() {
        int m = 0;
        for (int t = 0; t < size(); t++) {
            m = Math.max(m, gramDegree2(t));
        }
        return m / 2.0;
    }

    /** q_t as a double (infinite when beyond double's range, zero when below it). */
    public double coefficient(int t) {
        return Math.scalb(hi[t], exponent[t]);
    }

    /** The largest power of s_a or s_b in any term. */
    public int maxScalePower() {
        int m = 0;
        for (int t = 0; t < size(); t++) {
            m = Math.max(m, Math.max(sa[t], sb[t]));
        }
        return m;
    }

    /** The largest power of c in any term. */
    public int maxCovariancePower() {
        int m = 0;
        for (int t = 0; t < size(); t++) {
            m = Math.max(m, c[t]);
        }
        return m;
    }
}
