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

    /**
     * The mean over runs on one time grid — the paper's average over seeds of the initial weights: ε_g is the
     * arithmetic mean of the runs' ε_g at each time, the columns {@code eg_<label>} hold each run's own, and steps,
     * evaluations and seconds are summed.
     */
    public static LearningCurve mean(List<LearningCurve> runs, List<String> labels) {
        if (runs.isEmpty() || runs.size() != labels.size()) {
            throw new IllegalArgumentException(runs.size() + " runs, " + labels.size() + " labels");
        }
        double[] t = runs.get(0).times();
        double[] mean = new double[t.length];
        double[][] cols = new double[t.length][runs.size()];
        long steps = 0;
        long evaluations = 0;
        double seconds = 0;
        for (int r = 0; r < runs.size(); r++) {
            LearningCurve c = runs.get(r);
            if (!java.util.Arrays.equals(c.times(), t)) {
                throw new IllegalArgumentException("curves on different time grids");
            }
            for (int i = 0; i < t.length; i++) {
                mean[i] += c.eg()[i] / runs.size();
                cols[i][r] = c.eg()[i];
            }
            steps += c.steps();
            evaluations += c.evaluations();
            seconds += c.seconds();
        }
        List<String> names = labels.stream().map(l -> "eg_" + l).toList();
        return new LearningCurve(t, mean, names, cols, steps, evaluations, seconds,
                runs.get(0).method() + ", mean over " + runs.size() + " runs");
    }
}
