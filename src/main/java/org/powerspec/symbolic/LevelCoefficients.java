package org.powerspec.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;
import org.powerspec.InvalidInputException;

/**
 * The level coefficients ℓ_k of the infinite-width product oracle, exactly, as polynomials in the power sums
 * p_j = tr H^j = Σ_i λ_i^j of the data covariance.
 *
 * <p><b>Derivation.</b> As d → ∞, K's nonzero spectrum tends to that of the kernel operator with kernel
 * κ(x, x′) = E_w[f(wᵀx) f(wᵀx′)] on L²(N(0, H)), w ~ N(0, I_v). Write x = H^{1/2}z, s_w² = Q = wᵀHw and
 * u = H^{1/2}w/s_w. With the scaled chaos f(s·g) = Σ_k s^k·h_k(s)·He_k(g) ({@link ChaosExpansion}) and the
 * identity He_k(uᵀz) = Σ_{|m| = k} (k!/m!)·u^m·He_m(z) for a unit vector u (He_m = Π_i He_{m_i}(z_i), a multi-index
 * m, i.e. a multiset of k indices), the feature's degree-k chaos is
 * <pre>
 *   ψ_{w,k}(z) = h_k(s_w) · Σ_{|m| = k} (k!/m!) · λ^{m/2} · w^m · He_m(z).
 * </pre>
 * In the orthonormal basis e_m = He_m/√(m!) the operator's level-k block is
 * T_kk[m, m′] = (k!)²·λ^{(m+m′)/2}·E_w[h_k(s_w)²·w^m w^{m′}]/√(m!·m′!). Expanding E_w[…] by Isserlis' theorem, the
 * pairings that match each w of w^m with one of w^{m′} (there are m! of them, and only for m = m′) and pair the
 * factor h_k(s_w)² among itself give the diagonal
 * <pre>
 *   T_kk[m, m] ≈ ℓ_k · λ^m,   ℓ_k = (k!)² · E_w[h_k(s_w)²],
 * </pre>
 * the same weight for every multiset m of size k, repeated indices or not (one eigenvalue per multiset: the level-k
 * multiplicity of a product value is the number of multisets giving it). For f = y^p, h_k(s) = c_k·s^(p−k), so
 * ℓ_k = k!·b_k·E[Q^(p−k)]: ℓ_p = (p!)² (4 for y², 36 for y³), and for y² the mean level ℓ_0 = E[Q²] = p_1² + 2·p_2.
 * The moments of the Gaussian quadratic form Q = Σ_i λ_i w_i² follow from its cumulants κ_j = 2^(j−1)(j−1)!·p_j
 * (E e^{tQ} = Π_i (1 − 2tλ_i)^(−1/2)): E[Q^n] = Σ_{μ ⊢ n} (n!/z_μ)·Π_j (2^(j−1)·p_j)^{m_j}, z_μ = Π_j j^{m_j}·m_j!
 * (e.g. E[Q²] = p_1² + 2p_2, E[Q³] = p_1³ + 6p_1p_2 + 8p_3).
 *
 * <p><b>What the oracle neglects</b> (all exactly identified by the expansion above): the Isserlis pairings inside
 * w^m or inside w^{m′} (trace-like couplings of a level's block, of rank at most the number of multisets of size
 * k − 2: for y², one rank-one coupling of the level-2 block, so interlacing moves no eigenvalue by more than one
 * index); the pairings of h_k(s_w)² with w^m (the norm's correlation with the leading directions, relative size
 * O(λ_{i}) for the indices i in m, so only the first few indices matter); and the blocks T_kl, k ≠ l (k ≡ l mod 2
 * for a monomial: the mean term mixing with the top levels). All three act at small j; they are kept out, and the
 * oracle's eigenvalues for the first few j are not to be trusted (see the README for the measured range).
 *
 * @param activation f
 * @param levels     ℓ_k for every level k with h_k ≢ 0, k descending
 */
public record LevelCoefficients(Activation activation, List<Level> levels) {

    /** The largest degree of f handled: E[Q^n] has one term per partition of n (231 for n = 16, 1575 for n = 24). */
    public static final int MAX_DEGREE = 16;

    /**
     * One level: ℓ_k = Σ_μ coefficient_μ · Π_j p_j^{μ_j}.
     *
     * @param k     the chaos degree (the size of the multisets)
     * @param terms monomials in the power sums: exponent vector (μ_1, μ_2, …) of p_1, p_2, … → exact coefficient
     */
    public record Level(int k, Map<List<Integer>, BigFraction> terms) {
        public Level {
            Map<List<Integer>, BigFraction> sorted = new TreeMap<>(LevelCoefficients::compareExponents);
            sorted.putAll(terms);
            terms = Collections.unmodifiableMap(sorted);
        }

        /** ℓ_k at the given power sums: {@code powerSums[j]} = p_j = Σ_i λ_i^j (index 0 unused). */
        public double evaluate(double[] powerSums) {
            double s = 0;
            for (Map.Entry<List<Integer>, BigFraction> t : terms.entrySet()) {
                double m = t.getValue().doubleValue();
                for (int j = 0; j < t.getKey().size(); j++) {
                    m *= Math.pow(powerSums[j + 1], t.getKey().get(j));
                }
                s += m;
            }
            return s;
        }

        /**
         * A bound on the relative error of {@link #evaluate} when every p_j carries a relative error of at most
         * {@code powerSumError}: each monomial c·Π p_j^(μ_j) is off by at most (Σμ_j)·(powerSumError + 2u) + (Σμ_j + 2)·u
         * of itself (u = 2^−53; the exponents by repeated rounding, the coefficient's conversion), and summing T
         * monomials adds T·u of the sum of their magnitudes — divided by |ℓ_k|, which is small where the monomials
         * cancel (e.g. 9p₁² − 18p₁ + 9 near p₁ = 1).
         */
        public double relativeError(double[] powerSums, double powerSumError) {
            double u = 0x1p-53;
            double magnitude = 0;
            double error = 0;
            for (Map.Entry<List<Integer>, BigFraction> t : terms.entrySet()) {
                double m = Math.abs(t.getValue().doubleValue());
                int degree = 0;
                for (int j = 0; j < t.getKey().size(); j++) {
                    int e = t.getKey().get(j);
                    m *= Math.pow(Math.abs(powerSums[j + 1]), e);
                    degree += e;
                }
                magnitude += m;
                error += m * (degree * (powerSumError + 2 * u) + (degree + 2) * u);
            }
            error += terms.size() * u * magnitude;
            double value = Math.abs(evaluate(powerSums));
            return value > 0 ? error / value : Double.POSITIVE_INFINITY;
        }

        /** The largest j with p_j in the formula (0 for a constant). */
        public int maxPowerSum() {
            int m = 0;
            for (List<Integer> e : terms.keySet()) {
                for (int j = 0; j < e.size(); j++) {
                    if (e.get(j) > 0) {
                        m = Math.max(m, j + 1);
                    }
                }
            }
            return m;
        }

        /** The formula, e.g. {@code p1^2+2*p2} (Symja syntax). */
        public String formula() {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<List<Integer>, BigFraction> t : terms.entrySet()) {
                StringBuilder mono = new StringBuilder();
                for (int j = 0; j < t.getKey().size(); j++) {
                    int e = t.getKey().get(j);
                    if (e > 0) {
                        mono.append(mono.length() > 0 ? "*" : "").append("p").append(j + 1).append(e > 1 ? "^" + e : "");
                    }
                }
                BigFraction q = t.getValue();
                String c = Rationals.symja(q.abs());
                String term = mono.length() == 0 ? c : (q.abs().equals(BigFraction.ONE) ? mono.toString() : c + "*" + mono);
                if (s.length() == 0) {
                    s.append(q.signum() < 0 ? "-" : "").append(term);
                } else {
                    s.append(q.signum() < 0 ? "-" : "+").append(term);
                }
            }
            return s.length() == 0 ? "0" : s.toString();
        }
    }

    public LevelCoefficients {
        levels = List.copyOf(levels);
    }

    /** Refuses f of degree above {@value #MAX_DEGREE}. */
    public static void checkDegree(Activation f) {
        if (f.degree() > MAX_DEGREE) {
            throw new InvalidInputException("activation '" + f.label() + "' has degree " + f.degree()
                    + ": the product oracle's exact level coefficients are derived for degree <= " + MAX_DEGREE);
        }
    }

    /** The level coefficients of f, derived exactly from its chaos expansion. */
    public static LevelCoefficients of(Activation f) {
        checkDegree(f);
        ChaosExpansion chaos = HermiteChaos.expand(f);
        List<Level> out = new ArrayList<>();
        Map<Integer, Map<List<Integer>, BigFraction>> moments = new java.util.HashMap<>();
        for (int k = chaos.degree(); k >= 0; k--) {
            Polynomial h = chaos.scaledCoefficient(k);
            if (h.isZero()) {
                continue;
            }
            // h_k(s)² = Σ_n e_n s^(2n): h_k has only powers s^(n−k) with n ≡ k (mod 2), i.e. even powers of s
            int deg = h.degree();
            BigFraction kFact2 = new BigFraction(Rationals.factorial(k).pow(2));
            Map<List<Integer>, BigFraction> terms = new TreeMap<>(LevelCoefficients::compareExponents);
            for (int a = 0; a <= deg; a++) {
                for (int b = 0; b <= deg; b++) {
                    BigFraction e = h.coefficient(a).multiply(h.coefficient(b));
                    if (e.signum() == 0) {
                        continue;
                    }
                    if ((a + b) % 2 != 0) {
                        throw new IllegalStateException("odd power of s in h_" + k + "(s)^2");
                    }
                    Map<List<Integer>, BigFraction> moment = moments.computeIfAbsent((a + b) / 2, LevelCoefficients::quadraticFormMoment);
                    for (Map.Entry<List<Integer>, BigFraction> t : moment.entrySet()) {
                        terms.merge(t.getKey(), t.getValue().multiply(e).multiply(kFact2), BigFraction::add);
                    }
                }
            }
            terms.values().removeIf(q -> q.signum() == 0);
            out.add(new Level(k, terms));
        }
        return new LevelCoefficients(f, out);
    }

    /**
     * E[Q^n] for Q = Σ_i λ_i w_i², w ~ N(0, I), as a polynomial in the power sums p_j:
     * Σ_{μ ⊢ n} (n!/z_μ)·Π_j (2^(j−1)·p_j)^{μ_j}. Keys are exponent vectors of length n (μ_j for j = 1..n).
     */
    public static Map<List<Integer>, BigFraction> quadraticFormMoment(int n) {
        Map<List<Integer>, BigFraction> out = new TreeMap<>(LevelCoefficients::compareExponents);
        BigInteger nFactorial = Rationals.factorial(n);
        for (int[] mu : Partitions.of(n)) {
            int[] mult = Partitions.multiplicities(mu);
            BigInteger weight = BigInteger.ONE;
            List<Integer> key = new ArrayList<>(n);
            for (int j = 1; j <= n; j++) {
                weight = weight.multiply(BigInteger.TWO.pow((j - 1) * mult[j]));
                key.add(mult[j]);
            }
            out.put(key, new BigFraction(nFactorial.multiply(weight), Partitions.z(mu)));
        }
        return out;
    }

    /** Exponent vectors compared as polynomials in p_1, p_2, …: by total degree (Σ j·μ_j, equal here), then p_1 first. */
    private static int compareExponents(List<Integer> a, List<Integer> b) {
        int n = Math.max(a.size(), b.size());
        for (int j = 0; j < n; j++) {
            int x = j < a.size() ? a.get(j) : 0;
            int y = j < b.size() ? b.get(j) : 0;
            if (x != y) {
                return Integer.compare(y, x);
            }
        }
        return 0;
    }
}
