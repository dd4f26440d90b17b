package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class LevelCoefficientsTest {

    /** Σ_μ coefficient_μ·Π_j p_j^{μ_j}, exactly, at the given exact power sums p_j. */
    static BigFraction evaluate(Map<List<Integer>, BigFraction> terms, BigFraction[] p) {
        BigFraction s = BigFraction.ZERO;
        for (Map.Entry<List<Integer>, BigFraction> t : terms.entrySet()) {
            BigFraction m = t.getValue();
            for (int j = 0; j < t.getKey().size(); j++) {
                m = m.multiply(p[j + 1].pow(t.getKey().get(j)));
            }
            s = s.add(m);
        }
        return s;
    }

    static BigFraction[] powerSums(int maxJ, BigFraction... lambda) {
        BigFraction[] p = new BigFraction[maxJ + 1];
        for (int j = 1; j <= maxJ; j++) {
            p[j] = BigFraction.ZERO;
            for (BigFraction l : lambda) {
                p[j] = p[j].add(l.pow(j));
            }
        }
        return p;
    }

    /** Truth 1: isotropic H = I_v makes Q a χ²_v, E[Q^n] = v(v+2)…(v+2n−2). Truth 2: v = 1, E[(λw²)^n] = λ^n (2n−1)!!. */
    @Test
    void quadraticFormMomentsMatchChiSquareAndOneDimensionalMoments() {
        for (int n = 1; n <= 8; n++) {
            Map<List<Integer>, BigFraction> m = LevelCoefficients.quadraticFormMoment(n);
            for (int v = 1; v <= 5; v++) {
                BigFraction[] lambda = new BigFraction[v];
                java.util.Arrays.fill(lambda, BigFraction.ONE);
                BigInteger rising = BigInteger.ONE;
                for (int i = 0; i < n; i++) {
                    rising = rising.multiply(BigInteger.valueOf(v + 2L * i));
                }
                assertEquals(new BigFraction(rising), evaluate(m, powerSums(n, lambda)), "n = " + n + ", v = " + v);
            }
            BigFraction l = new BigFraction(3, 7);
            assertEquals(l.pow(n).multiply(new BigFraction(Rationals.doubleFactorial(2 * n - 1))),
                    evaluate(m, powerSums(n, l)), "n = " + n);
        }
    }

    /** Negative control: the χ² check rejects a moment formula without the cumulant weights 2^(j−1). */
    @Test
    void chiSquareCheckRejectsMomentsWithoutCumulantWeights() {
        Map<List<Integer>, BigFraction> wrong = Map.of(List.of(2, 0), BigFraction.ONE, List.of(0, 1), BigFraction.ONE);
        BigFraction[] p = powerSums(2, BigFraction.ONE, BigFraction.ONE, BigFraction.ONE);
        assertNotEquals(new BigFraction(3 * 5), evaluate(wrong, p));
        assertEquals(new BigFraction(3 * 5), evaluate(LevelCoefficients.quadraticFormMoment(2), p));
    }

    /** ℓ_k = k!·b_k·E[Q^(p−k)] for y^p, with b_k and E[Q^n] at v = 1 recomputed here independently. */
    @Test
    void monomialLevelsAreFactorialTimesKernelCoefficientTimesNormMoment() {
        BigFraction l = new BigFraction(2, 5);
        for (int p = 1; p <= 9; p++) {
            LevelCoefficients c = LevelCoefficients.of(Activation.monomial(p));
            assertEquals(p / 2 + 1, c.levels().size(), "levels of y^" + p);
            for (LevelCoefficients.Level level : c.levels()) {
                int k = level.k();
                int m = (p - k) / 2;
                BigInteger ck = Rationals.factorial(p).divide(Rationals.factorial(k).multiply(BigInteger.TWO.pow(m))
                        .multiply(Rationals.factorial(m)));
                BigFraction bk = new BigFraction(ck.pow(2).multiply(Rationals.factorial(k)));
                BigFraction moment = l.pow(p - k).multiply(new BigFraction(Rationals.doubleFactorial(2 * (p - k) - 1)));
                BigFraction expected = bk.multiply(new BigFraction(Rationals.factorial(k))).multiply(moment);
                assertEquals(expected, evaluate(level.terms(), powerSums(Math.max(1, p), l)), "y^" + p + ", k = " + k);
            }
        }
        assertEquals("4", LevelCoefficients.of(Activation.monomial(2)).levels().get(0).formula());
        assertEquals("p1^2+2*p2", LevelCoefficients.of(Activation.monomial(2)).levels().get(1).formula());
        assertEquals("36", LevelCoefficients.of(Activation.monomial(3)).levels().get(0).formula());
        assertEquals("9*p1^2+18*p2", LevelCoefficients.of(Activation.monomial(3)).levels().get(1).formula());
    }

    /** A polynomial: f = 2y² + y has h_2 = 2, h_1 = 1, h_0 = 2s² (f(sg) = 2s²He_2 + s·He_1 + 2s²): ℓ = 16, 1, 4E[Q²]. */
    @Test
    void polynomialLevels() {
        Polynomial f = new Polynomial(List.of(BigFraction.ZERO, BigFraction.ONE, BigFraction.TWO));
        LevelCoefficients c = LevelCoefficients.of(Activation.polynomial("2*y^2+y", f));
        assertEquals(List.of(2, 1, 0), c.levels().stream().map(LevelCoefficients.Level::k).toList());
        assertEquals("16", c.levels().get(0).formula());
        assertEquals("1", c.levels().get(1).formula());
        assertEquals("4*p1^2+8*p2", c.levels().get(2).formula());
    }
}
