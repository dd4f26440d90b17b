package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;

class HermiteChaosTest {

    private static Polynomial poly(long... a) {
        return new Polynomial(java.util.Arrays.stream(a).mapToObj(BigFraction::new).toList());
    }

    @Test
    void hermiteRecurrenceGivesTheTabulatedPolynomials() {
        // Abramowitz & Stegun 22.3 / Wikipedia "Hermite polynomials", probabilists' He_n
        assertEquals(poly(1), HermiteChaos.hermite(0));
        assertEquals(poly(0, 1), HermiteChaos.hermite(1));
        assertEquals(poly(-1, 0, 1), HermiteChaos.hermite(2));
        assertEquals(poly(0, -3, 0, 1), HermiteChaos.hermite(3));
        assertEquals(poly(3, 0, -6, 0, 1), HermiteChaos.hermite(4));
        assertEquals(poly(0, 15, 0, -10, 0, 1), HermiteChaos.hermite(5));
        assertEquals(poly(-15, 0, 45, 0, -15, 0, 1), HermiteChaos.hermite(6));
    }

    @Test
    void hermitePolynomialsAreOrthogonalWithNormKFactorial() {
        for (int j = 0; j <= 10; j++) {
            for (int k = 0; k <= 10; k++) {
                BigFraction inner = GaussianMoments.expectation(
                        GaussianMoments.product(HermiteChaos.hermite(j), HermiteChaos.hermite(k)));
                BigFraction expected = j == k ? new BigFraction(Rationals.factorial(k)) : BigFraction.ZERO;
                assertEquals(expected, inner, "E[He_" + j + " He_" + k + "]");
            }
        }
    }

    @Test
    void monomialCoefficientsMatchTheInverseExplicitExpression() {
        // y^4 = He_4 + 6 He_2 + 3, y^5 = He_5 + 10 He_3 + 15 He_1, y^6 = He_6 + 15 He_4 + 45 He_2 + 15
        assertEquals(List.of(3L, 0L, 6L, 0L, 1L), coefficients(4));
        assertEquals(List.of(0L, 15L, 0L, 10L, 0L, 1L), coefficients(5));
        assertEquals(List.of(15L, 0L, 45L, 0L, 15L, 0L, 1L), coefficients(6));
    }

    private static List<Long> coefficients(int p) {
        ChaosExpansion e = HermiteChaos.expand(Activation.monomial(p));
        return java.util.stream.IntStream.rangeClosed(0, p).mapToObj(k -> e.coefficient(k).longValue()).toList();
    }

    @Test
    void coefficientsEqualTheDefinitionForEveryPowerUpToTwelve() {
        // c_k = E[y^p He_k(z)] / k!, computed from Gaussian moments, against the closed formula
        for (int p = 1; p <= 12; p++) {
            ChaosExpansion e = HermiteChaos.expand(Activation.monomial(p));
            for (int k = 0; k <= p; k++) {
                BigFraction defined = GaussianMoments.expectation(
                        GaussianMoments.product(Polynomial.monomial(p), HermiteChaos.hermite(k)))
                        .divide(new BigFraction(Rationals.factorial(k)));
                assertEquals(defined, e.coefficient(k), "p=" + p + " k=" + k);
            }
        }
    }

    @Test
    void expansionReconstructsTheActivationThroughTheRecurrence() {
        List<Activation> fs = List.of(Activation.monomial(1), Activation.monomial(7), Activation.monomial(12),
                Activation.polynomial("y^3-3*y", poly(0, -3, 0, 1)),
                Activation.polynomial("2*y^2+y", poly(0, 1, 2)),
                Activation.polynomial("y^5/3-y/2+1", new Polynomial(List.of(BigFraction.ONE,
                        new BigFraction(-1, 2), BigFraction.ZERO, BigFraction.ZERO, BigFraction.ZERO, new BigFraction(1, 3)))));
        for (Activation f : fs) {
            ChaosExpansion e = HermiteChaos.expand(f);
            Polynomial sum = Polynomial.ZERO;
            for (int k = 0; k <= e.degree(); k++) {
                sum = sum.add(HermiteChaos.hermite(k).multiply(e.coefficient(k)));
            }
            assertEquals(f.polynomial(), sum, f.label());
        }
    }

    @Test
    void hermitePolynomialExpandsToItself() {
        ChaosExpansion e = HermiteChaos.expand(Activation.polynomial("y^3-3*y", poly(0, -3, 0, 1)));
        assertEquals(BigFraction.ONE, e.coefficient(3));
        for (int k = 0; k < 3; k++) {
            assertEquals(BigFraction.ZERO, e.coefficient(k));
        }
        assertEquals(new BigFraction(6), e.kernelCoefficient(3));
    }

    @Test
    void scaledCoefficientsAreThoseOfTheScaledActivation() {
        // h_k(s) s^k must be the He_k coefficient of y -> f(s y); check at s = 3/2 for f = y^5/3 - y/2 + 1
        Polynomial f = new Polynomial(List.of(BigFraction.ONE, new BigFraction(-1, 2), BigFraction.ZERO,
                BigFraction.ZERO, BigFraction.ZERO, new BigFraction(1, 3)));
        BigFraction s = new BigFraction(3, 2);
        List<BigFraction> scaledCoefficients = new java.util.ArrayList<>();
        for (int n = 0; n <= f.degree(); n++) {
            scaledCoefficients.add(f.coefficient(n).multiply(s.pow(n)));
        }
        ChaosExpansion atS = HermiteChaos.expand(Activation.polynomial("f(sy)", new Polynomial(scaledCoefficients)));
        ChaosExpansion e = HermiteChaos.expand(Activation.polynomial("f", f));
        for (int k = 0; k <= 5; k++) {
            BigFraction hk = BigFraction.ZERO;
            Polynomial h = e.scaledCoefficient(k);
            for (int i = 0; i <= h.degree(); i++) {
                hk = hk.add(h.coefficient(i).multiply(s.pow(i)));
            }
            assertEquals(atS.coefficient(k), hk.multiply(s.pow(k)), "k=" + k);
        }
    }

    @Test
    void kernelCoefficientsSumToTheGaussianMoment() {
        for (int p = 1; p <= 20; p++) {
            ChaosExpansion e = HermiteChaos.expand(Activation.monomial(p));
            BigFraction sum = BigFraction.ZERO;
            for (int k = 0; k <= p; k++) {
                sum = sum.add(e.kernelCoefficient(k));
            }
            assertEquals(new BigFraction(Rationals.doubleFactorial(2 * p - 1)), sum, "p=" + p);
        }
    }

    @Test
    void doubleFactorialsAndFactorials() {
        assertEquals(BigInteger.ONE, Rationals.doubleFactorial(-1));
        assertEquals(BigInteger.valueOf(654_729_075L), Rationals.doubleFactorial(19));
        assertEquals(BigInteger.valueOf(3_628_800L), Rationals.factorial(10));
        assertEquals(BigInteger.ZERO, Rationals.gaussianMoment(7));
        assertEquals(BigInteger.valueOf(105), Rationals.gaussianMoment(8));
    }

    @Test
    void rationalsPrintExactly() {
        assertEquals("-3/4", Rationals.format(new BigFraction(3, -4)));
        assertEquals("12", Rationals.format(new BigFraction(24, 2)));
        assertEquals("-\\frac{3}{4}", Rationals.latex(new BigFraction(-3, 4)));
        assertEquals("(-3/4)", Rationals.symja(new BigFraction(-3, 4)));
    }

    @Test
    void badPowersAreRejected() {
        assertThrows(InvalidInputException.class, () -> Activation.monomial(0));
        assertThrows(InvalidInputException.class, () -> Activation.monomial(-2));
        assertThrows(InvalidInputException.class, () -> Activation.monomial(Activation.MAX_DEGREE + 1));
        assertThrows(InvalidInputException.class, () -> Activation.polynomial("3", poly(3)));
    }
}
