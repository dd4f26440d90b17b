package org.powerspec.check.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.powerspec.Progress;
import org.powerspec.check.core.Figure;
import org.powerspec.check.core.Verdict;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.PlateauStudy;
import org.powerspec.dynamics.TwoLayerModel;

/**
 * {@code claim: plateau-scaling}: over a grid of K (= M) and L, the plateau length — or the escape time 1/μ_esc —
 * scales as y ≈ C·K^a·L^(−b) with the stated a and/or b (Worschech &amp; Rosenow, arXiv:2410.09005: the plateau
 * shortens with the number L of distinct eigenvalues and lengthens with K; reviewers: width ∼ M²/L with 1/√M
 * outputs). Measured by {@link PlateauStudy}: each run's band centred on the symmetric fixed point of its own teacher
 * and η, μ_esc the largest real eigenvalue of the ODE's Jacobian there, the law fitted once per seed and its exponents
 * given as means with 95 % intervals over the seeds.
 *
 * <p>Verdict, per stated exponent e ± tol with interval [lo, hi]: FAILS when [lo, hi] lies entirely outside
 * [e − tol, e + tol] (the witness: the exponent and its interval); HOLDS when every stated exponent's interval lies
 * inside it <em>and</em> the point estimates over the lower and the upper half of each varied list (its first and last
 * ⌊n/2⌋ + 1 values) are inside as well
 * (a law whose local exponent drifts across the grid is not one power law there); INCONCLUSIVE otherwise — the interval
 * straddles an end of the tolerance (more seeds would decide) or the halves disagree (the grid spans two regimes). For
 * the length, a cell where the plateau has vanished (a stay in the band shorter than {@code min_escapes} escape times,
 * never entered, or not left by {@code time}) makes the claim INCONCLUSIVE, naming the cell: the law is not defined
 * where there is no plateau, and the grid should stop before it.
 *
 * @param ks         the K = M values
 * @param ls         the L values
 * @param escapeTime the quantity is 1/μ_esc instead of the plateau length
 * @param a          stated exponent of K (NaN: not judged)
 * @param tolA       its tolerance
 * @param b          stated exponent of 1/L (NaN: not judged)
 * @param tolB       its tolerance
 */
public record PlateauScaling(Path file, String name, String statement, TwoLayerModel model, List<Integer> ks,
        List<Integer> ls, boolean escapeTime, double a, double tolA, double b, double tolB, double time, double band,
        int seeds, double minEscapes, DynamicsClaim.Init init, Integrator integrator) implements DynamicsClaim {

    /** The file's {@code claim:} value (a contract). */
    public static final String KIND = "plateau-scaling";
    /** The keys this kind reads besides name, statement, claim and model. */
    static final Set<String> KEYS = Set.of("quantity", "exponents", "tolerance", "time", "band", "seeds", "min_escapes",
            "init", "integrator");
    static final int DEFAULT_SEEDS = 3;

    public PlateauScaling {
        ks = List.copyOf(ks);
        ls = List.copyOf(ls);
    }

    static PlateauScaling read(DynamicsClaimFile f, Map<String, Object> top, String name, String statement,
            Map<String, Object> model) {
        var y = f.y;
        List<Integer> ks = ascending(f, model, "K");
        List<Integer> ls = ascending(f, model, "L");
        if (ks.size() < 2 && ls.size() < 2) {
            throw y.bad("model", "a plateau-scaling claim varies K or L (or both): give a list of at least 3 values");
        }
        if (model.containsKey("M") || model.containsKey("eigenvalues") || model.containsKey("trainable")) {
            throw y.bad("model", "a plateau-scaling claim takes K (= M), L and beta, not M, eigenvalues or trainable");
        }
        TwoLayerModel m = f.model(model, ls.get(0), ks.get(0));
        if (m.g() != Nonlinearity.ERF) {
            throw y.bad("model.activation", "must be erf for a plateau-scaling claim (linear networks have no plateau)");
        }
        for (int k : ks) {
            for (int l : ls) {
                f.model(model, l, k);
            }
        }
        String quantity = top.containsKey("quantity") ? y.text(top.get("quantity"), "quantity").trim() : "length";
        if (!quantity.equals("length") && !quantity.equals("escape-time")) {
            throw y.bad("quantity", "'" + quantity + "' is not known: allowed are length, escape-time (1/mu_esc)");
        }
        Map<String, Object> ex = y.map(y.required(top, "exponents", "exponents"), "exponents", Set.of("K", "L"));
        if (ex.isEmpty()) {
            throw y.bad("exponents", "states no exponent: give K (of K^a) and/or L (of L^-b)");
        }
        double a = exponent(f, ex, "K", ks);
        double b = exponent(f, ex, "L", ls);
        Object tol = y.required(top, "tolerance", "tolerance");
        double tolA;
        double tolB;
        if (tol instanceof Map<?, ?>) {
            Map<String, Object> t = y.map(tol, "tolerance", Set.of("K", "L"));
            tolA = Double.isNaN(a) ? Double.NaN : tolerance(f, y.required(t, "K", "tolerance.K"), "tolerance.K");
            tolB = Double.isNaN(b) ? Double.NaN : tolerance(f, y.required(t, "L", "tolerance.L"), "tolerance.L");
        } else {
            tolA = tolerance(f, tol, "tolerance");
            tolB = tolA;
        }
        DynamicsClaim.Init init = f.init(top, true, ls.stream().reduce(1, DynamicsClaimFile::lcm), DynamicsClaimFile.PLATEAU_INIT);
        double band = top.containsKey("band") ? f.positive(top, "band") : 0.1;
        if (band >= 1) {
            throw y.bad("band", "= " + band + " must be below 1");
        }
        int seeds = top.containsKey("seeds") ? y.whole(top.get("seeds"), "seeds") : DEFAULT_SEEDS;
        if (seeds < 2 || seeds > 100) {
            throw y.bad("seeds", "= " + seeds + " must be from 2 to 100 (the exponents' intervals are over seeds)");
        }
        double minEscapes = top.containsKey("min_escapes") ? y.number(top.get("min_escapes"), "min_escapes")
                : PlateauStudy.Settings.DEFAULT_MIN_ESCAPES;
        if (!(minEscapes >= 0) || Double.isInfinite(minEscapes)) {
            throw y.bad("min_escapes", "= " + minEscapes + " must be a finite number >= 0");
        }
        return new PlateauScaling(f.file, name, statement, m, ks, ls, quantity.equals("escape-time"), a, tolA, b, tolB,
                f.time(top), band, seeds, minEscapes, init, f.integrator(top));
    }

    private static List<Integer> ascending(DynamicsClaimFile f, Map<String, Object> model, String key) {
        List<Integer> l = f.list(model, key, "model." + key);
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i) <= l.get(i - 1)) {
                throw f.y.bad("model." + key, "must be strictly ascending: " + l);
            }
        }
        return l;
    }

    private static double exponent(DynamicsClaimFile f, Map<String, Object> ex, String key, List<Integer> values) {
        if (!ex.containsKey(key)) {
            return Double.NaN;
        }
        if (values.size() < 3) {
            throw f.y.bad("exponents." + key, "needs model." + key + " to be a list of at least 3 values (it is " + values
                    + "): an exponent and its two halves are fitted over them");
        }
        double v = f.y.number(ex.get(key), "exponents." + key);
        if (!Double.isFinite(v)) {
            throw f.y.bad("exponents." + key, "= " + v + " must be finite");
        }
        return v;
    }

    private static double tolerance(DynamicsClaimFile f, Object o, String key) {
        double t = f.y.number(o, key);
        if (!(t > 0) || Double.isInfinite(t)) {
            throw f.y.bad(key, "= " + t + " must be a finite number > 0");
        }
        return t;
    }

    @Override
    public String kind() {
        return KIND;
    }

    private String what() {
        return escapeTime ? "1/mu_esc" : "plateau length";
    }

    private ToDoubleFunction<PlateauStudy.Row> quantity() {
        return escapeTime ? PlateauStudy.INVERSE_ESCAPE_RATE : PlateauStudy.LENGTH;
    }

    private Predicate<PlateauStudy.Cell> fitted() {
        return escapeTime ? PlateauStudy.Cell::hasEscapeRate : PlateauStudy.Cell::usable;
    }

    @Override
    public DynamicsClaimChecker.Decision decide(Progress progress) {
        PlateauStudy.Settings s = new PlateauStudy.Settings(model.spectrum().beta(), model.eta(), model.scaling(), init.n(),
                init.sigmaJ(), init.seed(), seeds, time, band, 40, integrator, minEscapes);
        PlateauStudy study = PlateauStudy.run(ks, ls, s, progress);
        List<String> header = List.of("K", "L", "seed", "plateau_length", "escape_rate", "length_x_escape_rate", "band_centre");
        List<double[]> rows = new ArrayList<>();
        for (PlateauStudy.Row r : study.rows()) {
            rows.add(new double[] {r.K(), r.L(), r.seed(), r.plateau().length(), r.fixed().escapeRate(), r.lengthTimesRate(),
                    r.fixed().height()});
        }
        PlateauStudy.Law law = PlateauStudy.law(study.cells(), seeds, quantity(), fitted());
        String figures = what() + ": " + law(law);
        List<String> gone = new ArrayList<>();
        for (PlateauStudy.Cell c : study.cells()) {
            if (!fitted().test(c)) {
                gone.add("K = " + c.K() + ", L = " + c.L() + " (" + (escapeTime ? "no escape rate" : c.why()) + ")");
            }
        }
        if (!gone.isEmpty()) {
            return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, figures, "the law stops inside the grid: "
                    + String.join("; ", gone) + (escapeTime ? "" : " — no plateau to measure there; restrict the grid to where"
                    + " the plateau lasts"), header, rows);
        }
        if (!law.fitted()) {
            return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, figures, law.note(), header, rows);
        }
        List<String> fails = new ArrayList<>();
        List<String> open = new ArrayList<>();
        judge("a (K)", a, tolA, law.a(), law.aLo(), law.aHi(), halves(study, true), fails, open);
        judge("b (L)", b, tolB, law.b(), law.bLo(), law.bHi(), halves(study, false), fails, open);
        if (!fails.isEmpty()) {
            return new DynamicsClaimChecker.Decision(Verdict.FAILS, figures, "witness: " + String.join("; ", fails), header, rows);
        }
        if (!open.isEmpty()) {
            return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, figures, String.join("; ", open), header, rows);
        }
        return new DynamicsClaimChecker.Decision(Verdict.HOLDS, figures, "every stated exponent's 95% interval over " + seeds
                + " seeds, and its value on each half of the grid, lie within the tolerance", header, rows);
    }

    /**
     * The point estimates of the exponent of K ({@code ofK}) or of 1/L over the lower and the upper half of its values:
     * the first and the last ⌊n/2⌋ + 1 of n (3 of 4, 3 of 5, 4 of 6), so that each half has a slope to fit.
     */
    private double[] halves(PlateauStudy study, boolean ofK) {
        List<Integer> values = ofK ? ks : ls;
        if (values.size() < 3) {
            return new double[0];
        }
        int size = (values.size() + 2) / 2;
        List<Integer> lower = values.subList(0, size);
        List<Integer> upper = values.subList(values.size() - size, values.size());
        double[] out = new double[2];
        int i = 0;
        for (List<Integer> half : List.of(lower, upper)) {
            List<PlateauStudy.Cell> cells = study.cells().stream().filter(c -> half.contains(ofK ? c.K() : c.L())).toList();
            PlateauStudy.Law l = PlateauStudy.law(cells, seeds, quantity(), fitted());
            out[i++] = ofK ? l.a() : l.b();
        }
        return out;
    }

    static void judge(String label, double stated, double tol, double value, double lo, double hi, double[] halves,
            List<String> fails, List<String> open) {
        if (Double.isNaN(stated)) {
            return;
        }
        double from = stated - tol;
        double to = stated + tol;
        if (hi < from || lo > to) {
            fails.add(f("%s = %.3f, 95%% interval [%.3f, %.3f], lies outside %s +- %s", label, value, lo, hi, trim(stated), trim(tol)));
            return;
        }
        if (lo < from || hi > to) {
            open.add(f("%s = %.3f, 95%% interval [%.3f, %.3f], straddles an end of %s +- %s: more seeds would decide", label,
                    value, lo, hi, trim(stated), trim(tol)));
            return;
        }
        for (double h : halves) {
            if (!(h >= from && h <= to)) {
                open.add(f("%s over the halves of the grid: %.3f and %.3f, not both within %s +- %s: the grid spans more than "
                        + "one regime", label, halves[0], halves[1], trim(stated), trim(tol)));
                return;
            }
        }
    }

    /** "a = 1.13 [1.05, 1.21], b = 0.85 [0.80, 0.90] over 12 cells, 3 seeds". */
    private String law(PlateauStudy.Law l) {
        if (!l.fitted()) {
            return l.note();
        }
        StringBuilder s = new StringBuilder("y = C");
        if (!Double.isNaN(l.a())) {
            s.append(f(" K^a, a = %.3f [%.3f, %.3f]", l.a(), l.aLo(), l.aHi()));
        }
        if (!Double.isNaN(l.b())) {
            s.append(Double.isNaN(l.a()) ? "" : ";").append(f(" L^-b, b = %.3f [%.3f, %.3f]", l.b(), l.bLo(), l.bHi()));
        }
        return s.append(f(" (95%% over %d seeds), C = %.4g, R^2 = %.3f over %d cells", seeds, Math.exp(l.logC()), l.r2(),
                l.points())).toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The geometric mean over seeds of each cell against L, one series per K (against K when only K varies), with the stated law. */
    @Override
    public Figure figure(DynamicsClaimResult r) {
        boolean againstK = ls.size() < 2;
        Figure fig = new Figure(name + "  [" + r.verdict() + "]", againstK ? "K" : "L", what() + " (geometric mean over seeds)");
        for (int k : againstK ? List.of(0) : ks) {
            List<Integer> xs = againstK ? ks : ls;
            double[] x = new double[xs.size()];
            double[] yv = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                int kk = againstK ? xs.get(i) : k;
                int l = againstK ? ls.get(0) : xs.get(i);
                x[i] = xs.get(i);
                yv[i] = Math.exp(r.rows().stream().filter(row -> row[0] == kk && row[1] == l)
                        .mapToDouble(row -> Math.log(escapeTime ? 1 / row[4] : row[3])).average().orElse(Double.NaN));
            }
            fig = fig.points(againstK ? "L = " + ls.get(0) : "K = " + k, x, yv);
            // the stated law through the series' middle point, so a different slope is seen
            double slope = againstK ? a : -b;
            int mid = x.length / 2;
            if (x.length > 1 && Double.isFinite(slope) && yv[mid] > 0 && Double.isFinite(yv[mid])) {
                double x0 = x[0];
                double x1 = x[x.length - 1];
                fig = fig.guide(f("stated %s^%.3g (%s)", againstK ? "K" : "L", slope, againstK ? "L = " + ls.get(0) : "K = " + k),
                        new double[] {x0, x1}, new double[] {yv[mid] * Math.pow(x0 / x[mid], slope),
                            yv[mid] * Math.pow(x1 / x[mid], slope)}, 0xd62728);
            }
        }
        return fig;
    }

    @Override
    public String describe() {
        return "erf, K = M = " + (ks.size() > 1 ? ks : ks.get(0)) + ", L = " + (ls.size() > 1 ? ls : ls.get(0)) + ", beta = "
                + model.spectrum().beta() + ", eta = " + model.eta() + ", output scaling " + model.scaling().userName() + "; "
                + what() + " ~ C" + (Double.isNaN(a) ? "" : " K^" + trim(a) + " (+- " + trim(tolA) + ")")
                + (Double.isNaN(b) ? "" : " L^-" + trim(b) + " (+- " + trim(tolB) + ")") + "; " + seeds + " seeds from " + init.seed()
                + ", band " + band + ", min_escapes " + trim(minEscapes) + ", alpha <= " + time + "; ODE (" + integrator.userName()
                + "); N = " + init.n() + ", sigma_J = " + init.sigmaJ();
    }
}
