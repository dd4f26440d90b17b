package org.powerspec;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The least-squares line through points (x_i, y_i), i = 1..n, by Hipparchus' {@code SimpleRegression}: for
 * y ≈ a + b·x, b = Sxy/Sxx and a = ȳ − b·x̄ (Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ)), R² = 1 − SSE/Syy, and the 95 %
 * confidence interval of the slope b ± t_{0.975, n−2}·√(SSE/(n−2)/Sxx) (Student t, the errors taken independent
 * and normal); with two points the interval is the whole line. {@link #throughOrigin} fits y ≈ b·x instead:
 * b = Σxy/Σx², R² = 1 − SSE/Σy² (uncentred, as a line through the origin has no mean to subtract), and
 * b ± t_{0.975, n−1}·√(SSE/(n−1)/Σx²), the whole line for one point. (Hipparchus' own slope interval takes n − 2
 * degrees of freedom for the line through the origin as well, one fewer than its mean square error divides by, and
 * none below three points; this one takes n − 1.) The exponents and rates the dynamics report, and the slope intervals the claim checks
 * judge, are such fits, usually of logarithms.
 *
 * @param intercept a (0 through the origin)
 * @param slope     b; NaN with fewer than two points or no spread in x
 * @param rSquare   R²
 * @param lo        lower end of the slope's 95 % interval (−∞ without a degree of freedom left)
 * @param hi        upper end (+∞ likewise)
 * @param n         points
 */
public record LineFit(double intercept, double slope, double rSquare, double lo, double hi, int n) {

    /** The line y ≈ a + b·x through points {x, y}. */
    public static LineFit of(List<double[]> pts) {
        SimpleRegression r = new SimpleRegression(true);
        for (double[] p : pts) {
            r.addData(p[0], p[1]);
        }
        return of(r);
    }

    /** The line y ≈ a + b·x through (x[i], y[i]). */
    public static LineFit of(double[] x, double[] y) {
        return of(regression(true, x, y));
    }

    /** The line y ≈ b·x through the origin and (x[i], y[i]). */
    public static LineFit throughOrigin(double[] x, double[] y) {
        return of(regression(false, x, y));
    }

    private static SimpleRegression regression(boolean intercept, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        SimpleRegression r = new SimpleRegression(intercept);
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        return r;
    }

    private static LineFit of(SimpleRegression r) {
        int n = (int) r.getN();
        double b = r.getSlope();
        int dof = r.hasIntercept() ? n - 2 : n - 1;
        if (dof < 1) {
            return new LineFit(r.getIntercept(), b, r.getRSquare(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, n);
        }
        // through the origin Hipparchus' standard error needs three points and its interval n − 2 degrees of freedom
        double half = r.hasIntercept() ? r.getSlopeConfidenceInterval()
                : new TDistribution(dof).inverseCumulativeProbability(0.975)
                        * Math.sqrt(r.getSumSquaredErrors() / dof / r.getXSumSquares());
        return new LineFit(r.getIntercept(), b, r.getRSquare(), b - half, b + half, n);
    }
}
