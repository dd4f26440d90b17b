package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

/**
 * Plateau lengths, escape times and escape rates over a grid of K (= M) and L, for several seeds of the weights
 * (J ~ N(0, σ_J²), B ~ N(0, 1) at the given N; or one given initial state), erf activation, λ_ℓ ∝ ℓ^(−(1+β)) with
 * mean 1, integrated to {@code time}. Each run's band is centred on the symmetric fixed point of its own teacher
 * covariance T = Σλ_ℓ t^ℓ and η ({@link SymmetricPlateau}), beside which its escape rate μ_esc is reported.
 *
 * <p>The scaling law fitted is log y = c + a·log K − b·log L, i.e. y ≈ C·K^a·L^(−b), by least squares over the cells
 * of the grid (a term is left out, NaN, when its variable does not vary), for y = the plateau length, the escape time
 * and 1/μ_esc.
 * It is fitted once per seed over the cells usable in every seed (at least one more cell than exponents: the
 * uncertainty comes from the spread over seeds, not from residuals); the estimate is the mean of the per-seed exponents
 * (equal to the fit of the seed-averaged log y) and its 95 % interval mean ± t_{0.975, S−1}·sd/√S over the S seeds
 * (none with one seed). A cell is usable when, in every seed, the curve entered the band, left it by {@code time}, and
 * stayed in it for at least {@code minEscapes}/μ_esc: a shorter stay is a passage through the band, not a plateau
 * set by the escape, and is reported as vanished rather than fitted. The paper's statement to compare with
 * (Worschech &amp; Rosenow, arXiv:2410.09005, as quoted by the reviewers): plateau width ∼ M²/L for large L and M
 * with outputs scaled by 1/√M, ∝ K/L unscaled.
 *
 * @param rows      one per (K, L, seed), K outermost, then L, then the seed
 * @param cells     one per (K, L)
 * @param seeds     the seeds used, in order (one entry, the file's, for a given initial state)
 * @param lengthFit the law for the plateau length
 * @param escapeFit the law for the escape time (when ε_g leaves the band for good)
 * @param rateFit   the law for 1/μ_esc
 */
public record PlateauStudy(List<Row> rows, List<Cell> cells, List<Long> seeds, Law lengthFit, Law escapeFit, Law rateFit) {

    /**
     * @param K       student = teacher units
     * @param L       eigenspaces
     * @param seed    the weights' seed (or 0 for a given initial state)
     * @param epsStar Saad–Solla plateau height for this K and scaling, T = I, η → 0
     * @param epsEta  the symmetric plateau's height at this η with T = I
     * @param fixed   the symmetric fixed point of this run's T and η: the band's centre and μ_esc
     * @param plateau the analysis of the curve
     * @param curve   the learning curve
     */
    public record Row(int K, int L, long seed, double epsStar, double epsEta, SymmetricPlateau fixed, Plateau plateau,
            LearningCurve curve) {
        /** The plateau length in units of the escape time 1/μ_esc. */
        public double lengthTimesRate() {
            return plateau.length() * fixed.escapeRate();
        }
    }

    /**
     * @param K        student = teacher units
     * @param L        eigenspaces
     * @param runs     the rows of this cell, one per seed
     * @param usable   every run has a plateau (entered, left, long enough)
     * @param why      why the cell is not usable ("" when it is)
     */
    public record Cell(int K, int L, List<Row> runs, boolean usable, String why) {
        /** Geometric mean of the plateau lengths over seeds. */
        public double length() {
            return Math.exp(runs.stream().mapToDouble(r -> Math.log(r.plateau().length())).average().orElse(Double.NaN));
        }

        /** Every run has a positive escape rate (1/μ_esc is defined whether or not the plateau lasts). */
        public boolean hasEscapeRate() {
            return runs.stream().allMatch(r -> r.fixed().escapeRate() > 0);
        }

        /** Geometric mean of μ_esc over seeds. */
        public double escapeRate() {
            return Math.exp(runs.stream().mapToDouble(r -> Math.log(r.fixed().escapeRate())).average().orElse(Double.NaN));
        }
    }

    /**
     * y ≈ C·K^a·L^(−b): means over seeds and 95 % intervals (NaN where a variable does not vary or the fit is not
     * possible; infinite ends with one seed).
     *
     * @param logC   mean of log C
     * @param a      mean exponent of K
     * @param aLo    lower end of a's interval
     * @param aHi    upper end
     * @param b      mean exponent of 1/L
     * @param bLo    lower end of b's interval
     * @param bHi    upper end
     * @param r2     R² of the fit of the seed-averaged log y
     * @param points cells fitted
     * @param note   "" or why there is no fit
     */
    public record Law(double logC, double a, double aLo, double aHi, double b, double bLo, double bHi, double r2, int points,
            String note) {
        static Law none(String note) {
            double n = Double.NaN;
            return new Law(n, n, n, n, n, n, n, n, 0, note);
        }

        public boolean fitted() {
            return note.isEmpty();
        }
    }

    /**
     * The settings shared by every run of the grid.
     *
     * @param seeds      number of seeds: seed, seed + 1, …
     * @param minEscapes a plateau shorter than this many escape times 1/μ_esc counts as vanished
     */
    public record Settings(double beta, double eta, OutputScaling scaling, int n, double sigmaJ, long seed, int seeds,
            double time, double band, int perDecade, Integrator integrator, double minEscapes) {
        public static final double DEFAULT_MIN_ESCAPES = 3;

        public Settings {
            TwoLayerModel.checkEta(eta);
            Weights.checkSize(n, 1);
            Weights.checkSigmas(sigmaJ, 1);
            if (seeds < 1 || seeds > 1000) {
                throw new InvalidInputException("seeds", seeds + " is not allowed: 1 <= seeds <= 1000");
            }
            if (!(time > 0) || !Double.isFinite(time)) {
                throw new InvalidInputException("time", time + " is not allowed: it must be positive and finite");
            }
            if (!(band > 0 && band < 1)) {
                throw new InvalidInputException("band", band + " is not allowed: 0 < band < 1");
            }
            if (perDecade < 1 || perDecade > 1000) {
                throw new InvalidInputException("per_decade", perDecade + " is not allowed: 1 <= P <= 1000");
            }
            if (!(minEscapes >= 0) || !Double.isFinite(minEscapes)) {
                throw new InvalidInputException("min_escapes", minEscapes + " is not allowed: it must be a finite number >= 0");
            }
        }

        /** One seed, the default vanishing threshold. */
        public Settings(double beta, double eta, OutputScaling scaling, int n, double sigmaJ, long seed, double time,
                double band, int perDecade, Integrator integrator) {
            this(beta, eta, scaling, n, sigmaJ, seed, 1, time, band, perDecade, integrator, DEFAULT_MIN_ESCAPES);
        }
    }

    /** The grid from seeded weights. */
    public static PlateauStudy run(List<Integer> ks, List<Integer> ls, Settings s, Progress progress) {
        List<long[]> grid = new ArrayList<>();
        for (int k : ks) {
            for (int l : ls) {
                for (int j = 0; j < s.seeds(); j++) {
                    grid.add(new long[] {k, l, s.seed() + j});
                }
            }
        }
        Row[] rows = new Row[grid.size()];
        int[] done = {0};
        IntStream.range(0, grid.size()).parallel().forEach(i -> {
            int k = (int) grid.get(i)[0];
            int l = (int) grid.get(i)[1];
            long seed = grid.get(i)[2];
            TwoLayerModel m = model(k, l, s);
            Weights w = Weights.draw(k, k, s.n(), l, s.sigmaJ(), 1, seed);
            rows[i] = analyse(m, w.orderParameters(), seed, s);
            synchronized (done) {
                done[0]++;
                progress.update("plateau grid", (double) done[0] / grid.size());
            }
        });
        List<Long> seeds = new ArrayList<>();
        for (int j = 0; j < s.seeds(); j++) {
            seeds.add(s.seed() + j);
        }
        return assemble(List.of(rows), seeds, s);
    }

    /** One run from a given initial state (K = M and L from it); the seed is reported as 0. */
    public static PlateauStudy run(OrderParameters init, Settings s) {
        if (init.K() != init.M()) {
            throw new InvalidInputException("the initial state has K = " + init.K() + " students and M = " + init.M()
                    + " teachers: the plateau study needs K = M");
        }
        TwoLayerModel m = model(init.K(), init.L(), s);
        return assemble(List.of(analyse(m, init, 0, s)), List.of(0L), s);
    }

    /** The erf model of the grid point (K, L). */
    public static TwoLayerModel model(int k, int l, Settings s) {
        return new TwoLayerModel(Nonlinearity.ERF, k, k, EigenspaceSpectrum.powerLaw(l, s.beta()), s.eta(), s.scaling());
    }

    private static Row analyse(TwoLayerModel m, OrderParameters init, long seed, Settings s) {
        int k = m.K();
        double[] times = OdeIntegration.logTimes(s.time(), s.perDecade());
        LearningCurve c = OdeIntegration.integrate(m, init, times, s.integrator().tolerances(), false, Progress.NONE,
                s.integrator());
        SymmetricPlateau fixed = SymmetricPlateau.of(m, init);
        double eps = GeneralisationError.symmetricPlateau(k, s.scaling());
        double epsEta = GeneralisationError.symmetricPlateau(k, s.eta(), s.scaling());
        return new Row(k, m.L(), seed, eps, epsEta, fixed, Plateau.of(c, fixed.height(), s.band(), 1e-9), c);
    }

    private static PlateauStudy assemble(List<Row> rows, List<Long> seeds, Settings s) {
        List<Cell> cells = new ArrayList<>();
        int perCell = seeds.size();
        for (int i = 0; i < rows.size(); i += perCell) {
            List<Row> runs = rows.subList(i, i + perCell);
            String why = "";
            for (Row r : runs) {
                Plateau p = r.plateau();
                if (!(p.length() > 0)) {
                    why = "never in the band (seed " + r.seed() + ")";
                } else if (Double.isNaN(p.escape())) {
                    why = "still on the plateau at the end (seed " + r.seed() + ")";
                } else if (!(r.fixed().escapeRate() > 0)) {
                    why = "no escape rate (seed " + r.seed() + ")";
                } else if (r.lengthTimesRate() < s.minEscapes()) {
                    why = String.format(java.util.Locale.ROOT, "vanished: length x escape rate %.2f < %s (seed %d)",
                            r.lengthTimesRate(), trim(s.minEscapes()), r.seed());
                }
                if (!why.isEmpty()) {
                    break;
                }
            }
            Row first = runs.get(0);
            cells.add(new Cell(first.K(), first.L(), List.copyOf(runs), why.isEmpty(), why));
        }
        return new PlateauStudy(List.copyOf(rows), List.copyOf(cells), List.copyOf(seeds),
                law(cells, perCell, LENGTH, Cell::usable), law(cells, perCell, r -> r.plateau().escape(), Cell::usable),
                law(cells, perCell, INVERSE_ESCAPE_RATE, Cell::hasEscapeRate));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The plateau length of a run. */
    public static final java.util.function.ToDoubleFunction<Row> LENGTH = r -> r.plateau().length();
    /** 1/μ_esc of a run. */
    public static final java.util.function.ToDoubleFunction<Row> INVERSE_ESCAPE_RATE = r -> 1 / r.fixed().escapeRate();

    /**
     * The law of {@code quantity} over the cells {@code fitted} accepts: per-seed OLS, then mean and t-interval over
     * the {@code seeds} seeds (class comment).
     */
    public static Law law(List<Cell> cells, int seeds, java.util.function.ToDoubleFunction<Row> quantity,
            java.util.function.Predicate<Cell> fitted) {
        List<Cell> usable = cells.stream().filter(fitted).toList();
        boolean kVaries = usable.stream().mapToInt(Cell::K).distinct().count() > 1;
        boolean lVaries = usable.stream().mapToInt(Cell::L).distinct().count() > 1;
        int p = (kVaries ? 1 : 0) + (lVaries ? 1 : 0);
        if (p == 0 || usable.size() < p + 1) {
            return Law.none("too few usable cells (" + usable.size() + ") for a fit in "
                    + (p == 0 ? "no varying variable" : p + " variable" + (p > 1 ? "s" : "")));
        }
        double[][] x = new double[usable.size()][p];
        for (int i = 0; i < usable.size(); i++) {
            int j = 0;
            if (kVaries) {
                x[i][j++] = Math.log(usable.get(i).K());
            }
            if (lVaries) {
                x[i][j] = -Math.log(usable.get(i).L());
            }
        }
        double[][] coef = new double[seeds][];
        double[] meanY = new double[usable.size()];
        for (int s = 0; s < seeds; s++) {
            double[] y = new double[usable.size()];
            for (int i = 0; i < y.length; i++) {
                Row r = usable.get(i).runs().get(s);
                y[i] = Math.log(quantity.applyAsDouble(r));
                meanY[i] += y[i] / seeds;
            }
            coef[s] = ols(x, y).estimateRegressionParameters();
        }
        OLSMultipleLinearRegression pooled = ols(x, meanY);
        double[] mean = pooled.estimateRegressionParameters();
        double[] half = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            if (seeds < 2) {
                half[j] = Double.POSITIVE_INFINITY;
                continue;
            }
            double ss = 0;
            for (int s = 0; s < seeds; s++) {
                ss += (coef[s][j] - mean[j]) * (coef[s][j] - mean[j]);
            }
            double sd = Math.sqrt(ss / (seeds - 1));
            half[j] = new TDistribution(seeds - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(seeds);
        }
        double n = Double.NaN;
        double a = n;
        double aH = n;
        double b = n;
        double bH = n;
        int j = 1;
        if (kVaries) {
            a = mean[j];
            aH = half[j++];
        }
        if (lVaries) {
            b = mean[j];
            bH = half[j];
        }
        return new Law(mean[0], a, a - aH, a + aH, b, b - bH, b + bH, pooled.calculateRSquared(), usable.size(), "");
    }

    private static OLSMultipleLinearRegression ols(double[][] x, double[] y) {
        OLSMultipleLinearRegression r = new OLSMultipleLinearRegression();
        r.newSampleData(y, x);
        return r;
    }
}
