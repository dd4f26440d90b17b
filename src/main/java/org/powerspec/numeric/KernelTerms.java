package org.powerspec.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * The kernel polynomial E[f(u)f(v)] = Σ_t q_t·s_a^{i_t}·s_b^{j_t}·c^{k_t} of the symbolic layer, made ready for
 * numerics: each exact rational q_t (to 60 digits) split into a double-double pair by
 * {@link DoubleDouble#fromBigDecimal} (hi = q rounded to double, lo = the rounding error rounded to double,
 * renormalised; relative error ≤ 2^−106), with its exponents. With {@code centred}, the k = 0 terms — exactly the
 * product μ_a μ_b of the mean features μ_a = E[f(u_a)] = h_0(s_a) — are dropped, which subtracts the mean feature's rank-one
 * term (1/d)·μμᵀ from K.
 *
 * @param hi       the high part of q_t (q_t rounded to double)
 * @param lo       the low part of q_t (q_t − hi, rounded to double)
 * @param sa       i_t
 * @param sb       j_t
 * @param c        k_t
 * @param centred  whether the mean term was removed
 */
public record KernelTerms(double[] hi, double[] lo, int[] sa, int[] sb, int[] c, boolean centred) {

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
        int[] sa = new int[n];
        int[] sb = new int[n];
        int[] c = new int[n];
        MathContext mc = new MathContext(60);
        for (int t = 0; t < n; t++) {
            BigFraction q = kept.get(t).getValue();
            BigDecimal exact = new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()), mc);
            DD pair = DoubleDouble.fromBigDecimal(exact);
            hi[t] = pair.hi();
            lo[t] = pair.lo();
            sa[t] = kept.get(t).getKey().sa();
            sb[t] = kept.get(t).getKey().sb();
            c[t] = kept.get(t).getKey().c();
        }
        return new KernelTerms(hi, lo, sa, sb, c, centred);
    }

    public int size() {
        return hi.length;
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
