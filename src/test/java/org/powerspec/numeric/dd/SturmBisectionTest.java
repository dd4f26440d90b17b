package org.powerspec.numeric.dd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Sturm bisection on its own, on the second-difference tridiagonal (2 on the diagonal, −1 beside it), whose
 * eigenvalues are 2 − 2·cos(kπ/(n + 1)), k = 1..n, evaluated here in 50-digit decimal arithmetic.
 */
class SturmBisectionTest {
    private static final MathContext MC = new MathContext(50);
    /** π to 60 digits. */
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    /** cos x by its Taylor series, |x| ≤ π, to 50 digits. */
    static BigDecimal cos(BigDecimal x) {
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.abs().compareTo(new BigDecimal("1e-55")) > 0; k++) {
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    /** 2 − 2·cos(kπ/(n + 1)), k = 1..n, ascending. */
    static BigDecimal[] secondDifferenceEigenvalues(int n) {
        BigDecimal[] e = new BigDecimal[n];
        for (int k = 1; k <= n; k++) {
            BigDecimal angle = PI.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(n + 1), MC);
            e[k - 1] = BigDecimal.valueOf(2).subtract(cos(angle).multiply(BigDecimal.valueOf(2)), MC);
        }
        return e;
    }

    static Tridiagonal secondDifference(int n) {
        double[] d = new double[n];
        double[] e = new double[n - 1];
        Arrays.fill(d, 2);
        Arrays.fill(e, -1);
        return new Tridiagonal(d, new double[n], e, new double[n - 1]);
    }

    /** max_k |λ̂_k − λ_k| of the bisection's eigenvalues of t against the ascending reference. */
    static double worstError(Tridiagonal t, BigDecimal[] reference) {
        int n = t.n();
        double[] hi = new double[n];
        double[] lo = new double[n];
        SturmBisection.eigenvalues(t, hi, lo, DDMatrix.defaultPool(), f -> { });
        double worst = 0;
        for (int k = 0; k < n; k++) {
            BigDecimal x = new BigDecimal(hi[k]).add(new BigDecimal(lo[k]));
            worst = Math.max(worst, x.subtract(reference[k]).abs().doubleValue());
        }
        return worst;
    }

    @Test
    void secondDifferenceTridiagonalHasTheCosineSpectrumToDoubleDoubleAccuracy() {
        for (int n : new int[] {2, 7, 100}) {
            BigDecimal[] reference = secondDifferenceEigenvalues(n);
            // ‖T‖_G = 4: a few u_DD·‖T‖ from the counts, half the final width 2^−104·|λ| ≤ 4·u_DD
            double tolerance = 2 * DoubleDoubleArithmetic.UNIT_ROUNDOFF * 4;
            double worst = worstError(secondDifference(n), reference);
            System.out.printf(java.util.Locale.ROOT, "Sturm bisection, second difference n = %d: worst |error| = %.2e"
                    + " (%.2f u_DD ||T||_G)%n", n, worst, worst / (DoubleDoubleArithmetic.UNIT_ROUNDOFF * 4));
            assertTrue(worst <= tolerance, "n = " + n + ": worst error " + worst + " > " + tolerance);
        }
    }

    @Test
    void aPerturbedOffDiagonalIsDistinguished() {
        // negative control: one off-diagonal entry −1 + 2^−50 moves the spectrum by about 2^−50/n, far beyond the
        // double-double tolerance (and beyond nothing a double-precision solver could resolve)
        int n = 100;
        BigDecimal[] reference = secondDifferenceEigenvalues(n);
        Tridiagonal t = secondDifference(n);
        t.eHi()[n / 2] = -1 + 0x1p-50;
        double worst = worstError(t, reference);
        assertTrue(worst > 100 * 2 * DoubleDoubleArithmetic.UNIT_ROUNDOFF * 4, "the perturbation went unnoticed: " + worst);
        // and a perturbation in the low part only, 2^−80, is still seen: the count uses both parts
        Tridiagonal low = secondDifference(n);
        low.eLo()[n / 2] = 0x1p-80;
        assertTrue(worstError(low, reference) > 100 * 2 * DoubleDoubleArithmetic.UNIT_ROUNDOFF * 4);
    }

    @Test
    void aOneByOneTridiagonalIsItsEntry() {
        Tridiagonal t = new Tridiagonal(new double[] {-3}, new double[] {0x1p-60}, new double[0], new double[0]);
        double[] hi = new double[1];
        double[] lo = new double[1];
        SturmBisection.eigenvalues(t, hi, lo, DDMatrix.defaultPool(), f -> { });
        assertEquals(-3, hi[0]);
        assertEquals(0x1p-60, lo[0]);
    }

    @Test
    void cosineSeriesIsRight() {
        // the reference's own check: cos(π/3) = 1/2 and cos(π) = −1 to 50 digits
        BigDecimal third = cos(PI.divide(BigDecimal.valueOf(3), MC));
        assertTrue(third.subtract(new BigDecimal("0.5")).abs().compareTo(new BigDecimal("1e-48")) < 0, third.toString());
        BigDecimal minusOne = cos(PI);
        assertTrue(minusOne.add(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-48")) < 0, minusOne.toString());
    }
}
