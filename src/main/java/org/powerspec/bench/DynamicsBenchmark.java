package org.powerspec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;
import org.powerspec.report.LearningCurveReport;
import org.powerspec.report.Table;

/**
 * Times the per-eigenspace ODE in the two settings of the speed target, in this JVM: erf K = M = 2,
 * L = N = 1024, β = 1, η = 0.1, σ_J = 0.01 (Fig. 1 of Worschech &amp; Rosenow) and erf K = M = 40, L = N = 512, β = 1,
 * η = 0.01, σ_J = 1e-6, outputs scaled by 1/√K (Fig. 6), with the default tolerances. Reports accepted steps,
 * right-hand-side evaluations, wall time and the machine's load average before and after (other work on the same
 * cores slows every figure). The integrator is Dormand–Prince 8(5,3) (rel-tol 1e-10) or the stabilised RKC
 * (rel-tol 1e-8), which is what makes the stiff settings fast.
 */
public final class DynamicsBenchmark {
    private DynamicsBenchmark() {
    }

    /**
     * @param name    the case
     * @param model   its model
     * @param time    α reached
     * @param curve   the run
     * @param loadBefore load average (1 min) before
     * @param loadAfter  load average (1 min) after
     */
    public record Row(String name, TwoLayerModel model, double time, LearningCurve curve, String loadBefore, String loadAfter) {
    }

    public static TwoLayerModel model(String name) {
        return switch (name) {
            case "l1024" -> new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(1024, 1), 0.1, OutputScaling.NONE);
            case "k40" -> new TwoLayerModel(Nonlinearity.ERF, 40, 40, EigenspaceSpectrum.powerLaw(512, 1), 0.01, OutputScaling.SQRT);
            default -> throw new org.powerspec.InvalidInputException("case", "'" + name + "' is not known: allowed are l1024, k40");
        };
    }

    /** RKC's tolerances in the benchmark: second order, so looser than Dormand–Prince's defaults. */

    public static Row run(String name, double time, boolean chebyshev, Consumer<String> log) {
        TwoLayerModel m = model(name);
        double sigmaJ = name.equals("k40") ? 1e-6 : 0.01;
        Weights w = Weights.draw(m.K(), m.M(), m.L(), m.L(), sigmaJ, 1, 1);
        String before = loadAverage();
        log.accept(name + ": " + m.describe() + ", N = " + m.L() + ", sigma_J = " + sigmaJ + ", to alpha = " + time);
        LearningCurve c = OdeIntegration.integrate(m, w.orderParameters(), OdeIntegration.logTimes(time, 5),
                chebyshev ? Tolerances.RKC : Tolerances.DEFAULT, false, Progress.NONE, chebyshev);
        return new Row(name, m, time, c, before, loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public static String markdown(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            LearningCurve c = r.curve();
            cells.add(List.of(r.name(), r.model().label(), c.method(), LearningCurveReport.num(r.time()), String.valueOf(c.steps()),
                    String.valueOf(c.evaluations()), String.format(Locale.ROOT, "%.1f", c.seconds()),
                    String.format(Locale.ROOT, "%.3f", 1e3 * c.seconds() / Math.max(c.evaluations(), 1)),
                    LearningCurveReport.num(c.eg()[c.eg().length - 1]), r.loadBefore() + " / " + r.loadAfter()));
        }
        return new Table(List.of("case", "model", "integrator", "alpha", "steps", "evaluations", "seconds", "ms/evaluation", "eps_g(alpha)",
                "load avg before / after"), cells).markdown();
    }
}
