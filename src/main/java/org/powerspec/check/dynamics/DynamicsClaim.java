package org.powerspec.check.dynamics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.powerspec.Progress;
import org.powerspec.check.core.Figure;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;
import org.powerspec.symbolic.ClaimExpression;

/**
 * A checkable statement about the two-layer dynamics (Worschech &amp; Rosenow, arXiv:2410.09005), read from a file in
 * {@code proofs/dynamics/} by {@link DynamicsClaimFile}. The kinds of statement, each decided by
 * {@link DynamicsClaimChecker}:
 * <ul>
 * <li>{@link LearningCurveExponent}: ε_g(α) ∼ α^(−γ) on a window of α, γ an expression (e.g. β/(1+β), the paper's
 *     linear-activation exponent);</li>
 * <li>{@link FloorExponent}: with only the top N_l eigenspaces trained, ε_g(∞) ∝ N_l^(−γ) (the paper's §4.3, γ = β);</li>
 * <li>{@link PlateauTrend}: the symmetric plateau's length decreases (or increases) along a list of L or of K = M;</li>
 * <li>{@link FiniteSize}: the largest gap between real SGD and the order-parameter ODE decreases (or increases) along a
 *     list of input dimensions N;</li>
 * <li>{@link PlateauScaling}: the plateau length (or 1/μ_esc) scales as C·K^a·L^(−b) over a grid, with stated a, b;</li>
 * <li>{@link AsymptoticConvergence}: past the escape, ε_g decays exponentially at a stated (or the Jacobian's) rate, or
 *     as a power law with a stated exponent, on a window of α.</li>
 * </ul>
 */
public sealed interface DynamicsClaim permits DynamicsClaim.LearningCurveExponent, DynamicsClaim.FloorExponent,
        DynamicsClaim.PlateauTrend, DynamicsClaim.FiniteSize, PlateauScaling, AsymptoticConvergence {

    /** The file's {@code claim:} values, one per kind. */
    List<String> KINDS = List.of("learning-curve-exponent", "floor-exponent", "plateau-trend", "finite-size",
            PlateauScaling.KIND, AsymptoticConvergence.KIND);

    Path file();

    String name();

    String statement();

    /** The value of {@code claim:} in the file. */
    String kind();

    /** The model every run of the claim shares; for trends, the first value of the varied quantity. */
    TwoLayerModel model();

    /** One line with every parameter the verdict depends on. */
    String describe();

    /** Computes this claim's points and judges them (the rules of {@link DynamicsClaimChecker}). */
    DynamicsClaimChecker.Decision decide(Progress progress);

    /** The figure of a result of this claim: the points judged, with the stated law for comparison. */
    Figure figure(DynamicsClaimResult r);

    /** The result's column {@code k}. */
    static double[] column(DynamicsClaimResult r, int k) {
        return r.rows().stream().mapToDouble(row -> row[k]).toArray();
    }

    /**
     * An exponent claim's figure: y against x with the stated slope −γ drawn through the middle point, so a slope that
     * differs from the claim is seen.
     */
    static Figure exponentFigure(DynamicsClaimResult r, String xLabel, String yLabel, String series, double gamma) {
        Figure fig = new Figure(r.claim().name() + "  [" + r.verdict() + "]", xLabel, yLabel);
        double[] x = column(r, 0);
        double[] y = column(r, 1);
        fig = fig.points(series, x, y);
        int mid = x.length / 2;
        if (x.length > 1 && x[0] > 0 && Double.isFinite(gamma) && y[mid] > 0 && Double.isFinite(y[mid])) {
            double a = x[0];
            double b = x[x.length - 1];
            fig = fig.guide(String.format(java.util.Locale.ROOT, "stated slope -%.4g through the middle point", gamma),
                    new double[] {a, b}, new double[] {y[mid] * Math.pow(a / x[mid], -gamma), y[mid] * Math.pow(b / x[mid], -gamma)},
                    0xd62728);
        }
        return fig;
    }

    /** Which way a sequence must move. */
    enum Trend {
        DECREASING, INCREASING;

        /** True when b follows a in this direction, strictly. */
        public boolean follows(double a, double b) {
            return this == DECREASING ? b < a : b > a;
        }

        public String userName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The initial weights: J_ij ~ N(0, σ_J²), B_nj ~ N(0, σ_B²) at input dimension N drawn with {@code seed} in Σ's
     * eigenbasis ({@link Weights#draw}); {@code null} in a claim for the zero student against a teacher with
     * t^ℓ = I/L.
     */
    record Init(int n, double sigmaJ, double sigmaB, long seed) {
        public String describe() {
            return "init: N = " + n + ", sigma_J = " + sigmaJ + ", sigma_B = " + sigmaB + ", seed " + seed;
        }
    }

    /** The initial order parameters of {@code m}: drawn per {@code init}, or the zero student when it is null. */
    static OrderParameters initial(TwoLayerModel m, Init init) {
        if (init != null) {
            return Weights.draw(m.K(), m.M(), init.n(), m.L(), init.sigmaJ(), init.sigmaB(), init.seed()).orderParameters();
        }
        double[][] t = new double[m.M()][m.M()];
        for (int n = 0; n < m.M(); n++) {
            t[n][n] = 1;
        }
        return OrderParameters.uniform(new double[m.K()][m.K()], new double[m.K()][m.M()], t, m.L());
    }

    /** The names an exponent may use and their values for {@code m}: beta, K, M, L, eta. */
    static Map<String, Double> symbols(TwoLayerModel m) {
        Map<String, Double> s = new java.util.HashMap<>(Map.of("K", (double) m.K(), "M", (double) m.M(), "L", (double) m.L(),
                "eta", m.eta()));
        if (!Double.isNaN(m.spectrum().beta())) {
            s.put("beta", m.spectrum().beta());
        }
        return s;
    }

    /** As {@link #symbols}, with the window's names: kappa = c_K²·K, lambda1 = the largest λ, lambdaL = the smallest. */
    static Map<String, Double> windowSymbols(TwoLayerModel m) {
        Map<String, Double> s = symbols(m);
        double[] l = m.spectrum().values();
        s.put("kappa", m.studentFactor() * m.studentFactor() * m.K());
        s.put("lambda1", java.util.Arrays.stream(l).max().orElseThrow());
        s.put("lambdaL", java.util.Arrays.stream(l).min().orElseThrow());
        return s;
    }

    /**
     * ε_g(α) ∼ α^(−γ) for α in [from, to]: the fitted exponent over the window and over each half of it must lie within
     * {@code tolerance} of γ.
     *
     * @param exponent  γ, in beta, K, M, L, eta
     * @param from      the window's start, in beta, K, M, L, eta, kappa = c_K²·K, lambda1, lambdaL
     * @param to        its end, likewise
     * @param init      initial weights (required for erf), or null for the zero student
     * @param useOde     integrate the ODEs (erf always; linear only when asked), else the linear closed form
     * @param integrator for the ODEs, with its default tolerances
     */
    record LearningCurveExponent(Path file, String name, String statement, TwoLayerModel model, ClaimExpression exponent,
            double tolerance, ClaimExpression from, ClaimExpression to, Init init, boolean useOde, Integrator integrator)
            implements DynamicsClaim {
        @Override
        public String kind() {
            return "learning-curve-exponent";
        }

        @Override
        public DynamicsClaimChecker.Decision decide(Progress progress) {
            return DynamicsClaimChecker.learningCurve(this);
        }

        @Override
        public Figure figure(DynamicsClaimResult r) {
            return DynamicsClaim.exponentFigure(r, "alpha = steps / N", "eps_g", "eps_g", exponent.value(symbols(model)));
        }

        @Override
        public String describe() {
            return model.describe() + "; eps_g ~ alpha^-(" + exponent.source() + ") +- " + tolerance + " for alpha in ["
                    + from.source() + ", " + to.source() + "]; " + (useOde ? "ODE (" + integrator.userName() + ")"
                    : "linear closed form") + "; " + (init == null ? "init: zero student" : init.describe());
        }
    }

    /**
     * ε_g(∞) ∝ N_l^(−γ) over the listed numbers of trained eigenspaces (linear activation, closed form, zero student).
     *
     * @param trainable the values of N_l, ascending
     */
    record FloorExponent(Path file, String name, String statement, TwoLayerModel model, List<Integer> trainable,
            ClaimExpression exponent, double tolerance) implements DynamicsClaim {
        public FloorExponent {
            trainable = List.copyOf(trainable);
        }

        @Override
        public String kind() {
            return "floor-exponent";
        }

        @Override
        public DynamicsClaimChecker.Decision decide(Progress progress) {
            return DynamicsClaimChecker.floor(this);
        }

        @Override
        public Figure figure(DynamicsClaimResult r) {
            return DynamicsClaim.exponentFigure(r, "trained eigenspaces N_l", "eps_g(infinity)", "closed-form floor",
                    exponent.value(symbols(model)));
        }

        @Override
        public String describe() {
            return model.describe() + "; eps_g(inf) ~ N_l^-(" + exponent.source() + ") +- " + tolerance + " over N_l = "
                    + trainable + "; linear closed form, init: zero student";
        }
    }

    /**
     * The plateau length (time with |ε_g − ε*_η| ≤ band·ε*_η, ε*_η the symmetric plateau's height at this η) moves
     * in {@code trend} along {@code ls} (with one K) or {@code ks} (K = M, with one L); erf activation.
     *
     * @param model the model at the first value
     * @param time       how far each curve is integrated
     * @param margin     each length must differ from the previous one by more than this fraction of it
     * @param integrator for the ODEs, with its default tolerances
     */
    record PlateauTrend(Path file, String name, String statement, TwoLayerModel model, List<Integer> ks, List<Integer> ls,
            Trend trend, double time, double band, double margin, Init init, Integrator integrator) implements DynamicsClaim {
        public PlateauTrend {
            ks = List.copyOf(ks);
            ls = List.copyOf(ls);
        }

        @Override
        public String kind() {
            return "plateau-trend";
        }

        @Override
        public DynamicsClaimChecker.Decision decide(Progress progress) {
            return DynamicsClaimChecker.plateau(this, progress);
        }

        @Override
        public Figure figure(DynamicsClaimResult r) {
            return new Figure(name + "  [" + r.verdict() + "]", varied(), "plateau length").points("plateau length ("
                    + trend.userName() + " claimed)", DynamicsClaim.column(r, 0), DynamicsClaim.column(r, 1));
        }

        /** "L" or "K": the quantity that varies. */
        public String varied() {
            return ls.size() > 1 ? "L" : "K";
        }

        @Override
        public String describe() {
            return "erf, K = M = " + (ks.size() > 1 ? ks : ks.get(0)) + ", L = " + (ls.size() > 1 ? ls : ls.get(0))
                    + ", beta = " + model.spectrum().beta() + ", eta = " + model.eta() + ", output scaling "
                    + model.scaling().userName() + "; plateau length " + trend.userName() + " in " + varied() + " by more than "
                    + margin + " of itself at each step; band " + band + ", alpha <= " + time + "; ODE (" + integrator.userName() + "); " + init.describe();
        }
    }

    /**
     * max_α |ε_g^SGD − ε_g^ODE| over {@code timePoints} equally spaced α in [0, time], from the same initial weights at
     * each N, moves in {@code trend} along {@code sizes}: judged on the log–log slope in N over {@code seeds} seeds
     * (init.seed, init.seed + 1, …) with its 95 % interval.
     */
    record FiniteSize(Path file, String name, String statement, TwoLayerModel model, List<Integer> sizes, Trend trend,
            double time, int timePoints, int seeds, Init init) implements DynamicsClaim {
        public FiniteSize {
            sizes = List.copyOf(sizes);
        }

        @Override
        public String kind() {
            return "finite-size";
        }

        @Override
        public DynamicsClaimChecker.Decision decide(Progress progress) {
            return DynamicsClaimChecker.finiteSize(this, progress);
        }

        /** Every seed's largest SGD–ODE gap against N, with N^(−1/2) — the size of SGD's fluctuations — for comparison. */
        @Override
        public Figure figure(DynamicsClaimResult r) {
            Figure fig = new Figure(name + "  [" + r.verdict() + "]", "N", "max_alpha |eps_g^SGD - eps_g^ODE|");
            java.util.TreeMap<Integer, List<double[]>> bySeed = new java.util.TreeMap<>();
            r.rows().forEach(row -> bySeed.computeIfAbsent((int) row[1], k -> new java.util.ArrayList<>()).add(row));
            for (Map.Entry<Integer, List<double[]>> e : bySeed.entrySet()) {
                fig = fig.points("seed " + e.getKey(), e.getValue().stream().mapToDouble(q -> q[0]).toArray(),
                        e.getValue().stream().mapToDouble(q -> q[2]).toArray());
            }
            if (r.rows().isEmpty()) {
                return fig.note("no points");
            }
            double x0 = r.rows().get(0)[0];
            double y0 = r.rows().stream().filter(q -> q[0] == x0).mapToDouble(q -> q[2]).average().orElse(Double.NaN);
            double x1 = r.rows().stream().mapToDouble(q -> q[0]).max().orElse(x0);
            if (y0 > 0 && Double.isFinite(y0) && x1 > x0) {
                fig = fig.guide("N^-1/2 from the mean at N = " + (int) x0, new double[] {x0, x1},
                        new double[] {y0, y0 * Math.sqrt(x0 / x1)}, 0x808080);
            }
            return fig;
        }

        @Override
        public String describe() {
            return model.describe() + "; max |SGD - ODE| " + trend.userName() + " over N = " + sizes + ", at " + timePoints
                    + " times in [0, " + time + "]; sigma_J = " + init.sigmaJ() + ", sigma_B = " + init.sigmaB() + ", seeds "
                    + init.seed() + ".." + (init.seed() + seeds - 1);
        }
    }
}
