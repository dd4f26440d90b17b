package org.powerspec.check.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;

/**
 * The dynamics lemma {@code linear-closed-form}: the closed form (secular-equation eigendecomposition) equals the ODE to 1e-8·ε_g(0); control: η × 1.02.
 */
public final class LinearClosedFormLemma extends DynamicsLemma {
    public LinearClosedFormLemma() {
        super("linear-closed-form");
    }

    @Override
    protected List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int L = 32;
        Weights w = Weights.draw(2, 2, 32 * L, L, 0.5, 1, 8);
        OrderParameters p = w.orderParameters();
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 2, 2, EigenspaceSpectrum.powerLaw(L, 0.75), 0.05, OutputScaling.NONE);
        double[] times = OdeIntegration.logTimes(300, 10);
        LearningCurve ode = OdeIntegration.integrate(m, p, times, new Tolerances(1e-16, 1e-12), false, Progress.NONE);
        for (boolean control : new boolean[] {false, true}) {
            LearningCurve cf = new LinearClosedForm(control ? m.withEta(0.051) : m, p).curve(times);
            double gap = ode.maxGap(cf) / cf.eg()[0];
            rows.add(row(control ? "control: closed form at eta x 1.02" : "K = M = 2, L = 32, beta = 0.75, eta = 0.05",
                    control, gap < 1e-8, f("max |ODE - closed form| / eps_g(0) = %.1e over alpha <= 300 (rel-tol 1e-12)", gap)));
        }
        return rows;
    }
}
