package org.powerspec.dynamics;

import java.util.List;

/**
 * ε_g(α) at the requested times, with optional extra columns (order parameters) and the cost of producing it.
 *
 * @param times       α values
 * @param eg          ε_g at each time
 * @param columnNames names of the extra columns (empty when none)
 * @param columns     extra values, [time][column]
 * @param steps       accepted integrator steps (SGD steps for a simulation)
 * @param evaluations right-hand-side evaluations (0 for a simulation or a closed form)
 * @param seconds     wall-clock time
 * @param method      how the curve was obtained
 */
public record LearningCurve(double[] times, double[] eg, List<String> columnNames, double[][] columns, long steps,
        long evaluations, double seconds, String method) {
    public LearningCurve {
        times = times.clone();
        eg = eg.clone();
        columnNames = List.copyOf(columnNames);
        columns = columns.clone();
    }

    /** The largest |ε_g − other ε_g| over common times (the curves must share their time grid). */
    public double maxGap(LearningCurve other) {
        if (other.times.length != times.length) {
            throw new IllegalArgumentException("curves on different time grids");
        }
        double g = 0;
        for (int i = 0; i < times.length; i++) {
            g = Math.max(g, Math.abs(eg[i] - other.eg[i]));
        }
        return g;
    }

    /** The largest relative gap |ε_g − other|/other. */
    public double maxRelativeGap(LearningCurve other) {
        double g = 0;
        for (int i = 0; i < times.length; i++) {
            g = Math.max(g, Math.abs(eg[i] - other.eg[i]) / Math.abs(other.eg[i]));
        }
        return g;
    }
}
