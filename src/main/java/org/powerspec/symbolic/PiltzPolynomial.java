package org.powerspec.symbolic;

import java.util.Locale;

/**
 * The main term of the Piltz divisor problem: D_k(x) = #{(i_1, …, i_k) ∈ ℕ^k : i_1·…·i_k ≤ x} = Σ_{n ≤ x} d_k(n)
 * = x·P_{k−1}(log x) + Δ_k(x), with P_{k−1} the polynomial of degree k − 1 given by the residue
 * <pre>
 *   x·P_{k−1}(log x) = Res_{s=1} ζ(s)^k · x^s / s
 * </pre>
 * (Titchmarsh, The Theory of the Riemann Zeta-Function, §12.1). With u = s − 1, L = log x, the Laurent series
 * ζ(s) = 1/u + Σ_{n ≥ 0} (−1)^n γ_n/n! · u^n (γ_n the Stieltjes constants, γ_0 = γ Euler's) and
 * x^s/s = x·e^{uL}/(1 + u) = x·Σ_n u^n e_n(L), e_n(L) = Σ_{i ≤ n} (−1)^(n−i) L^i/i!, the residue is
 * x·Σ_{n=0}^{k−1} z_{k−1−n} e_n(L) where (u·ζ)^k = Σ_m z_m u^m. Hence
 * P_1(L) = L + 2γ − 1 (Dirichlet) and P_2(L) = L²/2 + (3γ − 1)L + 3γ² − 3γ − 3γ_1 + 1.
 * This is where the log^(p−1) of the random-feature head rate comes from: the number of products of p indices
 * below N grows like N·log^(p−1)N/(p−1)!.
 *
 * <p>The Stieltjes constants are stored to 30 digits (mpmath {@code stieltjes(n)}; OEIS A001620, A082633, A086279,
 * A086280), so k ≤ {@value #MAX_K}. Coefficients are in double: for x ≤ 10^12 their rounding moves x·P by far less
 * than one.
 *
 * @param k            the number of factors
 * @param coefficients a_0, …, a_{k−1} of P_{k−1}(L) = Σ_i a_i L^i
 * @param label        what this polynomial is (the true one, or a named alteration used as a negative control)
 */
public record PiltzPolynomial(int k, double[] coefficients, String label) {

    /** γ_0 … γ_3 to 30 significant digits. */
    static final double[] STIELTJES = {
        0.577215664901532860606512090082, -0.0728158454836767248605863758749,
        -0.00969036319287231848453038603521, 0.00205383442030334586616004654275};

    /** The largest k with every Stieltjes constant it needs stored. */
    public static final int MAX_K = 4;

    public PiltzPolynomial {
        coefficients = coefficients.clone();
    }

    /** The true P_{k−1}, 1 ≤ k ≤ {@value #MAX_K}. */
    public static PiltzPolynomial of(int k) {
        return fromStieltjes(k, STIELTJES.clone(), "P_" + (k - 1));
    }

    /** A wrong polynomial for a negative control: P_{k−1} computed as if γ_n were 0. */
    public static PiltzPolynomial withoutStieltjes(int k, int n) {
        double[] g = STIELTJES.clone();
        g[n] = 0;
        return fromStieltjes(k, g, "P_" + (k - 1) + " without gamma_" + n);
    }

    /** A wrong polynomial for a negative control: this one with {@code delta} added to its constant term. */
    public PiltzPolynomial plusConstant(double delta) {
        double[] c = coefficients.clone();
        c[0] += delta;
        return new PiltzPolynomial(k, c, label + String.format(Locale.ROOT, " with constant %+g", delta));
    }

    private static PiltzPolynomial fromStieltjes(int k, double[] gamma, String label) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k = " + k + ": 1 <= k <= " + MAX_K);
        }
        // u·ζ(s) = 1 + Σ_n (−1)^n γ_n/n! · u^(n+1), truncated after u^(k−1)
        double[] uz = new double[k];
        uz[0] = 1;
        double factorial = 1;
        for (int n = 0; n + 1 < k; n++) {
            factorial *= Math.max(1, n);
            uz[n + 1] = (n % 2 == 0 ? 1 : -1) * gamma[n] / factorial;
        }
        double[] z = new double[k];
        z[0] = 1;
        for (int f = 0; f < k; f++) {
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; i + j < k; j++) {
                    next[i + j] += z[i] * uz[j];
                }
            }
            z = next;
        }
        double[] a = new double[k];
        for (int n = 0; n < k; n++) {
            double invFact = 1;
            for (int i = 0; i <= n; i++) {
                if (i > 0) {
                    invFact /= i;
                }
                a[i] += z[k - 1 - n] * ((n - i) % 2 == 0 ? 1 : -1) * invFact;
            }
        }
        return new PiltzPolynomial(k, a, label);
    }

    /** x·P_{k−1}(log x). */
    public double mainTerm(double x) {
        double l = Math.log(x);
        double p = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            p = p * l + coefficients[i];
        }
        return x * p;
    }

    /** P_{k−1}(L) written out, e.g. {@code L + 0.154431}. */
    public String formula() {
        StringBuilder s = new StringBuilder();
        for (int i = coefficients.length - 1; i >= 0; i--) {
            double c = coefficients[i];
            String mono = i == 0 ? "" : (i == 1 ? "L" : "L^" + i);
            String mag = String.format(Locale.ROOT, "%.6g", Math.abs(c));
            String term = i > 0 && Math.abs(c - 1) < 1e-15 ? mono : (i == 0 ? mag : mag + "*" + mono);
            s.append(s.length() == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + ")).append(term);
        }
        return s.toString();
    }
}
