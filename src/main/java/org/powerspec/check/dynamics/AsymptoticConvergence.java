package org.powerspec.check.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.TDistribution;
import org.powerspec.LineFit;
import org.powerspec.Progress;
import org.powerspec.check.core.Figure;
import org.powerspec.check.core.Verdict;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.SymmetricPlateau;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.symbolic.ClaimExpression;

/**
 * {@code claim: asymptotic-convergence}: past the escape from the plateau, over a stated window of α, ε_g decays
 * either exponentially, ε_g ∝ e^(−rate·α) — the specialised phase with few distinct eigenvalues, rate set by the
 * slowest mode at J = B ({@link SymmetricPlateau#specialisedDecayRate}, {@code rate: jacobian}) or stated — or as a
 * power law, ε_g ∝ α^(−γ) — many eigenvalues, γ = β/(1+β) for the linear network (Worschech &amp; Rosenow,
 * arXiv:2410.09005, §4 and Fig. 6: the exponential-to-power-law transition as L grows).
 *
 * <p>Per seed, both laws are fitted by least squares on the window's {@value #POINTS} log-spaced points (log ε_g
 * against α, and against log α), and the residual RMS compared: a law <em>wins</em> when the other's RMS is more than
 * (1 + margin) times its own. Verdict: FAILS when the other law wins in every seed (the witness: the RMS ratio), or
 * when the parameter's 95 % interval over seeds (t-interval of the per-seed fits; for {@code rate: jacobian} of the
 * fitted minus the predicted rate of each seed's own teacher) lies entirely outside ± tolerance of the stated value;
 * HOLDS when the stated law wins in every seed and that interval lies inside; INCONCLUSIVE otherwise. The window must
 * lie past the escape (ε_g at its start below half the symmetric plateau's height) and above the integrator's
 * resolution ({@value #FLOOR}); otherwise INCONCLUSIVE, saying which. The local exponent (or rate) over each decade (or
 * each half) of the window is reported, so a drifting law is seen.
 *
 * @param exponential the stated law is e^(−rate·α) (else α^(−γ))
 * @param jacobian    rate: jacobian — the stated rate is each seed's {@link SymmetricPlateau#specialisedDecayRate}
 * @param value       the stated rate or exponent (NaN with {@code jacobian})
 * @param source      the stated value as written
 */
public record AsymptoticConvergence(Path file, String name, String statement, TwoLayerModel model, boolean exponential,
        boolean jacobian, double value, String source, double tolerance, double from, double to, double margin, int seeds,
        DynamicsClaim.Init init, Integrator integrator) implements DynamicsClaim {

    /** The file's {@code claim:} value (a contract). */
    public static final String KIND = "asymptotic-convergence";
    static final Set<String> KEYS = Set.of("law", "rate", "exponent", "tolerance", "window", "margin", "seeds", "init",
            "integrator");
    /** Log-spaced points on the window. */
    public static final int POINTS = 61;
    /** ε_g below this is not resolved by the integrators' default tolerances. */
    public static final double FLOOR = 1e-10;
    static final double DEFAULT_MARGIN = 0.5;

    static AsymptoticConvergence read(DynamicsClaimFile f, Map<String, Object> top, String name, String statement,
            Map<String, Object> model) {
        var y = f.y;
        TwoLayerModel m = f.model(model, f.single(model, "L"), f.single(model, "K"));
        if (m.g() != Nonlinearity.ERF) {
            throw y.bad("model.activation", "must be erf for an asymptotic-convergence claim (the linear network's exponent is a "
                    + "learning-curve-exponent claim)");
        }
        String law = y.text(y.required(top, "law", "law"), "law").trim();
        if (!law.equals("exponential") && !law.equals("power-law")) {
            throw y.bad("law", "'" + law + "' is not known: allowed are exponential, power-law");
        }
        boolean exponential = law.equals("exponential");
        boolean jacobian = false;
        double value;
        String source;
        if (exponential) {
            if (top.containsKey("exponent")) {
                throw y.bad("exponent", "is for law: power-law; an exponential law states rate");
            }
            Object r = y.required(top, "rate", "rate");
            source = y.text(r, "rate").trim();
            jacobian = source.equals("jacobian");
            value = jacobian ? Double.NaN : y.number(r, "rate");
            if (!jacobian && !(value > 0 && Double.isFinite(value))) {
                throw y.bad("rate", "= " + source + " must be a finite number > 0, or jacobian");
            }
        } else {
            if (top.containsKey("rate")) {
                throw y.bad("rate", "is for law: exponential; a power law states exponent");
            }
            Map<String, Double> symbols = DynamicsClaim.symbols(m);
            source = y.text(y.required(top, "exponent", "exponent"), "exponent");
            ClaimExpression e = y.expression("exponent", source, symbols.keySet());
            value = e.value(symbols);
            if (!(value > 0 && Double.isFinite(value))) {
                throw y.bad("exponent", "'" + source + "' = " + value + " must be a finite number > 0");
            }
        }
        double tol = f.positive(top, "tolerance");
        Map<String, Object> w = y.map(y.required(top, "window", "window"), "window", DynamicsClaimFile.WINDOW);
        double lo = y.number(y.required(w, "from", "window.from"), "window.from");
        double hi = y.number(y.required(w, "to", "window.to"), "window.to");
        if (!(lo > 0) || !(hi >= 2 * lo) || hi > 1e7) {
            throw y.bad("window", "from = " + lo + ", to = " + hi + ": need 0 < from, to >= 2 from and to <= 1e7");
        }
        double margin = top.containsKey("margin") ? y.number(top.get("margin"), "margin") : DEFAULT_MARGIN;
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw y.bad("margin", "= " + margin + " must be a finite number >= 0");
        }
        int seeds = top.containsKey("seeds") ? y.whole(top.get("seeds"), "seeds") : PlateauScaling.DEFAULT_SEEDS;
        if (seeds < 2 || seeds > 100) {
            throw y.bad("seeds", "= " + seeds + " must be from 2 to 100 (the interval is over seeds)");
        }
        DynamicsClaim.Init init = f.init(top, true, m.L(), DynamicsClaimFile.INIT);
        return new AsymptoticConvergence(f.file, name, statement, m, exponential, jacobian, value, source, tol, lo, hi, margin,
                seeds, init, f.integrator(top));
    }

    @Override
    public String kind() {
        return KIND;
    }

    private String parameter() {
        return exponential ? "rate" : "exponent";
    }

    @Override
    public DynamicsClaimChecker.Decision decide(Progress progress) {
        double[] times = new double[POINTS + 1];
        for (int i = 0; i < POINTS; i++) {
            times[i + 1] = from * Math.pow(to / from, (double) i / (POINTS - 1));
        }
        List<String> header = List.of("seed", "alpha", "eps_g");
        List<double[]> rows = new ArrayList<>();
        double[] fitted = new double[seeds];
        double[] stated = new double[seeds];
        int statedWins = 0;
        int otherWins = 0;
        StringBuilder local = new StringBuilder();
        for (int s = 0; s < seeds; s++) {
            long seed = init.seed() + s;
            DynamicsClaim.Init one = new DynamicsClaim.Init(init.n(), init.sigmaJ(), init.sigmaB(), seed);
            OrderParameters start = DynamicsClaim.initial(model, one);
            LearningCurve c = OdeIntegration.integrate(model, start, times, integrator.tolerances(), false, Progress.NONE, integrator);
            progress.update("asymptotic convergence", (s + 1.0) / seeds);
            double[] t = new double[POINTS];
            double[] e = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                t[i] = c.times()[i + 1];
                e[i] = c.eg()[i + 1];
                rows.add(new double[] {seed, t[i], e[i]});
            }
            double plateau = SymmetricPlateau.of(model, start).height();
            if (!(e[0] < 0.5 * plateau)) {
                return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, "", f("seed %d: eps_g(%s) = %.4g is not below half "
                        + "the plateau's height %.4g: the window starts before the escape; move window.from later", seed,
                        trim(from), e[0], plateau), header, rows);
            }
            for (int i = 0; i < POINTS; i++) {
                if (!(e[i] > FLOOR)) {
                    return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, "", f("seed %d: eps_g(%.4g) = %.3g is below the "
                            + "integrator's resolution %.0e: end the window earlier", seed, t[i], e[i], FLOOR), header, rows);
                }
            }
            double[] logT = java.util.Arrays.stream(t).map(Math::log).toArray();
            double[] logE = java.util.Arrays.stream(e).map(Math::log).toArray();
            LineFit exp = LineFit.of(t, logE);
            LineFit pow = LineFit.of(logT, logE);
            double rmsExp = Math.sqrt(Math.max(1 - exp.rSquare(), 0));
            double rmsPow = Math.sqrt(Math.max(1 - pow.rSquare(), 0));
            double rmsStated = exponential ? rmsExp : rmsPow;
            double rmsOther = exponential ? rmsPow : rmsExp;
            if (rmsOther > (1 + margin) * rmsStated) {
                statedWins++;
            } else if (rmsStated > (1 + margin) * rmsOther) {
                otherWins++;
            }
            fitted[s] = exponential ? -exp.slope() : -pow.slope();
            stated[s] = jacobian ? SymmetricPlateau.specialisedDecayRate(model, start.bigT(model.spectrum())) : value;
            if (s == 0) {
                local.append(f("; seed %d: RMS ratio %s/%s = %.3g; local %s", seed, exponential ? "power" : "exp",
                        exponential ? "exp" : "power", rmsOther / rmsStated, parameter())).append(localFits(t, logT, logE));
            }
        }
        double[] diff = new double[seeds];
        double mean = 0;
        double meanStated = 0;
        for (int s = 0; s < seeds; s++) {
            diff[s] = fitted[s] - stated[s];
            mean += diff[s] / seeds;
            meanStated += stated[s] / seeds;
        }
        double ss = 0;
        for (double d : diff) {
            ss += (d - mean) * (d - mean);
        }
        double half = new TDistribution(seeds - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (seeds - 1) / seeds);
        double lo = mean - half;
        double hi = mean + half;
        String figures = f("fitted %s %.5g (mean over %d seeds) against %s %.5g: difference %.3g, 95%% interval [%.3g, %.3g]; the "
                + "stated law fits better by more than %s in %d of %d seeds, the other in %d", parameter(), mean + meanStated, seeds,
                jacobian ? "the Jacobian's" : "the stated", meanStated, mean, lo, hi, "1+" + trim(margin), statedWins, seeds,
                otherWins) + local;
        if (otherWins == seeds) {
            return new DynamicsClaimChecker.Decision(Verdict.FAILS, figures, f("witness: eps_g on [%s, %s] is %s, not %s: the other "
                    + "law's residuals are more than %s times smaller in every seed", trim(from), trim(to),
                    exponential ? "a power law" : "exponential", exponential ? "exponential" : "a power law", "1+" + trim(margin)),
                    header, rows);
        }
        if (!Double.isFinite(meanStated)) {
            return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, figures, "the Jacobian's rate is not available for this "
                    + "model (L x block above " + SymmetricPlateau.MAX_JACOBIAN + " or K != M)", header, rows);
        }
        if (hi < -tolerance || lo > tolerance) {
            return new DynamicsClaimChecker.Decision(Verdict.FAILS, figures, f("witness: the fitted %s differs from the stated by "
                    + "%.3g, 95%% interval [%.3g, %.3g], entirely outside +- %s", parameter(), mean, lo, hi, trim(tolerance)),
                    header, rows);
        }
        if (statedWins == seeds && lo >= -tolerance && hi <= tolerance) {
            return new DynamicsClaimChecker.Decision(Verdict.HOLDS, figures, f("the stated law fits better in every seed and the "
                    + "%s's 95%% interval lies within +- %s of the stated value", parameter(), trim(tolerance)), header, rows);
        }
        return new DynamicsClaimChecker.Decision(Verdict.INCONCLUSIVE, figures, statedWins < seeds
                ? "neither law wins by the margin in every seed: the window mixes regimes (or is too short to tell them apart)"
                : f("the %s's interval straddles an end of +- %s: more seeds would decide", parameter(), trim(tolerance)),
                header, rows);
    }

    /** The exponent over each decade of the window (power law), or the rate over each half (exponential). */
    private String localFits(double[] t, double[] logT, double[] logE) {
        StringBuilder s = new StringBuilder();
        List<double[]> spans = new ArrayList<>();
        if (exponential) {
            double mid = Math.sqrt(from * to);
            spans.add(new double[] {from, mid});
            spans.add(new double[] {mid, to});
        } else {
            for (double a = from; a < to * (1 - 1e-12); a *= 10) {
                spans.add(new double[] {a, Math.min(10 * a, to)});
            }
        }
        for (double[] span : spans) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= span[0] * (1 - 1e-12) && t[i] <= span[1] * (1 + 1e-12)) {
                    pts.add(new double[] {exponential ? t[i] : logT[i], logE[i]});
                }
            }
            if (pts.size() >= 3) {
                s.append(f(" %.4g on [%.4g, %.4g]", -LineFit.of(pts).slope(), span[0], span[1]));
            }
        }
        return s.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v)
                : new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    /** ε_g on the window, one series per seed. */
    @Override
    public Figure figure(DynamicsClaimResult r) {
        Figure fig = new Figure(name + "  [" + r.verdict() + "]", "alpha", "eps_g");
        java.util.TreeMap<Long, List<double[]>> bySeed = new java.util.TreeMap<>();
        r.rows().forEach(row -> bySeed.computeIfAbsent((long) row[0], k -> new ArrayList<>()).add(row));
        for (Map.Entry<Long, List<double[]>> e : bySeed.entrySet()) {
            fig = fig.points("seed " + e.getKey(), e.getValue().stream().mapToDouble(q -> q[1]).toArray(),
                    e.getValue().stream().mapToDouble(q -> q[2]).toArray());
        }
        return fig;
    }

    @Override
    public String describe() {
        return model.describe() + "; eps_g ~ " + (exponential ? "exp(-rate alpha), rate = " + source : "alpha^-(" + source + ")")
                + " +- " + trim(tolerance) + " on alpha in [" + trim(from) + ", " + trim(to) + "], margin " + trim(margin) + "; "
                + seeds + " seeds from " + init.seed() + "; ODE (" + integrator.userName() + "); N = " + init.n() + ", sigma_J = "
                + init.sigmaJ() + ", sigma_B = " + init.sigmaB();
    }
}
