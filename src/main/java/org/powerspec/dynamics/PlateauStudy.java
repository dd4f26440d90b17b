package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

/**
 * Plateau lengths and escape times over a grid of K (= M) and L, all from seeded weights (J ~ N(0, σ_J²),
 * B ~ N(0, 1) at the given N), erf activation, λ_ℓ ∝ ℓ^(−(1+β)) with mean 1, integrated to {@code time}; and the
 * least-squares fit log y = c + a·log L + b·log K over the grid points where y is positive and finite (a term is
 * left out, NaN, when its variable does not vary). The paper's
 * statement to compare with (Worschech &amp; Rosenow, arXiv:2410.09005, as quoted by the reviewers): plateau width
 * ∼ M²/L for large L and M with outputs scaled by 1/√M, escape time ∝ 1/L; with unscaled outputs the same
 * analysis gives ∝ K/L.
 *
 * @param rows one per (K, L)
 * @param lengthFit {c, a, b, R²} for the plateau length (NaN when fewer than 4 usable points)
 * @param escapeFit {c, a, b, R²} for the escape time
 */
public record PlateauStudy(List<Row> rows, double[] lengthFit, double[] escapeFit) {

    /**
     * @param K       student = teacher units
     * @param L       eigenspaces
     * @param epsStar Saad–Solla plateau height for this K and scaling, η → 0
     * @param epsEta  the symmetric plateau's height at this η ({@link GeneralisationError#symmetricPlateau(int, double, OutputScaling)}),
     *                the centre of the band
     * @param plateau the analysis of the curve
     * @param curve   the learning curve
     */
    public record Row(int K, int L, double epsStar, double epsEta, Plateau plateau, LearningCurve curve) {
    }

    /** The settings shared by every run of the grid. */
    public record Settings(double beta, double eta, OutputScaling scaling, int n, double sigmaJ, long seed, double time,
            double band, int perDecade, Integrator integrator) {
        public Settings {
            TwoLayerModel.checkEta(eta);
            Weights.checkSize(n, 1);
            Weights.checkSigmas(sigmaJ, 1);
            if (!(time > 0) || !Double.isFinite(time)) {
                throw new InvalidInputException("time", time + " is not allowed: it must be positive and finite");
            }
            if (!(band > 0 && band < 1)) {
                throw new InvalidInputException("band", band + " is not allowed: 0 < band < 1");
            }
            if (perDecade < 1 || perDecade > 1000) {
                throw new InvalidInputException("per_decade", perDecade + " is not allowed: 1 <= P <= 1000");
            }
        }
    }

    public static PlateauStudy run(List<Integer> ks, List<Integer> ls, Settings s, Progress progress) {
        List<int[]> grid = new ArrayList<>();
        for (int k : ks) {
            for (int l : ls) {
                grid.add(new int[] {k, l});
            }
        }
        Row[] rows = new Row[grid.size()];
        int[] done = {0};
        IntStream.range(0, grid.size()).parallel().forEach(i -> {
            int k = grid.get(i)[0];
            int l = grid.get(i)[1];
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, k, k, EigenspaceSpectrum.powerLaw(l, s.beta()), s.eta(), s.scaling());
            Weights w = Weights.draw(k, k, s.n(), l, s.sigmaJ(), 1, s.seed());
            double[] times = OdeIntegration.logTimes(s.time(), s.perDecade());
            LearningCurve c = OdeIntegration.integrate(m, w.orderParameters(), times, s.integrator().tolerances(), false,
                    Progress.NONE, s.integrator());
            double eps = GeneralisationError.symmetricPlateau(k, s.scaling());
            double epsEta = GeneralisationError.symmetricPlateau(k, s.eta(), s.scaling());
            rows[i] = new Row(k, l, eps, epsEta, Plateau.of(c, epsEta, s.band(), 1e-9), c);
            synchronized (done) {
                done[0]++;
                progress.update("plateau grid", (double) done[0] / grid.size());
            }
        });
        List<Row> list = List.of(rows);
        return new PlateauStudy(list, fit(list, true), fit(list, false));
    }

    private static double[] fit(List<Row> rows, boolean length) {
        List<Row> usable = new ArrayList<>();
        for (Row r : rows) {
            double v = length ? r.plateau().length() : r.plateau().escape();
            if (v > 0 && Double.isFinite(v)) {
                usable.add(r);
            }
        }
        boolean lVaries = usable.stream().mapToInt(Row::L).distinct().count() > 1;
        boolean kVaries = usable.stream().mapToInt(Row::K).distinct().count() > 1;
        int p = (lVaries ? 1 : 0) + (kVaries ? 1 : 0);
        double[] out = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (p == 0 || usable.size() < p + 2) {
            return out;
        }
        double[][] x = new double[usable.size()][p];
        double[] y = new double[usable.size()];
        for (int i = 0; i < y.length; i++) {
            Row r = usable.get(i);
            int j = 0;
            if (lVaries) {
                x[i][j++] = Math.log(r.L());
            }
            if (kVaries) {
                x[i][j] = Math.log(r.K());
            }
            y[i] = Math.log(length ? r.plateau().length() : r.plateau().escape());
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] b = ols.estimateRegressionParameters();
        out[0] = b[0];
        int j = 1;
        if (lVaries) {
            out[1] = b[j++];
        }
        if (kVaries) {
            out[2] = b[j];
        }
        out[3] = ols.calculateRSquared();
        return out;
    }
}
