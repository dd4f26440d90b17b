package org.powerspec.check.dynamics;

import java.util.List;
import org.powerspec.Progress;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.Plateau;
import org.powerspec.dynamics.PlateauStudy;

/**
 * The dynamics lemma {@code plateau-vs-L}: the erf plateau (K = M = 2, Fig. 1 settings) is shorter at L = 16 than at L = 1 by more
 * than half; control: measured against a height 30% off, no plateau is found.
 */
public final class PlateauVersusLLemma extends DynamicsLemma {
    public PlateauVersusLLemma() {
        super("plateau-vs-L");
    }

    @Override
    protected List<Row> rows() {
        PlateauStudy.Settings s = new PlateauStudy.Settings(1, 0.1, OutputScaling.NONE, 1024, 0.01, 1, 3000, 0.1, 40, Integrator.DP853);
        PlateauStudy study = PlateauStudy.run(List.of(2), List.of(1, 16), s, Progress.NONE);
        Plateau iso = study.rows().get(0).plateau();
        Plateau wide = study.rows().get(1).plateau();
        double eps = study.rows().get(0).epsEta();
        Plateau off = Plateau.of(study.rows().get(0).curve(), 1.3 * eps, 0.1, 1e-9);
        return List.of(
                row("plateau(L = 16) < plateau(L = 1)/2, K = M = 2, eta = 0.1", false,
                        iso.length() > 100 && wide.length() < 0.5 * iso.length(),
                        f("length %.1f (L = 1), %.1f (L = 16); escape %.1f, %.1f", iso.length(), wide.length(), iso.escape(), wide.escape())),
                row("control: a plateau (> 100) at 1.3 eps* for L = 1", true, off.length() > 100,
                        f("time within 10%% of 1.3 eps* = %.2f", off.length())));
    }
}
