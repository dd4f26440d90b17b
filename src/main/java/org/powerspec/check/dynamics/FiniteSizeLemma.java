package org.powerspec.check.dynamics;

import java.util.List;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.FiniteSizeComparison;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;

/**
 * The dynamics lemma {@code finite-size}: max |ε_g^SGD − ε_g^ODE| shrinks strictly over N = 500, 2000, 8000; control: the ODE at
 * 1.5η stays ≥ 3× further from the N = 8000 simulation.
 */
public final class FiniteSizeLemma extends DynamicsLemma {
    public FiniteSizeLemma() {
        super("finite-size");
    }

    @Override
    protected List<Row> rows() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(4, 1), 0.5, OutputScaling.NONE);
        double[] times = {0, 0.5, 1, 1.5, 2, 2.5, 3};
        List<Integer> ns = List.of(500, 2000, 8000);
        FiniteSizeComparison c = FiniteSizeComparison.run(m, ns, 0.5, 1, 1, times, Tolerances.DEFAULT, Progress.NONE);
        Weights w = Weights.draw(2, 2, 8000, 4, 0.5, 1, 1);
        LearningCurve wrong = OdeIntegration.integrate(m.withEta(0.75), w.orderParameters(), times, Tolerances.DEFAULT, false, Progress.NONE);
        double wrongGap = c.rows().get(2).simulation().maxGap(wrong);
        String gaps = f("max gaps %.2e, %.2e, %.2e (N = 500, 2000, 8000; exponent in N %.2f)", c.rows().get(0).maxGap(),
                c.rows().get(1).maxGap(), c.rows().get(2).maxGap(), c.gapExponent());
        return List.of(row("SGD-ODE gap shrinks with N (erf, K = M = 2, L = 4, eta = 0.5, alpha <= 3)", false,
                c.gapShrinks(), gaps),
                row("control: ODE at 1.5 eta approaches SGD at N = 8000", true, wrongGap < 3 * c.rows().get(2).maxGap(),
                        f("gap to the wrong ODE %.2e", wrongGap)));
    }
}
