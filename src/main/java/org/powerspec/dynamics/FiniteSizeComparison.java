package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.LineFit;
import org.powerspec.Progress;

/**
 * SGD at several N against the N → ∞ ODE started from the same weights' order parameters. The order parameters of
 * the finite system fluctuate by O(1/√N) around the ODE's solution (Saad &amp; Solla; Goldt et al.,
 * arXiv:1906.08632), so the largest gap max_α |ε_g^SGD − ε_g^ODE| should shrink like N^(−1/2).
 *
 * @param rows one row per N, in the order given
 */
public record FiniteSizeComparison(List<Row> rows) {
    /**
     * @param n          input dimension
     * @param ode        the ODE from this N's initial weights
     * @param simulation the SGD run
     * @param maxGap     max |ε_g^SGD − ε_g^ODE|
     * @param maxRelGap  max |ε_g^SGD − ε_g^ODE| / ε_g^ODE
     */
    public record Row(int n, LearningCurve ode, LearningCurve simulation, double maxGap, double maxRelGap) {
    }

    public FiniteSizeComparison {
        rows = List.copyOf(rows);
    }

    /** The students' default initial scale: O(1) weights, whose O(1/sqrt N) fluctuations show the gap's decrease early. */
    public static final double DEFAULT_SIGMA_J = 0.5;

    public static FiniteSizeComparison run(TwoLayerModel m, List<Integer> sizes, double sigmaJ, double sigmaB, long seed,
            double[] times, Tolerances tol, Progress progress) {
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            Weights w = Weights.draw(m.K(), m.M(), n, m.L(), sigmaJ, sigmaB, seed);
            // the ODE at the times SGD reaches (round(alpha N)/N), so both curves describe the same steps
            LearningCurve ode = OdeIntegration.integrate(m, w.orderParameters(), SgdSimulation.stepTimes(times, n), tol, false,
                    Progress.NONE);
            LearningCurve sim = SgdSimulation.run(m, w, times, seed, (stage, f) -> progress.update("N = " + n + ": " + stage, f));
            rows.add(new Row(n, ode, sim, sim.maxGap(ode), sim.maxRelativeGap(ode)));
        }
        return new FiniteSizeComparison(rows);
    }

    /** True when the largest gap decreases strictly from each N to the next. */
    public boolean gapShrinks() {
        for (int i = 1; i < rows.size(); i++) {
            if (!(rows.get(i).maxGap() < rows.get(i - 1).maxGap())) {
                return false;
            }
        }
        return true;
    }

    /** The least-squares slope of log(gap) against log(N): about −1/2 for fluctuations of order N^(−1/2). */
    public double gapExponent() {
        int k = rows.size();
        if (k < 2) {
            return Double.NaN;
        }
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = Math.log(rows.get(i).n());
            y[i] = Math.log(rows.get(i).maxGap());
        }
        return LineFit.of(x, y).slope();
    }
}
