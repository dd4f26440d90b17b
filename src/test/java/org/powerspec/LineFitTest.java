package org.powerspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class LineFitTest {
    /** Points on y = 3 − 2x: the line itself, R² = 1, an interval of zero width; a second line is told apart. */
    @Test
    void pointsOnALineGiveThatLine() {
        double[] x = {-1, 0, 0.5, 2, 7, 11};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 - 2 * x[i];
        }
        LineFit f = LineFit.of(x, y);
        assertEquals(3, f.intercept(), 1e-13);
        assertEquals(-2, f.slope(), 1e-13);
        assertEquals(1, f.rSquare(), 1e-13);
        assertEquals(x.length, f.n());
        assertTrue(f.lo() <= -2 + 1e-12 && f.hi() >= -2 - 1e-12 && f.hi() - f.lo() < 1e-6, f.lo() + " .. " + f.hi());
        // control: one point moved off the line widens the interval and moves the slope
        y[3] += 1;
        LineFit off = LineFit.of(x, y);
        assertTrue(off.hi() - off.lo() > 0.05 && off.rSquare() < 1 - 1e-4, off.toString());
    }

    /**
     * Anscombe's first data set (Am. Stat. 27 (1973) 17): y = 3.0001 + 0.5001·x, r² = 0.6665, se(b) = 0.1179, so
     * the 95 % interval is 0.5001 ± t_{0.975, 9}·0.1179 = [0.2334, 0.7668], which excludes 0.
     */
    @Test
    void anscombesFirstDataSet() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        LineFit f = LineFit.of(x, y);
        assertEquals(3.00009, f.intercept(), 1e-5);
        assertEquals(0.500091, f.slope(), 1e-6);
        assertEquals(0.666542, f.rSquare(), 1e-6);
        double half = 2.262157 * 0.1179055;
        assertEquals(0.500091 - half, f.lo(), 1e-5);
        assertEquals(0.500091 + half, f.hi(), 1e-5);
        assertTrue(f.lo() > 0, "a positive slope at 95 %");
        // control: Anscombe's third set has the same line but not the same residuals
        double[] y3 = {7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73};
        LineFit f3 = LineFit.of(x, y3);
        assertEquals(0.4997, f3.slope(), 1e-4);
        assertEquals(0.6663, f3.rSquare(), 1e-4);
        assertFalse(f3.slope() == f.slope());
    }

    /**
     * The slope interval check/core's SlopeInterval computes (two passes: b = Sxy/Sxx, se = √(SSE/(n−2)/Sxx) from the
     * residuals, b ± t_{0.975, n−2}·se; the whole line for n ≤ 2), written out here independently, on noisy points
     * for n = 2..40: the same numbers to rounding.
     */
    @Test
    void agreesWithTheTwoPassSlopeInterval() {
        java.util.Random rnd = new java.util.Random(7);
        for (int n = 2; n <= 40; n++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double xi = Math.log(10 + 37 * i + rnd.nextDouble());
                pts.add(new double[] {xi, 0.7 - 0.5 * xi + 0.03 * rnd.nextGaussian()});
            }
            double[] ref = twoPass(pts);
            LineFit f = LineFit.of(pts);
            assertEquals(n, f.n());
            assertEquals(ref[0], f.slope(), 1e-12 * Math.abs(ref[0]), "n = " + n);
            if (n <= 2) {
                assertEquals(Double.NEGATIVE_INFINITY, f.lo());
                assertEquals(Double.POSITIVE_INFINITY, f.hi());
            } else {
                assertEquals(ref[1], f.lo(), 1e-10 * (ref[2] - ref[1]), "n = " + n);
                assertEquals(ref[2], f.hi(), 1e-10 * (ref[2] - ref[1]), "n = " + n);
            }
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
            assertEquals(f, LineFit.of(x, y), "the list and the arrays give the same fit");
        }
    }

    private static double[] twoPass(List<double[]> pts) {
        int n = pts.size();
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double b = sxy / sxx;
        if (n <= 2) {
            return new double[] {b, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double sse = 0;
        for (double[] p : pts) {
            double e = p[1] - my - b * (p[0] - mx);
            sse += e * e;
        }
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
        double se = Math.sqrt(sse / (n - 2) / sxx);
        return new double[] {b, b - t * se, b + t * se};
    }

    /**
     * Through the origin: b = Σxy/Σx², R² = 1 − SSE/Σy², the interval with n − 1 degrees of freedom (finite for
     * two points); points on y = 1.5x give that line exactly. Control: the line with an intercept on the same
     * points is another line.
     */
    @Test
    void throughTheOrigin() {
        double[] x = {1, 2, 4, 5, 8};
        double[] exact = {1.5, 3, 6, 7.5, 12};
        LineFit e = LineFit.throughOrigin(x, exact);
        assertEquals(0, e.intercept());
        assertEquals(1.5, e.slope(), 1e-14);
        assertEquals(1, e.rSquare(), 1e-14);
        assertTrue(e.hi() - e.lo() < 1e-6, e.toString());
        double[] y = {1.9, 2.8, 6.5, 7.0, 12.6};
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
        }
        double b = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            sse += (y[i] - b * x[i]) * (y[i] - b * x[i]);
        }
        double half = new TDistribution(x.length - 1).inverseCumulativeProbability(0.975) * Math.sqrt(sse / (x.length - 1) / sxx);
        LineFit f = LineFit.throughOrigin(x, y);
        assertEquals(b, f.slope(), 1e-14);
        assertEquals(1 - sse / syy, f.rSquare(), 1e-12);
        assertEquals(b - half, f.lo(), 1e-12);
        assertEquals(b + half, f.hi(), 1e-12);
        LineFit two = LineFit.throughOrigin(new double[] {1, 2}, new double[] {1, 2.2});
        assertTrue(Double.isFinite(two.lo()) && Double.isFinite(two.hi()) && two.lo() < two.slope() && two.slope() < two.hi(), two.toString());
        assertEquals(Double.POSITIVE_INFINITY, LineFit.of(new double[] {1, 2}, new double[] {1, 2.2}).hi());
        // control: with an intercept the same points give another slope
        assertTrue(Math.abs(LineFit.of(x, y).slope() - f.slope()) > 1e-3);
    }
}
