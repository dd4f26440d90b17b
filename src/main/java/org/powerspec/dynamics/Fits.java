package org.powerspec.dynamics;

import org.hipparchus.stat.regression.SimpleRegression;

/** Least-squares lines (Hipparchus' {@code SimpleRegression}) for the exponents and rates the dynamics commands report. */
public final class Fits {
    private Fits() {
    }

    /** The slope b of y ≈ a + b·x. */
    public static double slope(double[] x, double[] y) {
        return line(x, y)[1];
    }

    /** {a, b, R²} of y ≈ a + b·x. */
    public static double[] line(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        return new double[] {r.getIntercept(), r.getSlope(), r.getRSquare()};
    }
}
