package org.powerspec.numeric.dd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powerspec.numeric.DoubleDoubleFixtures.absoluteError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.powerspec.numeric.DoubleDoubleFixtures;

/** Eigenvalues in double-double against spectra known in closed form or computed by mpmath at 60 digits. */
class DoubleDoubleEigenSolverTest {

    /** The largest absolute error, divided by ‖A‖₂ = max |λ|. */
    private static double worstNormwiseError(DoubleDouble[] computed, List<BigDecimal> reference) {
        assertEquals(reference.size(), computed.length);
        double norm = 0;
        for (BigDecimal r : reference) {
            norm = Math.max(norm, r.abs().doubleValue());
        }
        double worst = 0;
        for (int k = 0; k < computed.length; k++) {
            worst = Math.max(worst, absoluteError(computed[k], reference.get(k)) / norm);
        }
        return worst;
    }

    private static double worstAbsoluteError(DoubleDouble[] computed, List<BigDecimal> reference) {
        double worst = 0;
        for (int k = 0; k < computed.length; k++) {
            worst = Math.max(worst, absoluteError(computed[k], reference.get(k)));
        }
        return worst;
    }

    @Test
    void secondDifferenceMatrixHasTheCosineSpectrum() {
        int n = 50;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 2;
            if (i > 0) {
                a[i][i - 1] = -1;
                a[i - 1][i] = -1;
            }
        }
        DoubleDoubleEigenSolver.Result result = DoubleDoubleEigenSolver.solve(DDMatrix.of(a), DDMatrix.defaultPool(), null);
        List<BigDecimal> reference = DoubleDoubleFixtures.decimals("second_difference_50.txt");
        double worst = worstNormwiseError(result.eigenvalues(), reference);
        System.out.printf("second difference n = 50: worst |error|/||A|| = %.2e (reported bound %.2e)%n", worst,
                result.absoluteErrorBound() / result.gershgorinBound());
        assertTrue(worst <= 1e-30, "normwise error " + worst);
        assertTrue(worstAbsoluteError(result.eigenvalues(), reference) <= result.absoluteErrorBound());
        assertEquals(4, result.gershgorinBound(), 1e-12);
    }

    @Test
    void gradedDenseSpectrumFrom1To1e25() {
        List<String[]> rows = DoubleDoubleFixtures.rows("graded_dense_50.txt");
        int n = Integer.parseInt(rows.get(0)[1]);
        double[][] hi = new double[n][n];
        double[][] lo = new double[n][n];
        List<BigDecimal> reference = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row[0].equals("eig")) {
                reference.add(new BigDecimal(row[1]));
            } else {
                int i = Integer.parseInt(row[0]);
                int j = Integer.parseInt(row[1]);
                hi[i][j] = hi[j][i] = Double.parseDouble(row[2]);
                lo[i][j] = lo[j][i] = Double.parseDouble(row[3]);
            }
        }
        DoubleDoubleEigenSolver.Result result = DoubleDoubleEigenSolver.solve(DDMatrix.of(hi, lo), DDMatrix.defaultPool(), null);
        double worst = worstNormwiseError(result.eigenvalues(), reference);
        double smallest = reference.stream().mapToDouble(x -> Math.abs(x.doubleValue())).min().orElseThrow();
        System.out.printf("graded dense n = 50, |lambda| in [%.1e, 1]: worst |error|/||A|| = %.2e "
                + "(reported bound %.2e)%n", smallest, worst, result.absoluteErrorBound());
        assertTrue(smallest < 1.1e-25);
        assertTrue(worst <= 1e-30, "normwise error " + worst);
        assertTrue(worstAbsoluteError(result.eigenvalues(), reference) <= result.absoluteErrorBound());
    }

    /** Σλ = trace A and Σλ² = ‖A‖_F², exactly in BigDecimal: checks all eigenvalues of a larger matrix at once. */
    @Test
    void traceAndFrobeniusNormOfARandomMatrixOfOrder200() {
        int n = 200;
        Random random = new Random(5);
        double[][] a = new double[n][n];
        BigDecimal trace = BigDecimal.ZERO;
        BigDecimal frobenius = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian();
                BigDecimal x = new BigDecimal(a[i][j]);
                frobenius = frobenius.add(x.multiply(x).multiply(BigDecimal.valueOf(i == j ? 1 : 2)));
            }
            trace = trace.add(new BigDecimal(a[i][i]));
        }
        DoubleDoubleEigenSolver.Result result = DoubleDoubleEigenSolver.solve(DDMatrix.of(a), DDMatrix.defaultPool(), null);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        for (DoubleDouble lambda : result.eigenvalues()) {
            BigDecimal x = lambda.toBigDecimal();
            sum = sum.add(x);
            sumOfSquares = sumOfSquares.add(x.multiply(x));
        }
        double norm = Math.abs(result.eigenvalue(0).hi()) + Math.abs(result.eigenvalue(n - 1).hi());
        double traceError = sum.subtract(trace).abs().doubleValue() / (n * norm);
        double frobeniusError = sumOfSquares.subtract(frobenius).abs().doubleValue() / (n * norm * norm);
        System.out.printf("random n = 200: |sum(lambda) - trace|/(n||A||) = %.2e, "
                + "|sum(lambda^2) - ||A||_F^2|/(n||A||^2) = %.2e%n", traceError, frobeniusError);
        assertTrue(traceError <= 1e-30, "trace " + traceError);
        assertTrue(frobeniusError <= 1e-30, "Frobenius " + frobeniusError);
        for (int k = 1; k < n; k++) {
            assertTrue(result.eigenvalue(k - 1).compareTo(result.eigenvalue(k)) >= 0, "descending at " + k);
        }
        assertTrue(Math.abs(result.eigenvalue(0).hi()) <= result.gershgorinBound());
    }

    @Test
    void resultIsBitIdenticalForOneAndTwoThreads() {
        int n = 200;
        Random random = new Random(6);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian() * Math.pow(0.9, i + j);
            }
        }
        DDMatrix m = DDMatrix.of(a);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            DoubleDoubleEigenSolver.Result r1 = DoubleDoubleEigenSolver.solve(m, one, null);
            DoubleDoubleEigenSolver.Result r2 = DoubleDoubleEigenSolver.solve(m, two, null);
            assertArrayEquals(r1.eigenvaluesHi(), r2.eigenvaluesHi());
            assertArrayEquals(r1.eigenvaluesLo(), r2.eigenvaluesLo());
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    @Test
    void smallAndDegenerateCases() {
        assertEquals(0, DoubleDoubleEigenSolver.eigenvalues(new DDMatrix(0)).length);
        assertArrayEquals(new DoubleDouble[] {DoubleDouble.of(-3)}, DoubleDoubleEigenSolver.eigenvalues(DDMatrix.of(new double[][] {{-3}})));
        // [[2, 1], [1, 2]]: 3 and 1
        DoubleDouble[] two = DoubleDoubleEigenSolver.eigenvalues(DDMatrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertTrue(absoluteError(two[0], BigDecimal.valueOf(3)) < 1e-31);
        assertTrue(absoluteError(two[1], BigDecimal.ONE) < 1e-31);
        // a diagonal matrix (every reflector is the identity), with a repeated eigenvalue and an exact zero
        double[] diagonal = {5, -1, 0, 5, 1e-20, 2};
        double[][] d = new double[diagonal.length][diagonal.length];
        for (int i = 0; i < diagonal.length; i++) {
            d[i][i] = diagonal[i];
        }
        DoubleDouble[] e = DoubleDoubleEigenSolver.eigenvalues(DDMatrix.of(d));
        double[] expected = {5, 5, 2, 1e-20, 0, -1};
        for (int k = 0; k < expected.length; k++) {
            assertTrue(absoluteError(e[k], new BigDecimal(expected[k])) <= 1e-30 * 5, k + ": " + e[k]);
        }
        // the rank-one matrix of all ones: n, then n − 1 zeros (to the absolute error bound)
        int n = 7;
        double[][] ones = new double[n][n];
        for (double[] row : ones) {
            Arrays.fill(row, 1);
        }
        DoubleDoubleEigenSolver.Result r = DoubleDoubleEigenSolver.solve(DDMatrix.of(ones), DDMatrix.defaultPool(), null);
        assertTrue(absoluteError(r.eigenvalue(0), BigDecimal.valueOf(n)) <= r.absoluteErrorBound());
        for (int k = 1; k < n; k++) {
            assertTrue(Math.abs(r.eigenvalue(k).hi()) <= r.absoluteErrorBound(), r.eigenvalue(k).toString());
        }
    }

    @Test
    void progressRisesFromZeroToOne() {
        List<Double> reported = new ArrayList<>();
        Random random = new Random(7);
        int n = 120;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextDouble();
            }
        }
        DoubleDoubleEigenSolver.solve(DDMatrix.of(a), DDMatrix.defaultPool(), reported::add);
        assertEquals(0.0, reported.get(0));
        assertEquals(1.0, reported.get(reported.size() - 1));
        for (int k = 1; k < reported.size(); k++) {
            assertTrue(reported.get(k) >= reported.get(k - 1), "monotone at " + k);
        }
    }
}
