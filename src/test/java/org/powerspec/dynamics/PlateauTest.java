package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.Progress;

class PlateauTest {
    /** ε = 0.3 before α = 1 (falling linearly to ε_* by 10), ε_* on [10, 100], then ε_*·e^(−(α−100)/50). */
    static LearningCurve synthetic(double epsStar) {
        double[] t = OdeIntegration.logTimes(2000, 400);
        double[] e = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double a = t[i];
            e[i] = a < 10 ? 0.3 + (epsStar - 0.3) * Math.max(a - 1, 0) / 9 : a <= 100 ? epsStar : epsStar * Math.exp(-(a - 100) / 50);
        }
        return new LearningCurve(t, e, List.of(), new double[t.length][0], 0, 0, 0, "synthetic");
    }

    @Test
    void syntheticPlateauIsMeasuredExactly() {
        double eps = 0.0116;
        Plateau p = Plateau.of(synthetic(eps), eps, 0.1, 1e-12);
        // inside the band: from the fall reaching 1.1 eps_* (alpha just under 10) to the decay reaching 0.9 eps_* at 100 + 50 ln(1/0.9)
        double exit = 100 + 50 * Math.log(1 / 0.9);
        assertEquals(exit, p.escape(), 0.05);
        assertEquals(exit - 10, p.length(), 0.2);
        assertEquals(eps, p.height(), 1e-15);
        assertEquals(1 / 50.0, p.rate(), 1e-6, "exponential tail rate");
        assertTrue(p.exponentialWins());
        // control: against a plateau height 30% off, there is no plateau to find
        assertTrue(Plateau.of(synthetic(eps), 1.3 * eps, 0.1, 1e-12).length() < 1);
    }

    @Test
    void plateauShrinksAsLGrows() {
        PlateauStudy.Settings s = new PlateauStudy.Settings(1, 0.1, OutputScaling.NONE, 1024, 0.01, 1, 2000, 0.1, 40, Integrator.DP853);
        PlateauStudy study = PlateauStudy.run(List.of(2), List.of(1, 16), s, Progress.NONE);
        Plateau iso = study.rows().get(0).plateau();
        Plateau wide = study.rows().get(1).plateau();
        assertTrue(iso.length() > 100 && Double.isFinite(iso.escape()), "isotropic plateau " + iso);
        assertTrue(wide.length() < 0.5 * iso.length(), "L = 16: " + wide.length() + " vs L = 1: " + iso.length());
        // the isotropic plateau sits at the finite-eta symmetric fixed point (T ~ I up to O(1/sqrt N))
        assertEquals(GeneralisationError.symmetricPlateau(2, 0.1, OutputScaling.NONE), iso.height(), 0.05 * iso.height());
        // and the finite-eta height tends to Saad & Solla.s eps* as eta -> 0
        assertEquals(GeneralisationError.symmetricPlateau(2, OutputScaling.NONE), GeneralisationError.symmetricPlateau(2, 1e-3, OutputScaling.NONE), 1e-5);
    }
}
