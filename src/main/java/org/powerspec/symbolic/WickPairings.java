package org.powerspec.symbolic;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;

/**
 * Mixed Gaussian moments E[u^n v^m] by Isserlis' (Wick's) theorem, counting pairings — a second method for the
 * kernel that shares nothing with the Hermite expansion.
 *
 * <p>E[u^n v^m] is the sum over all perfect pairings of the n copies of u and m copies of v of the product of the
 * pair covariances (s_a² for u–u, s_b² for v–v, c for u–v). Pairing the first u with each of the other factors in
 * turn counts them: (n−1) ways to a u and m ways to a v, so
 * <pre>
 *   W(n, m) = (n−1)·s_a²·W(n−2, m) + m·c·W(n−1, m−1),   W(0, m) = (m−1)!!·s_b^m (m even, else 0),
 * </pre>
 * and E[f(u)f(v)] = Σ_{n,m} a_n a_m W(n, m) for f = Σ_n a_n y^n. Exact; W is memoised per (n, m).
 */
public final class WickPairings {
    private final Map<Long, KernelPolynomial> memo = new HashMap<>();

    /** E[u^n v^m] as a polynomial in s_a, s_b, c. */
    public KernelPolynomial moment(int n, int m) {
        if (n < 0 || m < 0) {
            return new KernelPolynomial(Map.of());
        }
        long key = ((long) n << 32) | m;
        KernelPolynomial cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        TreeMap<KernelPolynomial.Exponents, BigFraction> t = new TreeMap<>(KernelPolynomial.Exponents.ORDER);
        if (n == 0) {
            t.put(new KernelPolynomial.Exponents(0, m, 0), new BigFraction(Rationals.gaussianMoment(m)));
        } else {
            moment(n - 2, m).terms().forEach((e, q) -> t.merge(
                    new KernelPolynomial.Exponents(e.sa() + 2, e.sb(), e.c()), q.multiply(n - 1), BigFraction::add));
            moment(n - 1, m - 1).terms().forEach((e, q) -> t.merge(
                    new KernelPolynomial.Exponents(e.sa(), e.sb(), e.c() + 1), q.multiply(m), BigFraction::add));
        }
        KernelPolynomial r = new KernelPolynomial(t);
        memo.put(key, r);
        return r;
    }

    /** E[f(u)f(v)] = Σ_{n,m} a_n a_m E[u^n v^m]. */
    public KernelPolynomial kernel(Polynomial f) {
        TreeMap<KernelPolynomial.Exponents, BigFraction> t = new TreeMap<>(KernelPolynomial.Exponents.ORDER);
        for (int n = 0; n <= f.degree(); n++) {
            for (int m = 0; m <= f.degree(); m++) {
                BigFraction w = f.coefficient(n).multiply(f.coefficient(m));
                if (w.signum() != 0) {
                    moment(n, m).terms().forEach((e, q) -> t.merge(e, q.multiply(w), BigFraction::add));
                }
            }
        }
        return new KernelPolynomial(t);
    }
}
