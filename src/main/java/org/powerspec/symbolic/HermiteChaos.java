package org.powerspec.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The Hermite (Wiener) chaos expansion of polynomial activations.
 *
 * <p>For z ~ N(0,1) and the probabilists' Hermite polynomials He_k (He_0 = 1, He_1 = y,
 * He_{k+1} = y·He_k − k·He_{k−1}), which are orthogonal with E[He_j(z)He_k(z)] = k!·δ_jk, every polynomial f has
 * the finite expansion f(y) = Σ_k c_k He_k(y) with c_k = E[f(z)He_k(z)]/k!. For the monomial (inverse explicit
 * expression, e.g. Wikipedia "Hermite polynomials"):
 * <pre>
 *   y^n = Σ_{k ≡ n (mod 2)} n! / (k!·2^m·m!) · He_k(y),   m = (n−k)/2,
 * </pre>
 * so c_k(y^n) = C(n,k)·(n−k−1)!!, an integer; a general f = Σ_n a_n y^n follows by linearity. The
 * kernel coefficients b_k = k!·c_k² are those of κ(ρ) = E[f(z)f(z′)] for unit-variance z, z′ with correlation ρ
 * (Mehler's formula): κ(ρ) = Σ_k b_k ρ^k.
 *
 * <p>Everything is exact integer or rational arithmetic; no floating point and no computer algebra system, so a
 * table for p = 1..12 costs microseconds.
 */
public final class HermiteChaos {
    private HermiteChaos() {
    }

    /**
     * The coefficient of He_k in y^n: n!/(k!·2^m·m!) with m = (n−k)/2 when 0 ≤ k ≤ n and k ≡ n (mod 2), else 0.
     */
    public static BigInteger monomialCoefficient(int n, int k) {
        if (k < 0 || k > n || (n - k) % 2 != 0) {
            return BigInteger.ZERO;
        }
        int m = (n - k) / 2;
        return Rationals.factorial(n)
                .divide(Rationals.factorial(k).multiply(BigInteger.ONE.shiftLeft(m)).multiply(Rationals.factorial(m)));
    }

    /** He_k from the three-term recurrence He_{k+1} = y·He_k − k·He_{k−1}, exactly. */
    public static Polynomial hermite(int k) {
        Polynomial prev = Polynomial.ONE;
        if (k == 0) {
            return prev;
        }
        Polynomial cur = Polynomial.monomial(1);
        for (int j = 1; j < k; j++) {
            Polynomial next = cur.shift().add(prev.multiply(new BigFraction(-j)));
            prev = cur;
            cur = next;
        }
        return cur;
    }

    /** The chaos expansion of f at every scale: h_k(s) = Σ_n a_n·[He_k coefficient of y^n]·s^(n−k), k = 0..deg f. */
    public static ChaosExpansion expand(Activation f) {
        Polynomial poly = f.polynomial();
        int p = poly.degree();
        List<Polynomial> h = new ArrayList<>(p + 1);
        for (int k = 0; k <= p; k++) {
            List<BigFraction> hk = new ArrayList<>(p - k + 1);
            for (int n = k; n <= p; n++) {
                hk.add(poly.coefficient(n).multiply(monomialCoefficient(n, k)));
            }
            h.add(new Polynomial(hk));
        }
        return new ChaosExpansion(f, h);
    }
}
