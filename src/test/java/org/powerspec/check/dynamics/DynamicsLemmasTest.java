package org.powerspec.check.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;

class DynamicsLemmasTest {
    @Test
    void everyLemmaHoldsAndEveryControlIsRejected() {
        for (String name : DynamicsLemmas.NAMES) {
            List<DynamicsLemmas.Row> rows = DynamicsLemmas.run(name, Progress.NONE);
            assertTrue(rows.stream().anyMatch(DynamicsLemmas.Row::control), name + " has a control");
            assertTrue(rows.stream().anyMatch(r -> !r.control()), name + " has a claim");
            for (DynamicsLemmas.Row r : rows) {
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
        assertEquals(tail, DynamicsLemmas.trainableFloor(L, 1, 1e-6, 10), 1e-5 * tail);
        assertTrue(Math.abs(DynamicsLemmas.trainableFloor(L, 1, 1e-6, 11) - tail) > 1e-3 * tail, "control: N_l = 11 differs");
    }
}
