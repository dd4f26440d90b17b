package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.powerspec.symbolic.KernelPolynomial.Exponents;

class KernelPolynomialTest {

    private static KernelPolynomial poly(Object... termsAndCoefficients) {
        Map<Exponents, BigFraction> t = new HashMap<>();
        for (int i = 0; i < termsAndCoefficients.length; i += 2) {
            int[] e = (int[]) termsAndCoefficients[i];
            t.put(new Exponents(e[0], e[1], e[2]), new BigFraction((Integer) termsAndCoefficients[i + 1]));
        }
        return new KernelPolynomial(t);
    }

    @Test
    void cubicKernelIsTheKnownClosedForm() {
        // E[u^3 v^3] = 9 c sa^2 sb^2 + 6 c^3 (Isserlis: 9 pairings with one cross pair, 6 with three)
        KernelPolynomial k = KernelPolynomial.of(HermiteChaos.expand(Activation.monomial(3)));
        assertEquals(poly(new int[] {2, 2, 1}, 9, new int[] {0, 0, 3}, 6), k);
        assertEquals("6*c^3+9*c*sa^2*sb^2", k.toSymja());
    }

    @Test
    void mixedPolynomialKernelByHand() {
        // E[(2u^2+u)(2v^2+v)] = 4 E[u^2 v^2] + E[uv] = 4 (sa^2 sb^2 + 2 c^2) + c
        KernelPolynomial k = KernelPolynomial.of(HermiteChaos.expand(Activation.polynomial("2*y^2+y",
                new Polynomial(List.of(BigFraction.ZERO, BigFraction.ONE, BigFraction.TWO)))));
        assertEquals(poly(new int[] {2, 2, 0}, 4, new int[] {0, 0, 2}, 8, new int[] {0, 0, 1}, 1), k);
    }

    /** Counts every perfect matching of n u's and m v's explicitly: the definition of Isserlis' theorem. */
    private static KernelPolynomial bruteForcePairings(int n, int m) {
        Map<Exponents, BigFraction> t = new HashMap<>();
        boolean[] isU = new boolean[n + m];
        for (int i = 0; i < n; i++) {
            isU[i] = true;
        }
        enumerate(isU, new boolean[n + m], 0, 0, 0, t);
        return new KernelPolynomial(t);
    }

    private static void enumerate(boolean[] isU, boolean[] used, int uu, int vv, int uv, Map<Exponents, BigFraction> t) {
        int first = -1;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            t.merge(new Exponents(2 * uu, 2 * vv, uv), BigFraction.ONE, BigFraction::add);
            return;
        }
        used[first] = true;
        for (int j = first + 1; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                boolean a = isU[first];
                boolean b = isU[j];
                enumerate(isU, used, uu + (a && b ? 1 : 0), vv + (!a && !b ? 1 : 0), uv + (a != b ? 1 : 0), t);
                used[j] = false;
            }
        }
        used[first] = false;
    }

    @Test
    void pairingRecursionCountsEveryPerfectMatching() {
        WickPairings wick = new WickPairings();
        for (int n = 0; n <= 6; n++) {
            for (int m = 0; m <= 6; m++) {
                assertEquals(bruteForcePairings(n, m), wick.moment(n, m), "E[u^" + n + " v^" + m + "]");
            }
        }
    }

    @Test
    void closedFormEqualsPairingsForMonomialsAndPolynomials() {
        WickPairings wick = new WickPairings();
        for (int p = 1; p <= 20; p++) {
            Activation f = Activation.monomial(p);
            assertEquals(wick.kernel(f.polynomial()), KernelPolynomial.of(HermiteChaos.expand(f)), "p=" + p);
        }
        Polynomial g = new Polynomial(List.of(BigFraction.ONE, new BigFraction(-1, 2), BigFraction.ZERO,
                new BigFraction(7, 3), BigFraction.ZERO, new BigFraction(1, 3)));
        assertEquals(wick.kernel(g), KernelPolynomial.of(HermiteChaos.expand(Activation.polynomial("g", g))));
    }

    @Test
    void corruptedCoefficientChangesTheKernel() {
        ChaosExpansion e = HermiteChaos.expand(Activation.monomial(4));
        ChaosExpansion bad = e.withCoefficient(2, new BigFraction(7));
        assertEquals(new BigFraction(7), bad.coefficient(2));
        assertNotEquals(new WickPairings().kernel(Polynomial.monomial(4)), KernelPolynomial.of(bad));
    }

    @Test
    void unitVarianceKernelIsKappa() {
        for (int p = 1; p <= 12; p++) {
            ChaosExpansion e = HermiteChaos.expand(Activation.monomial(p));
            assertEquals(e.kappa(), KernelPolynomial.of(e).atUnitVariances(), "p=" + p);
        }
    }

    @Test
    void kernelAgreesWithMonteCarloWithinItsErrorBar() {
        // E[f(u)f(v)] for f = y^3 - y/2 at sa = 1.3, sb = 0.7, c = 0.5: sample (u, v) and compare at 5 sigma
        Polynomial f = new Polynomial(List.of(BigFraction.ZERO, new BigFraction(-1, 2), BigFraction.ZERO, BigFraction.ONE));
        KernelPolynomial k = KernelPolynomial.of(HermiteChaos.expand(Activation.polynomial("y^3-y/2", f)));
        double sa = 1.3, sb = 0.7, c = 0.5;
        double rho = c / (sa * sb);
        RandomGenerator rng = new Well19937c(20261123L);
        int n = 400_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * rng.nextGaussian();
            double u = sa * z1, v = sb * z2;
            double x = (u * u * u - u / 2) * (v * v * v - v / 2);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        double exact = k.evaluate(sa, sb, c);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(mean - exact) < 5 * se,
                "Monte Carlo " + mean + " +- " + se + " vs closed form " + exact);
        // negative control: the kernel of a corrupted expansion is many error bars away
        double wrong = KernelPolynomial.of(HermiteChaos.expand(Activation.polynomial("y^3-y/2", f))
                .withCoefficient(1, new BigFraction(3))).evaluate(sa, sb, c);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(mean - wrong) > 20 * se,
                "corrupted kernel " + wrong + " should be rejected against " + mean + " +- " + se);
    }
}
