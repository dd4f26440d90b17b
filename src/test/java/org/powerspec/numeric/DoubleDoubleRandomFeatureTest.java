package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powerspec.numeric.DoubleDoubleFixtures.relativeError;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDouble;
import org.powerspec.numeric.dd.DoubleDoubleArithmetic;
import org.powerspec.numeric.dd.DoubleDoubleEigenSolver;

/**
 * The whole double-double pipeline on a random-feature kernel whose spectrum spans 14 orders of magnitude: G =
 * Wᵀ·diag(j^−8)·W for a seeded Gaussian W (v = 240, d = 60), the kernel of f(y) = y², K = (1/d)(2·G∘G + s·sᵀ∘s·sᵀ)
 * with s_a² = G_aa, and its eigenvalues against mpmath at 50 digits. The contract is a relative error of 10^−12 on
 * every eigenvalue; the same computation from K rounded to double must break it, which shows the test can fail.
 */
class DoubleDoubleRandomFeatureTest {

    private static final int V = 240;
    private static final int D = 60;
    private static final double CONTRACT = 1e-12;

    private static double[] w;
    private static double[] lambdaHi;
    private static double[] lambdaLo;
    private static List<BigDecimal> reference;

    @BeforeAll
    static void loadFixtures() {
        List<String[]> rows = DoubleDoubleFixtures.rows("rf_w_240x60.txt");
        assertEquals(V, rows.size());
        w = new double[V * D];
        for (int r = 0; r < V; r++) {
            assertEquals(D, rows.get(r).length);
            for (int a = 0; a < D; a++) {
                w[r * D + a] = Double.parseDouble(rows.get(r)[a]);
            }
        }
        lambdaHi = new double[V];
        lambdaLo = new double[V];
        for (int j = 1; j <= V; j++) {
            DoubleDouble lambda = DoubleDoubleArithmetic.pow(DoubleDouble.of(j), -8.0);
            lambdaHi[j - 1] = lambda.hi();
            lambdaLo[j - 1] = lambda.lo();
        }
        reference = DoubleDoubleFixtures.decimals("rf_kernel_eigenvalues.txt");
    }

    /** G accumulated in blocks of {@code block} rows of W (the last block may be shorter). */
    private static DDMatrix gram(int block, ForkJoinPool pool) {
        DDMatrix g = new DDMatrix(D);
        for (int r0 = 0; r0 < V; r0 += block) {
            int rows = Math.min(block, V - r0);
            double[] part = Arrays.copyOfRange(w, r0 * D, (r0 + rows) * D);
            DoubleDoubleGram.accumulate(g, part, rows, D, lambdaHi, lambdaLo, r0, pool);
        }
        return g;
    }

    private static DDMatrix squareActivationKernel(DDMatrix g) {
        return DoubleDoubleKernel.build(g, new double[] {2, 1}, new double[2], new int[][] {{0, 0, 2}, {2, 2, 0}}, D);
    }

    /** The worst relative error over all eigenvalues, and over the ten smallest. */
    private static double[] worstRelativeErrors(DoubleDouble[] eigenvalues) {
        double all = 0;
        double tail = 0;
        for (int k = 0; k < D; k++) {
            double e = relativeError(eigenvalues[k], reference.get(k));
            all = Math.max(all, e);
            if (k >= D - 10) {
                tail = Math.max(tail, e);
            }
        }
        return new double[] {all, tail};
    }

    @Test
    void gramMatrixMatchesTheExactSum() {
        DDMatrix g = gram(100, DDMatrix.defaultPool());
        double worst = 0;
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                // the exact value of Σ_j λ̂_j·W_ja·W_jb for the DD weights λ̂_j, and Σ_j |…| for the error scale
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal magnitude = BigDecimal.ZERO;
                for (int j = 0; j < V; j++) {
                    BigDecimal term = new DoubleDouble(lambdaHi[j], lambdaLo[j]).toBigDecimal()
                            .multiply(new BigDecimal(w[j * D + a])).multiply(new BigDecimal(w[j * D + b]));
                    sum = sum.add(term);
                    magnitude = magnitude.add(term.abs());
                }
                double error = g.get(a, b).toBigDecimal().subtract(sum).abs().doubleValue() / magnitude.doubleValue();
                worst = Math.max(worst, error);
                assertEquals(g.get(a, b), g.get(b, a));
            }
        }
        // the documented bound of compensated summation: v·2^−106 relative to Σ_j |λ_j·W_ja·W_jb|
        double bound = V * 0x1p-106;
        System.out.printf("Gram v = 240, d = 60: worst |error| / sum_j |lambda_j W_ja W_jb| = %.2e (bound %.2e)%n",
                worst, bound);
        assertTrue(worst <= bound, "Gram error " + worst);
    }

    @Test
    void kernelEigenvaluesMeetTheTwelveDigitContract() {
        DDMatrix k = squareActivationKernel(gram(100, DDMatrix.defaultPool()));
        DoubleDouble[] eigenvalues = DoubleDoubleEigenSolver.eigenvalues(k);
        double[] worst = worstRelativeErrors(eigenvalues);
        System.out.printf("random-feature kernel, lambda in [%.2e, %.2e]: DD worst relative error %.2e "
                + "(ten smallest: %.2e)%n", eigenvalues[D - 1].hi(), eigenvalues[0].hi(), worst[0], worst[1]);
        assertTrue(worst[0] <= CONTRACT, "relative error " + worst[0]);
    }

    @Test
    void doublePrecisionInputBreaksTheContract() {
        DDMatrix k = squareActivationKernel(gram(100, DDMatrix.defaultPool()));
        DDMatrix rounded = DDMatrix.of(k.toDoubleArray());
        double[] worst = worstRelativeErrors(DoubleDoubleEigenSolver.eigenvalues(rounded));
        System.out.printf("random-feature kernel rounded to double: worst relative error %.2e "
                + "(ten smallest: %.2e)%n", worst[0], worst[1]);
        assertTrue(worst[1] > 1e3 * CONTRACT, "rounding K to double should spoil the small eigenvalues");
    }

    @Test
    void gramAndSpectrumAreBitIdenticalForOneAndTwoThreads() {
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            DDMatrix g1 = gram(80, one);
            DDMatrix g2 = gram(80, two);
            assertTrue(g1.bitEquals(g2), "Gram matrices differ");
            DDMatrix k1 = DoubleDoubleKernel.build(g1, new double[] {2, 1}, new double[2],
                    new int[][] {{0, 0, 2}, {2, 2, 0}}, D, one);
            DDMatrix k2 = DoubleDoubleKernel.build(g2, new double[] {2, 1}, new double[2],
                    new int[][] {{0, 0, 2}, {2, 2, 0}}, D, two);
            assertTrue(k1.bitEquals(k2), "kernels differ");
            DoubleDoubleEigenSolver.Result e1 = DoubleDoubleEigenSolver.solve(k1, one, null);
            DoubleDoubleEigenSolver.Result e2 = DoubleDoubleEigenSolver.solve(k2, two, null);
            assertTrue(Arrays.equals(e1.eigenvaluesHi(), e2.eigenvaluesHi())
                    && Arrays.equals(e1.eigenvaluesLo(), e2.eigenvaluesLo()), "eigenvalues differ");
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
