package org.powerspec.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The Hermite chaos expansion of a polynomial activation f = Σ_n a_n y^n, at every input scale.
 *
 * <p>For a scale s > 0, f(s·y) = Σ_k s^k·h_k(s)·He_k(y) with
 * <pre>
 *   h_k(s) = Σ_{n ≥ k, n ≡ k (mod 2)} a_n · n!/(k!·2^m·m!) · s^(n−k),   m = (n−k)/2,
 * </pre>
 * a polynomial in s. At unit scale the chaos coefficients are c_k = h_k(1), so f(y) = Σ_k c_k He_k(y), and the
 * kernel coefficients are b_k = k!·c_k², with κ(ρ) = E[f(z)f(z′)] = Σ_k b_k ρ^k for unit-variance jointly Gaussian
 * z, z′ of correlation ρ (Mehler). For f = y^p, h_k(s) = c_k·s^(p−k). Built by {@link HermiteChaos#expand};
 * immutable.
 *
 * @param activation the f expanded
 * @param scaled     h_0(s), …, h_p(s) (p = deg f), exact polynomials in s
 */
public record ChaosExpansion(Activation activation, List<Polynomial> scaled) {

    public ChaosExpansion {
        scaled = List.copyOf(scaled);
        if (scaled.size() != activation.degree() + 1) {
            throw new IllegalArgumentException("expected " + (activation.degree() + 1) + " coefficients, got " + scaled.size());
        }
    }

    /** p = deg f. */
    public int degree() {
        return scaled.size() - 1;
    }

    /** h_k(s), the zero polynomial outside 0..p. */
    public Polynomial scaledCoefficient(int k) {
        return k >= 0 && k < scaled.size() ? scaled.get(k) : Polynomial.ZERO;
    }

    /** c_k = h_k(1), zero outside 0..p. */
    public BigFraction coefficient(int k) {
        BigFraction sum = BigFraction.ZERO;
        for (BigFraction a : scaledCoefficient(k).coefficients()) {
            sum = sum.add(a);
        }
        return sum;
    }

    /** b_k = k!·c_k². */
    public BigFraction kernelCoefficient(int k) {
        BigFraction ck = coefficient(k);
        return ck.multiply(ck).multiply(Rationals.factorial(k));
    }

    /** κ(ρ) = Σ_k b_k ρ^k as a polynomial in ρ. */
    public Polynomial kappa() {
        List<BigFraction> b = new ArrayList<>(scaled.size());
        for (int k = 0; k < scaled.size(); k++) {
            b.add(kernelCoefficient(k));
        }
        return new Polynomial(b);
    }

    /**
     * The same expansion with c_k moved to {@code value} (h_k gains (value − c_k)·s^(p−k)): a deliberately wrong
     * expansion, for the negative controls that the lemmas must reject.
     */
    public ChaosExpansion withCoefficient(int k, BigFraction value) {
        List<Polynomial> d = new ArrayList<>(scaled);
        BigFraction delta = value.subtract(coefficient(k));
        d.set(k, scaledCoefficient(k).add(Polynomial.monomial(degree() - k).multiply(delta)));
        return new ChaosExpansion(activation, d);
    }
}
