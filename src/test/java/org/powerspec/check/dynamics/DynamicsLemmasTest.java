package org.powerspec.check.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.TwoLayerModel;

class DynamicsLemmasTest {
    @Test
    void everyLemmaHoldsAndEveryControlIsRejected() {
        for (String name : DynamicsLemmas.NAMES) {
            List<DynamicsLemma.Row> rows = DynamicsLemmas.run(name, Progress.NONE);
            assertTrue(rows.stream().anyMatch(DynamicsLemma.Row::control), name + " has a control");
            assertTrue(rows.stream().anyMatch(r -> !r.control()), name + " has a claim");
            for (DynamicsLemma.Row r : rows) {
                assertTrue(r.asExpected(), r.toString());
            }
        }
    }

    @Test
    void trainableFloorFollowsTheTailSumOfTheSpectrum() {
        // eta -> 0: eps_g(inf) = 1/2 sum_{l > N_l} lambda_l s_l(0) with s_l(0) = t^l = 1/L; computed here directly
        int L = 64;
        EigenspaceSpectrum s = EigenspaceSpectrum.powerLaw(L, 1);
        double tail = 0;
        for (int l = 10; l < L; l++) {
            tail += 0.5 * s.get(l) / L;
        }
        // the eta^2 source adds O(eta) relative
        assertEquals(tail, trainableFloor(L, 1, 1e-6, 10), 1e-5 * tail);
        assertTrue(Math.abs(trainableFloor(L, 1, 1e-6, 11) - tail) > 1e-3 * tail, "control: N_l = 11 differs");
    }

    /** eps_g(inf) for the top {@code nl} of L eigenspaces trained, from the mean initial state t^l = 1/L (closed form). */
    private static double trainableFloor(int L, double beta, double eta, int nl) {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, EigenspaceSpectrum.powerLaw(L, beta), eta,
                OutputScaling.NONE, nl);
        return new LinearClosedForm(m, OrderParameters.symmetric(1, 0, 0, L)).floor();
    }
}
