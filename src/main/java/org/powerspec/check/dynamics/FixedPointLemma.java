package org.powerspec.check.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OrderParameterOde;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.TwoLayerModel;

/**
 * The dynamics lemma {@code fixed-point}: at Q = 1/(2K−1), R = 1/√(K(2K−1)), T = I the O(η) drift vanishes in every eigenspace and
 * ε_g equals the published 0.011611, 0.020297, 0.036226 (K = 2, 3, 5); control: Q = 1/(2K) drifts.
 */
public final class FixedPointLemma extends DynamicsLemma {
    public FixedPointLemma() {
        super("fixed-point");
    }

    @Override
    protected List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        double[] published = {0, 0, 0.011611, 0.020297, 0, 0.036226};
        for (int K : new int[] {2, 3, 5}) {
            double eta = 1e-9;
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, K, EigenspaceSpectrum.powerLaw(8, 1), eta, OutputScaling.NONE);
            for (boolean control : new boolean[] {false, true}) {
                double q = control ? 1.0 / (2 * K) : 1.0 / (2 * K - 1);
                OrderParameters p = OrderParameters.symmetric(K, q, 1 / Math.sqrt(K * (2.0 * K - 1)), 8);
                OrderParameterOde ode = new OrderParameterOde(m, p);
                double[] y = ode.pack(p);
                double drift = Arrays.stream(ode.computeDerivatives(0, y)).map(Math::abs).max().orElse(0) / eta;
                double eg = ode.generalisationError(y);
                boolean ok = drift < 1e-7 && Math.abs(eg - published[K]) < 5e-7;
                rows.add(row((control ? "control: Q = 1/(2K), " : "") + "K = " + K + ", L = 8", control, ok,
                        f("max |dq/dalpha|/eta = %.1e, eps_g = %.7f (published %.6f)", drift, eg, published[K])));
            }
        }
        return rows;
    }
}
