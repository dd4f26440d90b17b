package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powerspec.numeric.DoubleDoubleFixtures.MC;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDouble;

/** The kernel matrix K_ab = (1/d)·Σ_t c_t·s_a^i·s_b^j·G_ab^k against the same formula in 50-digit BigDecimal. */
class DoubleDoubleKernelTest {

    private static final int N = 9;

    /** A Gram matrix G = XᵀX of a random 12×N matrix, accumulated in DD. */
    private static DDMatrix randomGram(long seed) {
        Random random = new Random(seed);
        double[] x = new double[12 * N];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] ones = new double[12];
        Arrays.fill(ones, 1);
        DDMatrix g = new DDMatrix(N);
        DoubleDoubleGram.accumulate(g, x, 12, N, ones, new double[12], 0);
        return g;
    }

    /** The worst error of K relative to (1/d)·Σ_t |c_t·s_a^i·s_b^j·G_ab^k|, the scale of its rounding errors. */
    private static double worstError(DDMatrix g, DDMatrix k, DoubleDouble[] coefficients, int[][] exponents, int d) {
        BigDecimal[] s = new BigDecimal[N];
        for (int a = 0; a < N; a++) {
            s[a] = g.get(a, a).toBigDecimal().sqrt(MC);
        }
        double worst = 0;
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal magnitude = BigDecimal.ZERO;
                for (int t = 0; t < exponents.length; t++) {
                    BigDecimal term = coefficients[t].toBigDecimal()
                            .multiply(s[a].pow(exponents[t][0], MC), MC)
                            .multiply(s[b].pow(exponents[t][1], MC), MC)
                            .multiply(g.get(a, b).toBigDecimal().pow(exponents[t][2], MC), MC)
                            .divide(BigDecimal.valueOf(d), MC);
                    sum = sum.add(term);
                    magnitude = magnitude.add(term.abs());
                }
                double e = k.get(a, b).toBigDecimal().subtract(sum).abs().divide(magnitude, MC).doubleValue();
                worst = Math.max(worst, e);
            }
        }
        return worst;
    }

    @Test
    void cubicActivationKernelWithEvenPowersOnly() {
        // f(y) = y³: E[f(u)f(v)] = 6c³ + 9c·s_a²·s_b²
        DDMatrix g = randomGram(1);
        int[][] exponents = {{0, 0, 3}, {2, 2, 1}};
        DDMatrix k = DoubleDoubleKernel.build(g, new double[] {6, 9}, new double[2], exponents, 7);
        double worst = worstError(g, k, new DoubleDouble[] {DoubleDouble.of(6), DoubleDouble.of(9)}, exponents, 7);
        System.out.printf("kernel of y^3: worst relative error %.2e%n", worst);
        assertTrue(worst < 1e-30, "relative error " + worst);
    }

    @Test
    void oddPowersOfTheScaleAndRationalCoefficients() {
        // a symmetric polynomial with odd powers of s_a, s_b (so √G_aa is needed) and coefficients 15/4, 1/3, −2/7
        DDMatrix g = randomGram(2);
        DoubleDouble fifteenQuarters = DoubleDouble.valueOf("3.75");
        DoubleDouble third = DoubleDouble.of(1).divide(DoubleDouble.of(3));
        DoubleDouble minusTwoSevenths = DoubleDouble.of(-2).divide(DoubleDouble.of(7));
        DoubleDouble[] coefficients = {fifteenQuarters, third, third, minusTwoSevenths};
        int[][] exponents = {{1, 1, 1}, {3, 1, 0}, {1, 3, 0}, {0, 0, 4}};
        double[] hi = new double[4];
        double[] lo = new double[4];
        for (int t = 0; t < 4; t++) {
            hi[t] = coefficients[t].hi();
            lo[t] = coefficients[t].lo();
        }
        DDMatrix k = DoubleDoubleKernel.build(g, hi, lo, exponents, N);
        double worst = worstError(g, k, coefficients, exponents, N);
        System.out.printf("kernel with odd powers of s: worst relative error %.2e%n", worst);
        assertTrue(worst < 1e-30, "relative error " + worst);
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                assertEquals(k.get(a, b), k.get(b, a));
            }
        }
    }

    @Test
    void rejectsPolynomialsThatAreNotSymmetric() {
        DDMatrix g = randomGram(3);
        assertThrows(IllegalArgumentException.class,
                () -> DoubleDoubleKernel.build(g, new double[] {1}, new double[1], new int[][] {{2, 0, 1}}, N));
        assertThrows(IllegalArgumentException.class,
                () -> DoubleDoubleKernel.build(g, new double[] {1, 2}, new double[2], new int[][] {{2, 0, 1}, {0, 2, 1}}, N));
        assertThrows(IllegalArgumentException.class,
                () -> DoubleDoubleKernel.build(g, new double[] {1}, new double[1], new int[][] {{0, 0, -1}}, N));
    }
}
