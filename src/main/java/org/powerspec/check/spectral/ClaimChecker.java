package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.powerspec.Progress;
import org.powerspec.check.core.SlopeInterval;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Fit;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult.Violation;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumComputation;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.second.ProductOracle;

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

    /** The spectrum a task needs: the claim's model at the task's (d, seed). */
    public static SpectrumSpec spec(Claim claim, Task task) {
        int d = task.d();
        int v = (int) Math.round(claim.v().value(Map.of("d", (double) d)));
        SpectrumSpec spec = new SpectrumSpec(claim.alpha(), claim.activation(), d, v, task.seed(), null,
                claim.wVariance(), claim.centred(), claim.precision());
        return claim.cutoff() == null ? spec : spec.withCutoff(claim.cutoffAt(d));
    }

    /** As {@link #run(Claim, Task)}, with the spectra from {@code spectra} (e.g. shared between claims of one model). */
    public static Run run(Claim claim, Task task, Function<SpectrumSpec, Spectrum> spectra) {
        long s0 = System.nanoTime();
        int d = task.d();
        Map<String, Double> names = names(claim, d);
        double from = claim.from().value(names);
        double to = claim.to().value(names);
        int jFrom = (int) Math.max(1, Math.ceil(from));
        int jTo = (int) Math.min(d, Math.floor(to));
        SpectrumSpec spec = spec(claim, task);
        int v = spec.v();
        // the rate on the range and on to d, where the head's end j* is sought (past the range, where the rate is not
        // defined, j* stops at the range's end)
        double[] rate;
        if (claim.oracle()) {
            rate = oracle(spec, jFrom, d);
        } else {
            try {
                rate = claim.rate().values("j", jFrom, Math.max(jTo, d), names);
            } catch (org.powerspec.InvalidInputException undefinedPastTheRange) {
                rate = claim.rate().values("j", jFrom, jTo, names);
            }
        }
        Spectrum sp = spectra.apply(spec);
        return run(claim, sp, d, task.seed(), v, from, to, jFrom, jTo, rate, s0);
    }

    /**
     * The verdict on a claim from its runs (one per task of {@link #tasks}, in any order): the drift of the ratio's
     * extremes with d, the fitted effective rate, and HOLDS, FAILS or INCONCLUSIVE with the witness or reason.
     */
    public static ClaimResult assess(Claim claim, List<Run> runs, double seconds) {
        if (claim.limit()) {
            LimitCheck.Study study;
            try {
                study = LimitCheck.study(claim);
            } catch (org.powerspec.InvalidInputException e) {
                throw e.in(claim.file());
            }
            String[] v = LimitCheck.verdict(claim, study);
            return new ClaimResult(claim, List.of(), List.of(), null, Verdict.valueOf(v[0]), v[1], seconds + study.seconds(),
                    List.of(), null, study, null);
        }
        List<Run> sorted = runs.stream().sorted(Comparator.comparingInt(Run::d).thenComparingLong(Run::seed)).toList();
        List<Drift> drifts = drifts(claim, sorted);
        String[] verdict = verdict(claim, sorted, drifts);
        Verdict plain = Verdict.valueOf(verdict[0]);
        ChainCheck.Outcome chain = null;
        Verdict outcome = plain;
        String reason = verdict[1];
        if (claim.chain() != null) {
            long t = System.nanoTime();
            try {
                chain = ChainCheck.check(claim, sorted, plain, verdict[1]);
            } catch (org.powerspec.InvalidInputException e) {
                throw e.in(claim.file());
            }
            seconds += (System.nanoTime() - t) / 1e9;
            outcome = chain.verdict();
            reason = "chained through the oracle: " + chain.reason() + "; plain verdict at the computed sizes: " + plain
                    + " — " + verdict[1];
        }
        return new ClaimResult(claim, sorted, drifts, fit(sorted), outcome, reason, seconds,
                ParameterScan.scan(claim, sorted), headEnd(claim, sorted), null, chain);
    }

    /**
     * c1's estimate: j* of every (d, seed) with j* ≥ 1 against x = d·ln^(−(p+1)) d — the slope through the origin with
     * its 95 % interval, and the log–log slope of j* on x (1 if j* scales as the theorem's head range); null with fewer
     * than three points or one size.
     */
    static ClaimResult.HeadEnd headEnd(Claim claim, List<Run> runs) {
        List<double[]> pts = new ArrayList<>();
        boolean whole = true;
        for (Run r : runs) {
            if (r.jStar() >= 1) {
                double x = r.d() / Math.pow(Math.log(r.d()), claim.p() + 1);
                pts.add(new double[] {x, r.jStar()});
                whole &= r.jStar() >= r.d();
            }
        }
        if (pts.size() < 3 || pts.stream().map(q -> q[0]).distinct().count() < 2) {
            return null;
        }
        double sxy = 0;
        double sxx = 0;
        for (double[] q : pts) {
            sxy += q[0] * q[1];
            sxx += q[0] * q[0];
        }
        double c1 = sxy / sxx;
        double rss = 0;
        for (double[] q : pts) {
            rss += (q[1] - c1 * q[0]) * (q[1] - c1 * q[0]);
        }
        int n = pts.size();
        double se = Math.sqrt(rss / (n - 1) / sxx);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        List<double[]> logs = pts.stream().map(q -> new double[] {Math.log10(q[0]), Math.log10(q[1])}).toList();
        SlopeInterval s = SlopeInterval.of(logs);
        String finding;
        if (whole) {
            finding = "the constants hold over the whole spectrum (j* = d at every run): the head's end is not seen";
        } else if (s.lo() <= 1 && 1 <= s.hi()) {
            finding = String.format(Locale.ROOT, "j* scales as d/log^(p+1) d (log-log slope %.2f [%.2f, %.2f] contains 1): "
                    + "c1 ~ %.3g [%.3g, %.3g]", s.slope(), s.lo(), s.hi(), c1, c1 - t * se, c1 + t * se);
        } else {
            finding = String.format(Locale.ROOT, "j* does not scale as d/log^(p+1) d: log-log slope %.2f [%.2f, %.2f] "
                    + "excludes 1 (the fitted c1 = %.3g describes these sizes only)", s.slope(), s.lo(), s.hi(), c1);
        }
        return new ClaimResult.HeadEnd(n, c1, c1 - t * se, c1 + t * se, s.slope(), s.lo(), s.hi(), finding);
    }

    /** The verdict alone, for the parameter scan. */
    static Verdict verdictOf(Claim claim, List<Run> runs) {
        return Verdict.valueOf(verdict(claim, runs, drifts(claim, runs))[0]);
    }

    /** The drift of min r for a lower constant and of max r for an upper one. */
    private static List<Drift> drifts(Claim claim, List<Run> runs) {
        List<Drift> drifts = new ArrayList<>();
        if (claim.lower() != null) {
            drifts.add(drift(runs, "min r", "lower", claim.driftTolerance(), claim.lower()));
        }
        if (claim.upper() != null) {
            drifts.add(drift(runs, "max r", "upper", claim.driftTolerance(), claim.upper()));
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
        // j past d, capped so that the range's size still fits an int (a range to 10^300 is undecided all the same)
        int beyond = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1 - (long) m, Math.floor(to) - Math.max(d, jFrom - 1)));
        Run r = judge(claim, d, seed, v, from, to, jFrom, jTo, lambda, bound, Arrays.copyOf(rate, m),
                (System.nanoTime() - startNanos) / 1e9);
        r = r.with(beyond, headEnd(claim, sp, jFrom, rate));
        if (claim.chain() != null) {
            double[] all = new double[d];
            double[] allBounds = new double[d];
            for (int j = 1; j <= d; j++) {
                all[j - 1] = sp.eigenvalue(j);
                allBounds[j - 1] = sp.bound(j);
            }
            r = r.withSpectrum(all, allBounds);
        }
        return r;
    }

    /** Whether λ is measured: its magnitude above its error bound b (the rule of {@link Spectrum#reliable}). */
    static boolean measured(double lambda, double b) {
        return Math.abs(lambda) > b;
    }

    /**
     * The low end of the interval that surely holds λ/rate: (λ − b)/rate for a measured λ, 0 under the floor (K is
     * positive semi-definite).
     */
    static double lowEnd(double lambda, double b, double rate) {
        return measured(lambda, b) ? Math.max(0, lambda - b) / rate : 0;
    }

    /** The high end of the interval that surely holds λ/rate: (|λ| + b)/rate. */
    static double highEnd(double lambda, double b, double rate) {
        return (Math.abs(lambda) + b) / rate;
    }

    /**
     * j*: the largest j ≥ jFrom up to which every r_j is certified inside the constants (the same intervals as
     * {@link #judge}), past the range's end as far as {@code rate} (indexed j − jFrom) reaches.
     */
    static int headEnd(Claim claim, Spectrum sp, int jFrom, double[] rate) {
        int star = jFrom - 1;
        for (int i = 0; i < rate.length && jFrom + i <= sp.spec().d(); i++) {
            int j = jFrom + i;
            double rj = rate[i];
            if (!(rj > 0) || !Double.isFinite(rj)) {
                break;
            }
            double l = sp.eigenvalue(j);
            double b = sp.bound(j);
            double lo = lowEnd(l, b, rj);
            double hi = highEnd(l, b, rj);
            if ((claim.lower() != null && lo < claim.lower()) || (claim.upper() != null && hi > claim.upper())) {
                break;
            }
            star = j;
        }
        return star;
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
        int[] js = new int[m];
        double[] rs = new double[m];
        double[] values = new double[m];
        boolean[] bounded = new boolean[m];
        int n = 0;
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
            boolean measured = measured(l, b);
            double hi = highEnd(l, b, rj);
            double lo = lowEnd(l, b, rj);
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
            js[n] = j;
            rs[n] = r;
            values[n] = measured ? l : hi;
            bounded[n] = !measured;
            n++;
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
        return new Run(d, seed, v, from, to, jFrom, jTo, used, underFloor, straddling, noRate, 0, min, minJ, max, maxJ,
                violations, Arrays.copyOf(js, n), Arrays.copyOf(rs, n), Arrays.copyOf(values, n), Arrays.copyOf(bounded, n),
                lambda, bound, jFrom - 1, null, null, seconds);
    }

    /**
     * The same run judged against another claim on the same model and range (another value of a parameter), with
     * that claim's rate at j = jFrom..jTo of the run ({@code rate[j − jFrom]}), which runs of one d share.
     */
    static Run rerate(Claim other, Run r, double[] rate) {
        Run again = judge(other, r.d(), r.seed(), r.v(), r.rangeFrom(), r.rangeTo(), r.jFrom(), r.jTo(),
                r.rangeEigenvalues(), r.rangeBounds(), rate, r.seconds());
        return again.with(r.beyondD(), r.jStar());
    }

    /** As {@link #rerate(Claim, Run, double[])}, evaluating the other claim's rate on the run's range. */
    static Run rerate(Claim other, Run r) {
        return rerate(other, r, other.rate().values("j", r.jFrom(), r.jTo(), names(other, r.d())));
    }

    /** Drift is judged on the largest this many usable sizes of the sweep: the asymptotic trend, not the smallest d. */
    public static final int DRIFT_SIZES = 3;

    static Drift drift(List<Run> runs, String of, String constant, double tol) {
        return drift(runs, of, constant, tol, Double.NaN);
    }

    static Drift drift(List<Run> runs, String of, String constant, double tol, double bound) {
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
            status = hi < -tol ? "present" : lo > -tol ? (hi < 0 ? "toward" : "absent") : "undecided";
        } else {
            status = lo > tol ? "present" : hi < tol ? (lo > 0 ? "toward" : "absent") : "undecided";
        }
        return new Drift(of, constant, b, lo, hi, n, status, convergence(runs, of, constant, b, lo, hi, bound));
    }

    /**
     * The convergence evidence of a drift over every size with a measured extreme: slopes between successive sizes of
     * the seeds' mean log₁₀ extreme, and where the pooled slope (and its interval's ends) would carry the extreme at
     * the largest size to the constant {@code bound}.
     */
    private static ClaimResult.Convergence convergence(List<Run> runs, String of, String constant, double b, double lo,
                                                       double hi, double bound) {
        boolean max = !of.equals("min r");
        java.util.TreeMap<Integer, double[]> byD = new java.util.TreeMap<>();
        for (Run r : runs) {
            double y = r.measured() >= MIN_POINTS ? r.measuredExtreme(max) : Double.NaN;
            if (y > 0) {
                double[] acc = byD.computeIfAbsent(r.d(), k -> new double[2]);
                acc[0] += Math.log10(y);
                acc[1]++;
            }
        }
        if (byD.size() < 3) {
            return null;
        }
        List<Integer> sizes = new ArrayList<>(byD.keySet());
        List<Double> slopes = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            double[] a = byD.get(sizes.get(i - 1));
            double[] c = byD.get(sizes.get(i));
            slopes.add((c[0] / c[1] - a[0] / a[1]) / (Math.log10(sizes.get(i)) - Math.log10(sizes.get(i - 1))));
        }
        boolean decelerating = Math.abs(slopes.get(slopes.size() - 1)) < Math.abs(slopes.get(0));
        int dMax = sizes.get(sizes.size() - 1);
        double[] last = byD.get(dMax);
        double gap = Double.isNaN(bound) ? Double.NaN : Math.log10(bound) - last[0] / last[1];
        boolean lowerSide = constant.equals("lower");
        return new ClaimResult.Convergence(sizes, slopes, decelerating, crossing(dMax, gap, b, lowerSide),
                crossing(dMax, gap, lowerSide ? lo : hi, lowerSide), crossing(dMax, gap, lowerSide ? hi : lo, lowerSide));
    }

    /** d·10^(gap/slope) when the slope carries the extreme toward its constant, +∞ otherwise. */
    private static double crossing(int d, double gap, double slope, boolean lowerSide) {
        if (Double.isNaN(gap) || Double.isNaN(slope) || (lowerSide ? slope >= 0 : slope <= 0)) {
            return Double.isNaN(gap) ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return d * Math.pow(10, gap / slope);
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

    /** The convergence evidence in words: pairwise slopes, deceleration and the projected crossing. */
    public static String convergenceText(Drift dr) {
        ClaimResult.Convergence c = dr.convergence();
        if (c == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("; slopes between successive d ");
        for (int i = 0; i < c.pairSlopes().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", c.pairSlopes().get(i)));
        }
        s.append(c.decelerating() ? " (decelerating: evidence of convergence, not proof)" : " (not decelerating)");
        if (Double.isFinite(c.crossing())) {
            s.append(String.format(Locale.ROOT, "; continuing the pooled slope, %s would reach the %s constant at d ~ %.3g",
                    dr.of(), dr.constant(), c.crossing()));
            if (!Double.isNaN(c.crossingLo()) && !Double.isNaN(c.crossingHi())) {
                s.append(String.format(Locale.ROOT, " (%.3g to %s over the slope's interval)", c.crossingLo(),
                        Double.isInfinite(c.crossingHi()) ? "never" : String.format(Locale.ROOT, "%.3g", c.crossingHi())));
            }
        }
        return s.toString();
    }

    /** "n of m j used over R runs": how much of the claim's ranges decided, over every (d, seed). */
    public static String tally(List<Run> runs) {
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
            hint = "; precision: high would measure them (double-double: error floor about (9d + F)·2^-104·lambda_max "
                    + "instead of (d + F)·2^-53·lambda_max, F = p·v + 2p + terms, at about 5-15 times the time of "
                    + "double: ~3.5 s against 0.7 s at d = 1024, ~85 s against 6 s at d = 4096)";
        } else {
            hint = "; they lie under even double-double's error floor ((9d + F)·2^-104·lambda_max), so no precision "
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
                                + "[%.3f, %.3f] against the tolerance %.2g (more d or seeds would decide it)%s",
                        dr.of(), dr.slope(), dr.lo(), dr.hi(), claim.driftTolerance(), convergenceText(dr)) + tally};
            }
        }
        for (Drift dr : drifts) {
            if (dr.status().equals("toward")) {
                return new String[] {"INCONCLUSIVE", String.format(Locale.ROOT,
                        "every ratio is inside the constants, but %s drifts toward the %s constant: slope %.3f, 95%% "
                                + "interval [%.3f, %.3f], within the tolerance %.2g yet not zero, so the constant may be "
                                + "crossed at larger d%s", dr.of(), dr.constant(), dr.slope(), dr.lo(), dr.hi(),
                        claim.driftTolerance(), convergenceText(dr)) + tally};
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
