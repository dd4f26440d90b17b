package org.powerspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

/** LineFit's slope interval: the least-squares slope's 95 % interval b ± t_{0.975, n−2}·se(b), against hand-computed and published numbers. */
class LineFitIntervalTest {
    private static List<double[]> points(double[] x, double[] y) {
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            p.add(new double[] {x[i], y[i]});
        }
        return p;
    }

    @Test
    void anExactLineHasAZeroWidthInterval() {
        // y = 3x - 2 at x = 0..9: every sum is exact in double, so the residuals and the width are exactly 0
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i;
            y[i] = 3 * i - 2;
        }
        LineFit s = LineFit.of(points(x, y));
        assertEquals(3, s.slope(), 1e-15);
        assertEquals(10, s.n());
        assertEquals(0, s.hi() - s.lo(), 1e-7, "zero width up to the rounding of the updating sums");
    }

    @Test
    void aTextbookDataSetGivesTheHandComputedInterval() {
        // x = 1..5, y = 2, 4, 5, 4, 5 (interval 0.6 ± 0.900132): Sxx = 10, Sxy = 6, b = 0.6; fitted 2.8, 3.4, 4.0, 4.6, 5.2, residuals −0.8, 0.6, 1,
        // −0.6, −0.2, SSE = 2.4; se(b) = √(2.4/3/10) = √0.08; t_{0.975, 3} = 3.182446305284263 (Student's t table: 3.182)
        LineFit s = LineFit.of(points(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}));
        // (the quantile is found by a numerical inversion of the t distribution, to about 1e-9)
        double half = 3.182446305284263 * Math.sqrt(0.08);
        assertEquals(5, s.n());
        assertEquals(0.6, s.slope(), 1e-15);
        assertEquals(0.6 - half, s.lo(), 1e-9);
        assertEquals(0.6 + half, s.hi(), 1e-9);
        assertEquals(-0.300132, s.lo(), 1e-6);
        assertEquals(1.500132, s.hi(), 1e-6);
    }

    @Test
    void anscombesFirstDataSetGivesThePublishedSlopeAndStandardError() {
        // Anscombe (1973), "Graphs in statistical analysis", data set I: slope 0.5001, standard error 0.1179 (as every
        // regression package prints it); t_{0.975, 9} = 2.262157
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        LineFit s = LineFit.of(points(x, y));
        assertEquals(11, s.n());
        assertEquals(0.5001, s.slope(), 5e-5);
        double se = (s.hi() - s.lo()) / 2 / 2.262157;
        assertEquals(0.1179, se, 5e-5);
        assertEquals(s.slope(), (s.lo() + s.hi()) / 2, 1e-14, "symmetric about the slope");
    }

    @Test
    void twoPointsDetermineTheSlopeButNotItsInterval() {
        LineFit s = LineFit.of(points(new double[] {1, 3}, new double[] {5, -1}));
        assertEquals(-3, s.slope(), 0);
        assertEquals(Double.NEGATIVE_INFINITY, s.lo());
        assertEquals(Double.POSITIVE_INFINITY, s.hi());
        assertEquals(2, s.n());
        // three points: a finite interval again
        LineFit three = LineFit.of(points(new double[] {1, 2, 3}, new double[] {5, 2, -1.5}));
        assertTrue(Double.isFinite(three.lo()) && Double.isFinite(three.hi()) && three.lo() < three.slope() && three.slope() < three.hi());
    }

    /**
     * Over many seeded noisy lines with a known slope, the 95 % interval holds the true slope about 95 % of the time
     * (2000 lines: a binomial standard deviation of 0.5 %); the normal quantile 1.96 in place of t_{0.975, 8} = 2.306,
     * too narrow for ten points, covers only P(|T_8| < 1.96) = 91.4 % — the negative control.
     */
    @Test
    void theIntervalCoversTheTrueSlopeNinetyFivePercentOfTheTime() {
        Random rnd = new Random(20240611L);
        int lines = 2000;
        int n = 10;
        double slope = -1.7;
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
        assertEquals(2.306004, t, 1e-6, "t_{0.975, 8} from the table");
        int covered = 0;
        int coveredNarrow = 0;
        for (int k = 0; k < lines; k++) {
            List<double[]> p = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double x = Math.log(100 * (i + 1));
                p.add(new double[] {x, 0.3 + slope * x + 0.2 * rnd.nextGaussian()});
            }
            LineFit s = LineFit.of(p);
            if (s.lo() <= slope && slope <= s.hi()) {
                covered++;
            }
            double narrow = (s.hi() - s.slope()) * 1.959964 / t;
            if (Math.abs(s.slope() - slope) <= narrow) {
                coveredNarrow++;
            }
        }
        double coverage = covered / (double) lines;
        double narrowCoverage = coveredNarrow / (double) lines;
        assertEquals(0.95, coverage, 0.015, "coverage " + coverage);
        double expectedNarrow = 2 * new TDistribution(n - 2).cumulativeProbability(1.959964) - 1;
        assertEquals(0.914, expectedNarrow, 1e-3);
        assertEquals(expectedNarrow, narrowCoverage, 0.02, "narrow coverage " + narrowCoverage);
        assertTrue(narrowCoverage < coverage - 0.02, coverage + " vs " + narrowCoverage);
    }
}
