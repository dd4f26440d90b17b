package org.powerspec.check.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.LineFit;
import org.powerspec.Progress;
import org.powerspec.LineFit;
import org.powerspec.check.core.Verdict;
import org.powerspec.dynamics.FiniteSizeComparison;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.PlateauStudy;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;

/**
 * Decides a {@link DynamicsClaim}.
 * <ul>
 * <li>Exponents (ε_g ∼ α^(−γ) on a window, ε_g(∞) ∝ N_l^(−γ)): the least-squares slope of log ε_g against log α (or
 *     log N_l) over the whole window and over each half. FAILS when the whole-window exponent is further than the
 *     tolerance from γ (the witness: the fitted exponent, the window); HOLDS when the whole window and both halves are
 *     within it; otherwise INCONCLUSIVE — the curve is not yet one power law on the window (the halves disagree), so
 *     the sizes reached cannot decide. A window spanning less than a factor {@value #MIN_SPAN}, or where ε_g is not
 *     positive, is INCONCLUSIVE.</li>
 * <li>Plateau trends (length along L or K): HOLDS when each length differs from the previous one in the stated
 *     direction by more than the claim's margin (a fraction of the previous length); FAILS with the first pair that
 *     does not; INCONCLUSIVE when some curve has not left the plateau by the end of the integration (its length is then
 *     only a lower bound).</li>
 * <li>The SGD–ODE gap along N: the log–log slope of the largest gap against N over all seeds, with its 95 % interval
 *     ({@link org.powerspec.LineFit}); HOLDS when the interval lies on the stated side of 0, FAILS when it lies on the other
 *     side (the witness: the slope and interval), INCONCLUSIVE when it contains 0.</li>
 * </ul>
 * Points per window: {@value #WINDOW_POINTS}, log-spaced.
 */
public final class DynamicsClaimChecker {
    /** Log-spaced points on an exponent claim's window. */
    public static final int WINDOW_POINTS = 61;
    /** The least ratio to/from of a window: a power law is not seen over less than a decade. */
    public static final double MIN_SPAN = 10;

    private DynamicsClaimChecker() {
    }

    /** Checks {@code claim}, reporting progress on the long parts (ODEs, simulations). */
    public static DynamicsClaimResult check(DynamicsClaim claim, Progress progress) {
        long t0 = System.nanoTime();
        Decision o = claim.decide(progress);
        return new DynamicsClaimResult(claim, o.verdict, o.figures, o.evidence, o.header, o.rows, (System.nanoTime() - t0) / 1e9);
    }

    /** What deciding a claim found: the verdict, the key figures, the evidence and the points behind them. */
    public record Decision(Verdict verdict, String figures, String evidence, List<String> header, List<double[]> rows) {
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static Decision learningCurve(DynamicsClaim.LearningCurveExponent c) {
        TwoLayerModel m = c.model();
        Map<String, Double> s = DynamicsClaim.windowSymbols(m);
        double gamma = c.exponent().value(s);
        double lo = c.from().value(s);
        double hi = c.to().value(s);
        List<String> header = List.of("alpha", "eps_g", "local_exponent");
        String window = f("alpha in [%.4g, %.4g]", lo, hi);
        if (!(hi >= MIN_SPAN * lo)) {
            return new Decision(Verdict.INCONCLUSIVE, window, f("the window spans less than a factor %s at these sizes (%s = %.4g, "
                    + "%s = %.4g): raise L or lower eta", trim(MIN_SPAN), c.from().source(), lo, c.to().source(), hi),
                    header, List.of());
        }
        double[] alpha = new double[WINDOW_POINTS];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = lo * Math.pow(hi / lo, i / (alpha.length - 1.0));
        }
        double[] eg;
        if (c.useOde()) {
            LearningCurve curve = OdeIntegration.integrate(m, DynamicsClaim.initial(m, c.init()), alpha,
                    c.integrator().tolerances(), false, Progress.NONE, c.integrator().chebyshev());
            eg = curve.eg();
        } else {
            LinearClosedForm cf = new LinearClosedForm(m, DynamicsClaim.initial(m, c.init()));
            eg = new double[alpha.length];
            for (int i = 0; i < alpha.length; i++) {
                eg[i] = cf.eg(alpha[i]);
            }
        }
        return exponentVerdict(alpha, eg, gamma, c.tolerance(), "alpha", window, header, "eps_g ~ alpha^-gamma");
    }

    static Decision floor(DynamicsClaim.FloorExponent c) {
        TwoLayerModel base = c.model();
        double gamma = c.exponent().value(DynamicsClaim.symbols(base));
        double[] x = new double[c.trainable().size()];
        double[] floors = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            TwoLayerModel m = new TwoLayerModel(base.g(), base.K(), base.M(), base.spectrum(), base.eta(), base.scaling(),
                    c.trainable().get(i));
            x[i] = c.trainable().get(i);
            floors[i] = new LinearClosedForm(m, DynamicsClaim.initial(m, null)).floor();
        }
        return exponentVerdict(x, floors, gamma, c.tolerance(), "N_l", "N_l = " + c.trainable(),
                List.of("N_l", "eps_g_inf", "local_exponent"), "eps_g(inf) ~ N_l^-gamma");
    }

    /** The exponent rule of the class comment, on points (x_i, y_i) with y ∼ x^(−γ). */
    static Decision exponentVerdict(double[] x, double[] y, double gamma, double tol, String xName, String where,
            List<String> header, String law) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double local = i == 0 ? Double.NaN : -Math.log(y[i] / y[i - 1]) / Math.log(x[i] / x[i - 1]);
            rows.add(new double[] {x[i], y[i], local});
        }
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                return new Decision(Verdict.INCONCLUSIVE, where, f("the value at %s = %.4g is %s: no exponent can be fitted",
                        xName, x[i], y[i]), header, rows);
            }
        }
        int half = (x.length + 1) / 2;
        if (half < 3) {
            return new Decision(Verdict.INCONCLUSIVE, where, "fewer than 3 points in each half: no exponent can be judged", header,
                    rows);
        }
        double whole = exponent(x, y, 0, x.length);
        double first = exponent(x, y, 0, half);
        double second = exponent(x, y, x.length - half, x.length);
        String figures = f("fitted %.4f (halves %.4f, %.4f) vs stated %.4f +- %s over %s", whole, first, second, gamma,
                trim(tol), where);
        if (!Double.isFinite(whole) || !Double.isFinite(first) || !Double.isFinite(second)) {
            return new Decision(Verdict.INCONCLUSIVE, figures, "the fit is not a finite number: the points do not determine an "
                    + "exponent", header, rows);
        }
        if (!(Math.abs(whole - gamma) <= tol)) {
            return new Decision(Verdict.FAILS, figures, f("witness: %s fitted with exponent %.4f over %s, outside %.4f +- %s",
                    law, whole, where, gamma, trim(tol)), header, rows);
        }
        if (!(Math.abs(first - gamma) <= tol) || !(Math.abs(second - gamma) <= tol)) {
            return new Decision(Verdict.INCONCLUSIVE, figures, f("the whole window fits, but its halves give %.4f and %.4f: "
                    + "not one power law over %s; a longer window (larger L) is needed", first, second, where), header, rows);
        }
        return new Decision(Verdict.HOLDS, figures, f("the exponent over the whole window and over each half is within %s of "
                + "%.4f", trim(tol), gamma), header, rows);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** −slope of log y against log x over points [from, to). */
    private static double exponent(double[] x, double[] y, int from, int to) {
        double[] lx = new double[to - from];
        double[] ly = new double[to - from];
        for (int i = from; i < to; i++) {
            lx[i - from] = Math.log(x[i]);
            ly[i - from] = Math.log(y[i]);
        }
        return -LineFit.of(lx, ly).slope();
    }

    static Decision plateau(DynamicsClaim.PlateauTrend c, Progress progress) {
        TwoLayerModel m = c.model();
        DynamicsClaim.Init init = c.init();
        PlateauStudy.Settings s = new PlateauStudy.Settings(m.spectrum().beta(), m.eta(), m.scaling(), init.n(), init.sigmaJ(),
                init.seed(), c.time(), c.band(), 40, c.integrator());
        PlateauStudy study = PlateauStudy.run(c.ks(), c.ls(), s, progress);
        String v = c.varied();
        List<String> header = List.of(v, "plateau_length", "escape", "eps_star_eta", "band_centre", "escape_rate");
        List<double[]> rows = new ArrayList<>();
        double[] lengths = new double[study.rows().size()];
        boolean[] exact = new boolean[lengths.length];
        List<Integer> values = v.equals("L") ? c.ls() : c.ks();
        for (int i = 0; i < lengths.length; i++) {
            PlateauStudy.Row r = study.rows().get(i);
            lengths[i] = r.plateau().length();
            // a curve still on the plateau at the end has a length that is only a lower bound
            exact[i] = !Double.isNaN(r.plateau().escape());
            rows.add(new double[] {values.get(i), lengths[i], r.plateau().escape(), r.epsEta(), r.fixed().height(),
                    r.fixed().escapeRate()});
        }
        return trendVerdict(values, lengths, exact, c.trend(), c.margin(), v, "plateau length", c.time(), header, rows);
    }

    static Decision finiteSize(DynamicsClaim.FiniteSize c, Progress progress) {
        double[] times = new double[c.timePoints()];
        for (int i = 0; i < times.length; i++) {
            times[i] = c.time() * i / (times.length - 1);
        }
        DynamicsClaim.Init init = c.init();
        List<double[]> rows = new ArrayList<>();
        List<double[]> pts = new ArrayList<>();
        for (int k = 0; k < c.seeds(); k++) {
            long seed = init.seed() + k;
            FiniteSizeComparison cmp = FiniteSizeComparison.run(c.model(), c.sizes(), init.sigmaJ(), init.sigmaB(), seed, times,
                    Tolerances.DEFAULT, progress);
            for (FiniteSizeComparison.Row r : cmp.rows()) {
                rows.add(new double[] {r.n(), seed, r.maxGap(), r.maxRelGap()});
                if (!(r.maxGap() > 0) || !Double.isFinite(r.maxGap())) {
                    return new Decision(Verdict.INCONCLUSIVE, "", f("the gap is %s at N = %d, seed %d: no trend can be fitted",
                            r.maxGap(), r.n(), seed), List.of("N", "seed", "max_gap", "max_relative_gap"), rows);
                }
                pts.add(new double[] {Math.log(r.n()), Math.log(r.maxGap())});
            }
        }
        List<String> header = List.of("N", "seed", "max_gap", "max_relative_gap");
        StringBuilder figures = new StringBuilder("mean max |SGD - ODE|:");
        for (int i = 0; i < c.sizes().size(); i++) {
            double sum = 0;
            for (int k = 0; k < c.seeds(); k++) {
                sum += rows.get(k * c.sizes().size() + i)[2];
            }
            figures.append(i == 0 ? " " : ", ").append(f("%.4g (N = %d)", sum / c.seeds(), c.sizes().get(i)));
        }
        LineFit fit = LineFit.of(pts);
        figures.append(f("; slope in log N %.3f, 95%% interval [%.3f, %.3f] over %d seeds", fit.slope(), fit.lo(), fit.hi(),
                c.seeds()));
        boolean down = c.trend() == DynamicsClaim.Trend.DECREASING;
        boolean right = down ? fit.hi() < 0 : fit.lo() > 0;
        boolean wrong = down ? fit.lo() > 0 : fit.hi() < 0;
        if (right) {
            return new Decision(Verdict.HOLDS, figures.toString(), "the gap's log-log slope in N is " + (down ? "negative" : "positive")
                    + " with 95% confidence", header, rows);
        }
        if (wrong) {
            return new Decision(Verdict.FAILS, figures.toString(), f("witness: the gap's slope in log N is %.3f, 95%% interval "
                    + "[%.3f, %.3f], entirely %s 0: the gap is not %s", fit.slope(), fit.lo(), fit.hi(), down ? "above" : "below",
                    c.trend().userName()), header, rows);
        }
        return new Decision(Verdict.INCONCLUSIVE, figures.toString(), f("the slope's 95%% interval [%.3f, %.3f] contains 0: more "
                + "seeds or larger N are needed", fit.lo(), fit.hi()), header, rows);
    }

    /**
     * The plateau-trend rule of the class comment: each value must follow the previous one by more than {@code margin}
     * of it. A value that is not {@code exact} is a lower bound (its curve had not left the plateau by {@code time}); a
     * pair decides only where the bound cannot change the answer — a decreasing step fails for sure when the earlier
     * value is exact, holds for sure when the later one is; an increasing step the other way round.
     */
    static Decision trendVerdict(List<Integer> at, double[] v, boolean[] exact, DynamicsClaim.Trend trend, double margin,
            String name, String what, double time, List<String> header, List<double[]> rows) {
        StringBuilder figures = new StringBuilder(what + ":");
        for (int i = 0; i < v.length; i++) {
            figures.append(i == 0 ? " " : ", ").append(f("%s%.4g (%s = %d)", exact[i] ? "" : ">= ", v[i], name, at.get(i)));
        }
        boolean down = trend == DynamicsClaim.Trend.DECREASING;
        String undecided = null;
        for (int i = 1; i < v.length; i++) {
            double bound = down ? (1 - margin) * v[i - 1] : (1 + margin) * v[i - 1];
            boolean follows = trend.follows(bound, v[i]);
            boolean sure = follows ? (down ? exact[i] : exact[i - 1]) : (down ? exact[i - 1] : exact[i]);
            if (!follows && sure) {
                return new Decision(Verdict.FAILS, figures.toString(), f("witness: %s = %.4g at %s = %d, then %s%.4g at %s = %d: not "
                        + "%s by more than %s of it", what, v[i - 1], name, at.get(i - 1), exact[i] ? "" : ">= ", v[i], name,
                        at.get(i), trend.userName(), trim(margin)), header, rows);
            }
            if (!sure && undecided == null) {
                int stuck = exact[i - 1] ? i : i - 1;
                undecided = f("the curve at %s = %d has not left the plateau by alpha = %s: its length is only a lower bound, "
                        + "which does not decide the step from %s = %d to %d; raise time", name, at.get(stuck), trim(time), name,
                        at.get(i - 1), at.get(i));
            }
        }
        if (undecided != null) {
            return new Decision(Verdict.INCONCLUSIVE, figures.toString(), undecided, header, rows);
        }
        return new Decision(Verdict.HOLDS, figures.toString(), what + " is " + trend.userName() + " in " + name + " by more than "
                + trim(margin) + " of itself at each step", header, rows);
    }
}
