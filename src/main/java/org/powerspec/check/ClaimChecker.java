package org.powerspec.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.powerspec.check.ClaimResult.Drift;
import org.powerspec.check.ClaimResult.Fit;
import org.powerspec.check.ClaimResult.Run;
import org.powerspec.check.ClaimResult.Violation;
import org.powerspec.numeric.ProductOracle;
import org.powerspec.numeric.Progress;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumComputation;
import org.powerspec.numeric.SpectrumSpec;

/**
 * Checks a {@link Claim} against exact spectra. For each d of the sweep and seed s = 1..seeds it computes the whole
 * spectrum of K, the ratios r_j = λ_j / rate(j) on j ∈ [⌈from(d)⌉, ⌊to(d)⌋] ∩ [1, d] (eigenvalues below their error
 * bound are not used), and every j where r_j leaves [lower, upper].
 *
 * <p><b>Drift.</b> Constants must be constants: the log–log slope b of min r (for a lower constant) and of max r (for
 * an upper one) against d is fitted by least squares over all (d, seed) with at least {@value #MIN_POINTS} usable j
 * at the largest {@value #DRIFT_SIZES} such sizes (the trend that matters is the one at large d; finite-size
 * transients at the smallest d would otherwise dominate), with a 95 % Student-t interval. With tolerance τ (default 0.1, a factor 10^0.1 ≈ 1.26 per decade of d): a lower
 * constant is threatened by b &lt; 0 — drift is <i>present</i> when the whole interval lies below −τ, <i>absent</i>
 * when it lies above −τ; an upper constant symmetrically (present when the interval lies above τ, absent below);
 * otherwise <i>undecided</i>. So FAILS needs 95 % confidence that the drift exceeds the tolerance.
 *
 * <p><b>Verdict.</b> FAILS with a witness when some r_j breaks a constant (the worst one is named) or a drift is
 * present; INCONCLUSIVE with the reason when the range is empty or too short at every d, when fewer than two d are
 * usable, or when a drift is undecided; HOLDS otherwise.
 *
 * <p><b>Effective rate.</b> At the largest usable d, log λ_j = log C − α·log j + α·β·log log(j+1) is fitted over the
 * range (all seeds pooled), giving (α̂, β̂) with 95 % intervals (β̂ by the delta method), to set against the
 * claim's exponents.
 */
public final class ClaimChecker {
    /** Fewest usable j for a (d, seed) to count: fewer, and which j enter the range decides the extremes of r_j. */
    public static final int MIN_POINTS = 8;

    private ClaimChecker() {
    }

    /** One independent unit of a sweep: the spectrum at one size and seed. */
    public record Task(int d, long seed) {
    }

    /** The claim's sweep in order: every d of the sweep, and at each d the seeds 1..seeds. */
    public static List<Task> tasks(Claim claim) {
        List<Task> tasks = new ArrayList<>();
        for (int d : claim.ds()) {
            for (long seed = 1; seed <= claim.seeds(); seed++) {
                tasks.add(new Task(d, seed));
            }
        }
        return tasks;
    }

    /** Checks the claim one (d, seed) after the other; {@code log} receives one line per finished (d, seed). */
    public static ClaimResult check(Claim claim, Consumer<String> log) {
        long t0 = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        for (Task t : tasks(claim)) {
            Run r = run(claim, t);
            runs.add(r);
            log.accept(describe(claim, r));
        }
        return assess(claim, runs, (System.nanoTime() - t0) / 1e9);
    }

    /** One line on a finished run: the range, how much of it is usable, and the ratio's extremes. */
    public static String describe(Claim claim, Run r) {
        return String.format(Locale.ROOT, "%s: d = %d, seed = %d: j = %d..%d, %d of %d j used%s, r in [%.4g, %.4g] (%.1f s)",
                claim.name(), r.d(), r.seed(), r.jFrom(), r.jTo(), r.used(), r.rangeSize(),
                r.undecided() == 0 ? "" : " (" + r.undecided() + " undecided)", r.minRatio(), r.maxRatio(), r.seconds());
    }

    /**
     * Computes the whole spectrum of K at the task's (d, seed) and the ratios r_j on the claim's range. Independent of
     * every other task, so tasks may run in any order, in parallel or in separate processes.
     */
    public static Run run(Claim claim, Task task) {
        return run(claim, task, ClaimChecker::spectrum);
    }

    /** The whole spectrum of K for a spec, with its seeded sketch and no progress output. */
    static Spectrum spectrum(SpectrumSpec spec) {
        return SpectrumComputation.compute(spec, SpectrumComputation.sketchFor(spec), Progress.NONE);
    }

    /** As {@link #run(Claim, Task)}, with the spectra from {@code spectra} (e.g. shared between claims of one model). */
    public static Run run(Claim claim, Task task, Function<SpectrumSpec, Spectrum> spectra) {
        long s0 = System.nanoTime();
        int d = task.d();
        Map<String, Double> names = names(claim, d);
        int v = (int) Math.round(claim.v().value(Map.of("d", (double) d)));
        double from = claim.from().value(names);
        double to = claim.to().value(names);
        int jFrom = (int) Math.max(1, Math.ceil(from));
        int jTo = (int) Math.min(d, Math.floor(to));
        SpectrumSpec spec = new SpectrumSpec(claim.alpha(), claim.activation(), d, v, task.seed(), null,
                claim.wVariance(), claim.centred(), claim.precision());
        if (claim.cutoff() != null) {
            spec = spec.withCutoff(claim.cutoffAt(d));
        }
        double[] rate = claim.oracle() ? oracle(spec, jFrom, jTo) : claim.rate().values("j", jFrom, jTo, names);
        Spectrum sp = spectra.apply(spec);
        return run(claim, sp, d, task.seed(), v, from, to, jFrom, jTo, rate, s0);
    }

    /**
     * The verdict on a claim from its runs (one per task of {@link #tasks}, in any order): the drift of the ratio's
     * extremes with d, the fitted effective rate, and HOLDS, FAILS or INCONCLUSIVE with the witness or reason.
     */
    public static ClaimResult assess(Claim claim, List<Run> runs, double seconds) {
        List<Run> sorted = runs.stream().sorted(Comparator.comparingInt(Run::d).thenComparingLong(Run::seed)).toList();
        List<Drift> drifts = drifts(claim, sorted);
        String[] verdict = verdict(claim, sorted, drifts);
        return new ClaimResult(claim, sorted, drifts, fit(sorted), Verdict.valueOf(verdict[0]), verdict[1], seconds,
                ParameterScan.scan(claim, sorted));
    }

    /** The verdict alone, for the parameter scan. */
    static Verdict verdictOf(Claim claim, List<Run> runs) {
        return Verdict.valueOf(verdict(claim, runs, drifts(claim, runs))[0]);
    }

    /** The drift of min r for a lower constant and of max r for an upper one. */
    private static List<Drift> drifts(Claim claim, List<Run> runs) {
        List<Drift> drifts = new ArrayList<>();
        if (claim.lower() != null) {
            drifts.add(drift(runs, "min r", "lower", claim.driftTolerance()));
        }
        if (claim.upper() != null) {
            drifts.add(drift(runs, "max r", "upper", claim.driftTolerance()));
        }
        return drifts;
    }

    static Map<String, Double> names(Claim claim, int d) {
        Map<String, Double> names = new HashMap<>(claim.constants());
        names.put("d", (double) d);
        names.put("p", (double) claim.p());
        names.put("alpha", claim.alpha());
        return names;
    }

    private static Run run(Claim claim, Spectrum sp, int d, long seed, int v, double from, double to, int jFrom, int jTo,
                           double[] rate, long startNanos) {
        int m = Math.max(0, jTo - jFrom + 1);
        double[] lambda = new double[m];
        double[] bound = new double[m];
        for (int j = jFrom; j <= jTo; j++) {
            lambda[j - jFrom] = sp.eigenvalue(j);
            bound[j - jFrom] = sp.bound(j);
        }
        int beyond = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.floor(to) - Math.max(d, jFrom - 1)));
        Run r = judge(claim, d, seed, v, from, to, jFrom, jTo, lambda, bound, rate, (System.nanoTime() - startNanos) / 1e9);
        return beyond == 0 ? r : withBeyond(r, beyond);
    }

    /** The run with {@code beyond} indices j &gt; d counted in its range, undecided. */
    private static Run withBeyond(Run r, int beyond) {
        return new Run(r.d(), r.seed(), r.v(), r.rangeFrom(), r.rangeTo(), r.jFrom(), r.jTo(), r.used(), r.underFloor(),
                r.straddling(), r.noRate(), beyond, r.minRatio(), r.minJ(), r.maxRatio(), r.maxJ(), r.violations(), r.js(),
                r.ratios(), r.eigenvalues(), r.bounded(), r.rangeEigenvalues(), r.rangeBounds(), r.seconds());
    }

    /** μ_j for j = from..to from the product oracle of the spectrum's model; NaN where it predicts none. */
    private static double[] oracle(SpectrumSpec spec, int from, int to) {
        double[] out = new double[Math.max(0, to - from + 1)];
        if (to < from) {
            return out;
        }
        ProductOracle.Prediction p = ProductOracle.predict(ProductOracle.Spec.of(spec), to);
        for (int j = from; j <= to; j++) {
            out[j - from] = j <= p.size() ? p.eigenvalue(j) : Double.NaN;
        }
        return out;
    }

    /**
     * Judges every j of a run's range from λ_j, its error bound b_j and rate(j) (all indexed j − jFrom). The true
     * eigenvalue lies in [λ_j − b_j, λ_j + b_j] when |λ_j| &gt; b_j (measured), and in [0, |λ_j| + b_j] otherwise (K is
     * positive semi-definite); divided by rate(j) that is an interval for r_j. An interval inside [lower, upper]
     * certifies the claim at j, one wholly outside certifies a violation; anything else leaves j undecided. Measured
     * j enter the extremes and the drift with their value λ_j/rate(j); bounds that decide enter with
     * (|λ_j| + b_j)/rate(j), marked {@code bounded}.
     */
    static Run judge(Claim claim, int d, long seed, int v, double from, double to, int jFrom, int jTo,
                     double[] lambda, double[] bound, double[] rate, double seconds) {
        int m = lambda.length;
        List<Integer> js = new ArrayList<>();
        List<Double> rs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Boolean> bounded = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int used = 0;
        int underFloor = 0;
        int straddling = 0;
        int noRate = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        int minJ = 0;
        int maxJ = 0;
        Double lower = claim.lower();
        Double upper = claim.upper();
        for (int i = 0; i < m; i++) {
            int j = jFrom + i;
            double rj = rate[i];
            if (!(rj > 0) || !Double.isFinite(rj)) {
                noRate++;
                continue;
            }
            double l = lambda[i];
            double b = bound[i];
            boolean measured = Math.abs(l) > b;
            double hi = (Math.abs(l) + b) / rj;
            double lo = measured ? Math.max(0, l - b) / rj : 0;
            double r = measured ? l / rj : hi;
            boolean breaksLower = lower != null && hi < lower;
            boolean breaksUpper = upper != null && lo > upper;
            boolean inside = (lower == null || lo >= lower) && (upper == null || hi <= upper);
            boolean decides = breaksLower || breaksUpper || inside;
            if (!measured && !decides) {
                underFloor++;
                continue;
            }
            if (decides) {
                used++;
            } else {
                straddling++;
            }
            js.add(j);
            rs.add(r);
            values.add(measured ? l : hi);
            bounded.add(!measured);
            if (Double.isNaN(min) || r < min) {
                min = r;
                minJ = j;
            }
            if (Double.isNaN(max) || r > max) {
                max = r;
                maxJ = j;
            }
            if (breaksLower) {
                violations.add(new Violation(d, seed, j, r, "lower", lower));
            } else if (breaksUpper) {
                violations.add(new Violation(d, seed, j, r, "upper", upper));
            }
        }
        boolean[] bnd = new boolean[js.size()];
        for (int i = 0; i < bnd.length; i++) {
            bnd[i] = bounded.get(i);
        }
        return new Run(d, seed, v, from, to, jFrom, jTo, used, underFloor, straddling, noRate, 0, min, minJ, max, maxJ,
                violations, js.stream().mapToInt(Integer::intValue).toArray(),
                rs.stream().mapToDouble(Double::doubleValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), bnd, lambda, bound, seconds);
    }

    /**
     * The same run judged against another claim on the same model and range (another value of a parameter), with
     * that claim's rate at j = jFrom..jTo of the run ({@code rate[j − jFrom]}), which runs of one d share.
     */
    static Run rerate(Claim other, Run r, double[] rate) {
        Run again = judge(other, r.d(), r.seed(), r.v(), r.rangeFrom(), r.rangeTo(), r.jFrom(), r.jTo(),
                r.rangeEigenvalues(), r.rangeBounds(), rate, r.seconds());
        return r.beyondD() == 0 ? again : withBeyond(again, r.beyondD());
    }

    /** As {@link #rerate(Claim, Run, double[])}, evaluating the other claim's rate on the run's range. */
    static Run rerate(Claim other, Run r) {
        return rerate(other, r, other.rate().values("j", r.jFrom(), r.jTo(), names(other, r.d())));
    }

    /** Drift is judged on the largest this many usable sizes of the sweep: the asymptotic trend, not the smallest d. */
    public static final int DRIFT_SIZES = 3;

    static Drift drift(List<Run> runs, String of, String constant, double tol) {
        // only measured ratios: a certified bound (an eigenvalue under its error bound) says nothing about a trend
        List<Integer> sizes = runs.stream().filter(r -> r.measured() >= MIN_POINTS).map(Run::d).distinct()
                .sorted(Comparator.reverseOrder()).limit(DRIFT_SIZES).toList();
        List<double[]> pts = new ArrayList<>();
        for (Run r : runs) {
            if (r.measured() >= MIN_POINTS && sizes.contains(r.d())) {
                double y = r.measuredExtreme(!of.equals("min r"));
                if (y > 0) {
                    pts.add(new double[] {Math.log10(r.d()), Math.log10(y)});
                }
            }
        }
        long distinctD = pts.stream().map(p -> p[0]).distinct().count();
        if (distinctD < 2) {
            return new Drift(of, constant, Double.NaN, Double.NaN, Double.NaN, pts.size(), "not assessed");
        }
        SlopeInterval fit = SlopeInterval.of(pts);
        double b = fit.slope();
        double lo = fit.lo();
        double hi = fit.hi();
        int n = fit.n();
        String status;
        if (constant.equals("lower")) {
            status = hi < -tol ? "present" : lo > -tol ? "absent" : "undecided";
        } else {
            status = lo > tol ? "present" : hi < tol ? "absent" : "undecided";
        }
        return new Drift(of, constant, b, lo, hi, n, status);
    }

    static Fit fit(List<Run> runs) {
        int best = -1;
        for (Run r : runs) {
            if (r.measured() >= 4) {
                best = Math.max(best, r.d());
            }
        }
        if (best < 0) {
            return null;
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Run r : runs) {
            if (r.d() != best) {
                continue;
            }
            for (int i = 0; i < r.js().length; i++) {
                int j = r.js()[i];
                double l = r.eigenvalues()[i];
                if (l > 0 && !r.bounded()[i]) {
                    x.add(new double[] {Math.log(j), Math.log(Math.log(j + 1))});
                    y.add(Math.log(l));
                }
            }
        }
        if (y.size() < 5 || new TreeSet<>(x.stream().map(a -> a[0]).toList()).size() < 4) {
            return null;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        double[] b;
        RealMatrix cov;
        try {
            b = ols.estimateRegressionParameters();
            // (XᵀX)⁻¹ times the residual variance: the parameters' covariance
            cov = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance())
                    .scalarMultiply(ols.estimateErrorVariance());
        } catch (RuntimeException singular) {
            return null;
        }
        double t = new TDistribution(Math.max(1, y.size() - 3)).inverseCumulativeProbability(0.975);
        double alpha = -b[1];
        double seA = Math.sqrt(cov.getEntry(1, 1));
        double beta = -b[2] / b[1];
        double dB2 = -1 / b[1];
        double dB1 = b[2] / (b[1] * b[1]);
        double varBeta = dB2 * dB2 * cov.getEntry(2, 2) + dB1 * dB1 * cov.getEntry(1, 1) + 2 * dB1 * dB2 * cov.getEntry(1, 2);
        double seB = Math.sqrt(Math.max(0, varBeta));
        return new Fit(best, y.size(), alpha, alpha - t * seA, alpha + t * seA, beta, beta - t * seB, beta + t * seB);
    }

    /** "n of m j used over R runs": how much of the claim's ranges decided, over every (d, seed). */
    static String tally(List<Run> runs) {
        long n = runs.stream().mapToLong(Run::used).sum();
        long m = runs.stream().mapToLong(Run::rangeSize).sum();
        return String.format(Locale.ROOT, "%d of %d j used over %d run%s", n, m, runs.size(), runs.size() == 1 ? "" : "s");
    }

    /**
     * Why some j of the range decide nothing, per d (seeds summed): how many lie under the error floor with a bound
     * that decides nothing, how many are measured with an error interval across a constant, and how many have no
     * rate; and what would measure them.
     */
    static String undecidedReason(Claim claim, List<Run> runs) {
        StringBuilder s = new StringBuilder();
        long floor = 0;
        long straddle = 0;
        for (int d : runs.stream().map(Run::d).distinct().sorted().toList()) {
            List<Run> at = runs.stream().filter(r -> r.d() == d).toList();
            long u = at.stream().mapToLong(Run::underFloor).sum();
            long st = at.stream().mapToLong(Run::straddling).sum();
            long nr = at.stream().mapToLong(Run::noRate).sum();
            long past = at.stream().mapToLong(Run::beyondD).sum();
            long m = at.stream().mapToLong(Run::rangeSize).sum();
            floor += u;
            straddle += st;
            if (u + st + nr + past == 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (u > 0) {
                parts.add(u + " under the error floor");
            }
            if (st > 0) {
                parts.add(st + " measured within their error of a constant");
            }
            if (past > 0) {
                parts.add(past + " beyond d (K has only d eigenvalues)");
            }
            if (nr > 0) {
                parts.add(nr + " without a positive finite rate" + (claim.oracle() ? " (the oracle predicts fewer "
                        + "eigenvalues)" : ""));
            }
            s.append(String.format(Locale.ROOT, "%s at d = %d, of %d j%s: %s", s.length() == 0 ? "" : ";", d, m,
                    at.size() > 1 ? " (" + at.size() + " seeds)" : "", String.join(", ", parts)));
        }
        String hint;
        if (floor + straddle == 0) {
            hint = "";
        } else if (claim.precision() == org.powerspec.numeric.Precision.DOUBLE) {
            hint = "; precision: high would measure them (double-double: error floor about (9d + v)·2^-104·lambda_max "
                    + "instead of (d + v)·2^-53·lambda_max, at about 5-15 times the time of double: ~3.5 s against "
                    + "0.7 s at d = 1024, ~85 s against 6 s at d = 4096)";
        } else {
            hint = "; they lie under even double-double's error floor ((9d + v)·2^-104·lambda_max), so no precision "
                    + "powerspec has can decide them at these sizes";
        }
        return "not every j of the range can be decided, and a claim holds only where every j is measured or certified "
                + "by its bound:" + s + hint;
    }

    private static String[] verdict(Claim claim, List<Run> runs, List<Drift> drifts) {
        String tally = " [" + tally(runs) + "]";
        List<Run> usable = runs.stream().filter(r -> r.used() >= MIN_POINTS).toList();
        Violation worst = runs.stream().flatMap(r -> r.violations().stream())
                .max(Comparator.comparingDouble(Violation::factor)).orElse(null);
        if (worst != null) {
            long count = runs.stream().mapToLong(r -> r.violations().size()).sum();
            return new String[] {"FAILS", String.format(Locale.ROOT,
                    "at d = %d, seed = %d, j = %d the ratio r_j = %.4g breaks the %s constant %s (by a factor %.3g, "
                            + "beyond its error bound; %d violations in all)", worst.d(), worst.seed(), worst.j(),
                    worst.ratio(), worst.constant(), worst.bound(), worst.factor(), count) + tally};
        }
        if (usable.isEmpty()) {
            StringBuilder why = new StringBuilder("the range is empty or holds fewer than " + MIN_POINTS
                    + " j that decide at every d:");
            for (int d : claim.ds()) {
                List<Run> at = runs.stream().filter(x -> x.d() == d).toList();
                if (at.isEmpty()) {
                    continue;
                }
                Run r = at.get(0);
                why.append(String.format(Locale.ROOT, " d = %d: j from %.3g to %.3g, %d of %d used%s;", d, r.rangeFrom(),
                        r.rangeTo(), r.used(), r.rangeSize(), r.underFloor() > 0 ? " (" + r.underFloor()
                                + " under the error floor)" : ""));
            }
            return new String[] {"INCONCLUSIVE", why.substring(0, why.length() - 1) + tally};
        }
        for (Drift dr : drifts) {
            if (dr.status().equals("present")) {
                return new String[] {"FAILS", String.format(Locale.ROOT,
                        "%s drifts with d: log-log slope %.3f, 95%% interval [%.3f, %.3f], beyond the tolerance %.2g — "
                                + "the %s constant is not a constant", dr.of(), dr.slope(), dr.lo(), dr.hi(),
                        claim.driftTolerance(), dr.constant()) + tally};
            }
        }
        if (runs.stream().anyMatch(r -> r.undecided() > 0)) {
            return new String[] {"INCONCLUSIVE", undecidedReason(claim, runs) + tally};
        }
        long distinctD = usable.stream().map(Run::d).distinct().count();
        if (distinctD < 2) {
            return new String[] {"INCONCLUSIVE", "every ratio is inside the constants, but only d = " + usable.get(0).d()
                    + " has a usable range, so whether the constants drift with d cannot be assessed" + tally};
        }
        for (Drift dr : drifts) {
            if (dr.status().equals("undecided")) {
                return new String[] {"INCONCLUSIVE", String.format(Locale.ROOT,
                        "every ratio is inside the constants, but the drift of %s is undecided: slope %.3f, 95%% interval "
                                + "[%.3f, %.3f] against the tolerance %.2g (more d or seeds would decide it)",
                        dr.of(), dr.slope(), dr.lo(), dr.hi(), claim.driftTolerance()) + tally};
            }
        }
        double min = usable.stream().mapToDouble(Run::minRatio).min().orElseThrow();
        double max = usable.stream().mapToDouble(Run::maxRatio).max().orElseThrow();
        boolean onlyBounds = usable.stream().allMatch(r -> r.measured() == 0);
        for (Drift dr : drifts) {
            if (dr.status().equals("not assessed")) {
                if (onlyBounds) {
                    return new String[] {"HOLDS", String.format(Locale.ROOT, "every eigenvalue of the range is below its "
                            + "error bound, and every certified bound r_j <= (|lambda_j| + b_j)/rate(j) <= %.4g is within "
                            + "[%s, %s] over %d runs; there is no measured ratio whose drift could be assessed", max,
                            claim.lower() == null ? "-" : claim.lower(), claim.upper() == null ? "-" : claim.upper(),
                            usable.size()) + tally};
                }
                return new String[] {"INCONCLUSIVE", "every ratio is inside the constants, but fewer than " + MIN_POINTS
                        + " ratios per run are measured (the rest are eigenvalues under their error bounds), so the "
                        + "drift of " + dr.of() + " cannot be assessed" + tally};
            }
        }
        return new String[] {"HOLDS", String.format(Locale.ROOT,
                "every ratio in [%.4g, %.4g] within [%s, %s] over %d runs, no drift beyond %.2g per decade of d", min, max,
                claim.lower() == null ? "-" : claim.lower(), claim.upper() == null ? "-" : claim.upper(), usable.size(),
                claim.driftTolerance()) + tally};
    }
}
