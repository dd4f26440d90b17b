package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.powerspec.Progress;

/** Real SGD at N = 500, 2000, 8000 against the N → ∞ ODE from the same initial weights. */
class SgdSimulationTest {
    static final double[] TIMES = {0, 0.5, 1, 1.5, 2, 2.5};
    static final long[] SEEDS = {1, 2};

    static double meanGap(int N, double etaOde) {
        double sum = 0;
        for (long seed : SEEDS) {
            Weights w = Weights.draw(2, 2, N, 4, 0.5, 1, seed);
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(4, 1), 0.5, OutputScaling.NONE);
            LearningCurve ode = OdeIntegration.integrate(m.withEta(etaOde), w.orderParameters(), TIMES, Tolerances.DEFAULT, false, Progress.NONE);
            LearningCurve sim = SgdSimulation.run(m, w, TIMES, seed, Progress.NONE);
            assertEquals(ode.eg()[0], sim.eg()[0], 1e-12, "both start from the same weights");
            sum += sim.maxGap(ode);
        }
        return sum / SEEDS.length;
    }

    @Test
    void gapBetweenSgdAndOdeShrinksWithN() {
        double g500 = meanGap(500, 0.5);
        double g2000 = meanGap(2000, 0.5);
        double g8000 = meanGap(8000, 0.5);
        assertTrue(g2000 < g500 && g8000 < g2000, "gaps " + g500 + ", " + g2000 + ", " + g8000);
        assertTrue(g8000 < 0.6 * g500, "gaps " + g500 + " -> " + g8000);
        // control: an ODE with the learning rate off by 50% does not approach the simulation
        double wrong = meanGap(8000, 0.75);
        assertTrue(wrong > 3 * g8000, "control gap " + wrong + " vs " + g8000);
    }

    @Test
    void simulationIsDeterministicForASeed() {
        Weights w = Weights.draw(2, 1, 64, 2, 0.5, 1, 5);
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 2, 1, EigenspaceSpectrum.powerLaw(2, 1), 0.2, OutputScaling.SQRT);
        LearningCurve a = SgdSimulation.run(m, w, TIMES, 3, Progress.NONE);
        LearningCurve b = SgdSimulation.run(m, w, TIMES, 3, Progress.NONE);
        assertEquals(0, a.maxGap(b));
        assertTrue(SgdSimulation.run(m, w, TIMES, 4, Progress.NONE).maxGap(a) > 0, "another seed gives another path");
    }
}
