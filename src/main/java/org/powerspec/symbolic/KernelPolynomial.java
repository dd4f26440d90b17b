package org.powerspec.symbolic;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;

/**
 * The Gaussian kernel E[f(u)f(v)] of a polynomial activation f, for (u, v) jointly Gaussian with mean zero,
 * Var u = s_a², Var v = s_b², Cov(u,v) = c, as an exact polynomial Σ coef·s_a^i·s_b^j·c^k in the three
 * variables {@code sa, sb, c}.
 *
 * <p>From the chaos expansion (see {@link ChaosExpansion}): writing u = s_a z, v = s_b z′ with Corr(z,z′) = ρ =
 * c/(s_a s_b) and using E[He_j(z)He_k(z′)] = δ_jk·k!·ρ^k,
 * <pre>
 *   E[f(u)f(v)] = Σ_k k!·c_k(s_a)·c_k(s_b)·ρ^k = Σ_k k!·h_k(s_a)·h_k(s_b)·c^k,
 * </pre>
 * with c_k(s) = s^k h_k(s) the He_k coefficients of y ↦ f(s·y). For f = y^p this is Σ_k b_k·c^k·(s_a s_b)^(p−k).
 * The random-feature covariance of the numeric layer is K_ab = (1/d)·E[f(u)f(v)] at s_a² = G_aa, s_b² = G_bb,
 * c = G_ab. Immutable; terms are kept in a canonical order (descending c, then s_a, then s_b), zero terms dropped.
 *
 * @param terms the non-zero coefficients by exponent
 */
public record KernelPolynomial(Map<Exponents, BigFraction> terms) {

    /** The exponents (i, j, k) of s_a^i·s_b^j·c^k. */
    public record Exponents(int sa, int sb, int c) {
        static final Comparator<Exponents> ORDER = Comparator.comparingInt(Exponents::c).reversed()
                .thenComparing(Comparator.comparingInt(Exponents::sa).reversed())
                .thenComparing(Comparator.comparingInt(Exponents::sb).reversed());
    }

    public KernelPolynomial {
        TreeMap<Exponents, BigFraction> t = new TreeMap<>(Exponents.ORDER);
        terms.forEach((e, q) -> {
            if (q.signum() != 0) {
                t.put(e, q);
            }
        });
        terms = Collections.unmodifiableSortedMap(t);
    }

    /** E[f(u)f(v)] = Σ_k k!·h_k(s_a)·h_k(s_b)·c^k from the chaos expansion. */
    public static KernelPolynomial of(ChaosExpansion expansion) {
        TreeMap<Exponents, BigFraction> t = new TreeMap<>(Exponents.ORDER);
        for (int k = 0; k <= expansion.degree(); k++) {
            BigFraction kf = new BigFraction(Rationals.factorial(k));
            Polynomial h = expansion.scaledCoefficient(k);
            for (int i = 0; i <= h.degree(); i++) {
                for (int j = 0; j <= h.degree(); j++) {
                    BigFraction q = kf.multiply(h.coefficient(i)).multiply(h.coefficient(j));
                    if (q.signum() != 0) {
                        t.merge(new Exponents(i, j, k), q, BigFraction::add);
                    }
                }
            }
        }
        return new KernelPolynomial(t);
    }

    /** The polynomial with s_a = s_b = 1 and c = ρ: κ(ρ) when f's kernel is taken at unit variances. */
    public Polynomial atUnitVariances() {
        TreeMap<Integer, BigFraction> byPower = new TreeMap<>();
        terms.forEach((e, q) -> byPower.merge(e.c(), q, BigFraction::add));
        int top = byPower.isEmpty() ? -1 : byPower.lastKey();
        java.util.List<BigFraction> c = new java.util.ArrayList<>();
        for (int k = 0; k <= top; k++) {
            c.add(byPower.getOrDefault(k, BigFraction.ZERO));
        }
        return new Polynomial(c);
    }

    /** The polynomial's value at (s_a, s_b, c) in double precision. */
    public double evaluate(double sa, double sb, double c) {
        double sum = 0;
        for (Map.Entry<Exponents, BigFraction> e : terms.entrySet()) {
            Exponents x = e.getKey();
            sum += e.getValue().doubleValue() * Math.pow(sa, x.sa()) * Math.pow(sb, x.sb()) * Math.pow(c, x.c());
        }
        return sum;
    }

    /** The polynomial in Symja input syntax in the symbols {@code sa, sb, c}. */
    public String toSymja() {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        terms.forEach((e, q) -> {
            if (s.length() > 0) {
                s.append('+');
            }
            s.append(Rationals.symja(q));
            appendPower(s, "c", e.c());
            appendPower(s, "sa", e.sa());
            appendPower(s, "sb", e.sb());
        });
        return s.toString();
    }

    private static void appendPower(StringBuilder s, String var, int n) {
        if (n > 0) {
            s.append('*').append(var);
        }
        if (n > 1) {
            s.append('^').append(n);
        }
    }
}
