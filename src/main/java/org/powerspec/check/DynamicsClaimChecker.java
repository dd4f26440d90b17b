package org.powerspec.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.FiniteSizeComparison;
import org.powerspec.dynamics.Fits;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.PlateauStudy;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.numeric.Progress;

/**
 * Decides a {@link DynamicsClaim}.
 * <ul>
 * <li>Exponents (ε_g ∼ α^(−γ) on a window, ε_g(∞) ∝ N_l^(−γ)): the least-squares slope of log ε_g against log α (or
 *     log N_l) over the whole window and over each half. FAILS when the whole-window exponent is further than the
 *     tolerance from γ (the witness: the fitted exponent, the window); HOLDS when the whole window and both halves are
 *     within it; otherwise INCONCLUSIVE — the curve is not yet one power law on the window (the halves disagree), so
 *     the sizes reached cannot decide. A window that is empty or where ε_g is not positive is INCONCLUSIVE.</li>
 * <li>Trends (plateau length along L or K, the SGD–ODE gap along N): HOLDS when each value follows the previous one
 *     strictly in the stated direction; FAILS with the first pair that does not. A plateau trend is INCONCLUSIVE when
 *     some curve has not left the plateau by the end of the integration (its length is only a lower bound).</li>
 * </ul>
 * Points per window: {@value #WINDOW_POINTS}, log-spaced.
 */
public final class DynamicsClaimChecker {
    /** Log-spaced points on an exponent claim's window. */
    public static final int WINDOW_POINTS = 61;

    private DynamicsClaimChecker() {
    }

    /** Checks {@code claim}, reporting progress on the long parts (ODEs, simulations). */
    public static DynamicsClaimResult check(DynamicsClaim claim, Progress progress) {
        long t0 = System.nanoTime();
        Outcome o;
        if (claim instanceof DynamicsClaim.LearningCurveExponent c) {
            o = learningCurve(c);
        } else if (claim instanceof DynamicsClaim.FloorExponent c) {
            o = floor(c);
        } else if (claim instanceof DynamicsClaim.PlateauTrend c) {
            o = plateau(c, progress);
        } else {
            o = finiteSize((DynamicsClaim.FiniteSize) claim, progress);
        }
        return new DynamicsClaimResult(claim, o.verdict, o.figures, o.evidence, o.header, o.rows, (System.nanoTime() - t0) / 1e9);
    }

    record Outcome(Verdict verdict, String figures, String evidence, List<String> header, List<List<String>> rows) {
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static Outcome learningCurve(DynamicsClaim.LearningCurveExponent c) {
        TwoLayerModel m = c.model();
        Map<String, Double> s = new HashMap<>(DynamicsClaim.symbols(m));
        EigenspaceSpectrum sp = m.spectrum();
        s.put("kappa", m.studentFactor() * m.studentFactor() * m.K());
        s.put("lambda1", sp.get(0));
        s.put("lambdaL", sp.get(sp.size() - 1));
        double gamma = c.exponent().value(s);
        double lo = c.from().value(s);
        double hi = c.to().value(s);
        List<String> header = List.of("alpha", "eps_g", "local_exponent");
        String window = f("alpha in [%.4g, %.4g]", lo, hi);
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return new Outcome(Verdict.INCONCLUSIVE, window, "the window is empty at these sizes (" + c.from().source()
                    + " = " + f("%.4g", lo) + ", " + c.to().source() + " = " + f("%.4g", hi) + "): raise L or lower eta",
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

    private static Outcome floor(DynamicsClaim.FloorExponent c) {
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
    static Outcome exponentVerdict(double[] x, double[] y, double gamma, double tol, String xName, String where,
            List<String> header, String law) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            String local = i == 0 ? "" : f("%.4f", -Math.log(y[i] / y[i - 1]) / Math.log(x[i] / x[i - 1]));
            rows.add(List.of(f("%.6g", x[i]), f("%.6e", y[i]), local));
        }
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                return new Outcome(Verdict.INCONCLUSIVE, where, f("the value at %s = %.4g is %s: no exponent can be fitted",
                        xName, x[i], y[i]), header, rows);
            }
        }
        double whole = exponent(x, y, 0, x.length);
        int half = (x.length + 1) / 2;
        double first = exponent(x, y, 0, half);
        double second = exponent(x, y, x.length - half, x.length);
        String figures = f("fitted %.4f (halves %.4f, %.4f) vs stated %.4f +- %s over %s", whole, first, second, gamma,
                trim(tol), where);
        if (Math.abs(whole - gamma) > tol) {
            return new Outcome(Verdict.FAILS, figures, f("witness: %s fitted with exponent %.4f over %s, outside %.4f +- %s",
                    law, whole, where, gamma, trim(tol)), header, rows);
        }
        if (Math.abs(first - gamma) > tol || Math.abs(second - gamma) > tol) {
            return new Outcome(Verdict.INCONCLUSIVE, figures, f("the whole window fits, but its halves give %.4f and %.4f: "
                    + "not one power law over %s; a longer window (larger L) is needed", first, second, where), header, rows);
        }
        return new Outcome(Verdict.HOLDS, figures, f("the exponent over the whole window and over each half is within %s of "
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
        return -Fits.slope(lx, ly);
    }

    private static Outcome plateau(DynamicsClaim.PlateauTrend c, Progress progress) {
        TwoLayerModel m = c.model();
        DynamicsClaim.Init init = c.init();
        PlateauStudy.Settings s = new PlateauStudy.Settings(m.spectrum().beta(), m.eta(), m.scaling(), init.n(), init.sigmaJ(),
                init.seed(), c.time(), c.band(), 40, c.integrator());
        PlateauStudy study = PlateauStudy.run(c.ks(), c.ls(), s, progress);
        String v = c.varied();
        List<String> header = List.of(v, "plateau_length", "escape", "eps_star_eta");
        List<List<String>> rows = new ArrayList<>();
        double[] lengths = new double[study.rows().size()];
        List<Integer> values = v.equals("L") ? c.ls() : c.ks();
        String stuck = null;
        for (int i = 0; i < lengths.length; i++) {
            PlateauStudy.Row r = study.rows().get(i);
            lengths[i] = r.plateau().length();
            rows.add(List.of(String.valueOf(values.get(i)), f("%.2f", lengths[i]), f("%.2f", r.plateau().escape()),
                    f("%.6f", r.epsEta())));
            if (Double.isNaN(r.plateau().escape()) && stuck == null) {
                stuck = f("the curve at %s = %d has not left the plateau by alpha = %s: its length is only a lower bound; "
                        + "raise time", v, values.get(i), trim(c.time()));
            }
        }
        return trendVerdict(values, lengths, c.trend(), v, "plateau length", stuck, header, rows);
    }

    private static Outcome finiteSize(DynamicsClaim.FiniteSize c, Progress progress) {
        int points = 13;
        double[] times = new double[points];
        for (int i = 0; i < points; i++) {
            times[i] = c.time() * i / (points - 1);
        }
        DynamicsClaim.Init init = c.init();
        FiniteSizeComparison cmp = FiniteSizeComparison.run(c.model(), c.sizes(), init.sigmaJ(), init.sigmaB(), init.seed(), times,
                Tolerances.DEFAULT, progress);
        double[] gaps = cmp.rows().stream().mapToDouble(FiniteSizeComparison.Row::maxGap).toArray();
        List<List<String>> rows = new ArrayList<>();
        for (FiniteSizeComparison.Row r : cmp.rows()) {
            rows.add(List.of(String.valueOf(r.n()), f("%.4e", r.maxGap()), f("%.4e", r.maxRelGap())));
        }
        Outcome o = trendVerdict(c.sizes(), gaps, c.trend(), "N", "max |SGD - ODE|", null,
                List.of("N", "max_gap", "max_relative_gap"), rows);
        return new Outcome(o.verdict, o.figures + f("; slope in log N %.2f", cmp.gapExponent()), o.evidence, o.header, o.rows);
    }

    /** The trend rule of the class comment; {@code undecided} (or null) is the reason a trend cannot be decided. */
    static Outcome trendVerdict(List<Integer> at, double[] v, DynamicsClaim.Trend trend, String name, String what,
            String undecided, List<String> header, List<List<String>> rows) {
        StringBuilder figures = new StringBuilder(what + ":");
        for (int i = 0; i < v.length; i++) {
            figures.append(i == 0 ? " " : ", ").append(f("%.4g (%s = %d)", v[i], name, at.get(i)));
        }
        for (int i = 1; i < v.length; i++) {
            if (!trend.follows(v[i - 1], v[i])) {
                if (undecided != null) {
                    return new Outcome(Verdict.INCONCLUSIVE, figures.toString(), undecided, header, rows);
                }
                return new Outcome(Verdict.FAILS, figures.toString(), f("witness: %s = %.4g at %s = %d, then %.4g at %s = %d: not %s",
                        what, v[i - 1], name, at.get(i - 1), v[i], name, at.get(i), trend.userName()), header, rows);
            }
        }
        if (undecided != null) {
            return new Outcome(Verdict.INCONCLUSIVE, figures.toString(), undecided, header, rows);
        }
        return new Outcome(Verdict.HOLDS, figures.toString(), what + " is strictly " + trend.userName() + " in " + name,
                header, rows);
    }
}
