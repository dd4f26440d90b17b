package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.powerspec.Progress;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Run;
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
 * at the largest {@value #DriftTest.DRIFT_SIZES} such sizes (the trend that matters is the one at large d; finite-size
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
            rate = RunJudgement.oracle(spec, jFrom, d);
        } else {
            try {
                rate = claim.rate().values("j", jFrom, Math.max(jTo, d), names);
            } catch (org.powerspec.InvalidInputException undefinedPastTheRange) {
                rate = claim.rate().values("j", jFrom, jTo, names);
            }
        }
        Spectrum sp = spectra.apply(spec);
        return RunJudgement.judgeSpectrum(claim, sp, d, task.seed(), v, from, to, jFrom, jTo, rate, s0);
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
            Judgement v = LimitCheck.verdict(claim, study);
            return new ClaimResult(claim, List.of(), List.of(), null, v.verdict(), v.evidence(), seconds + study.seconds(),
                    List.of(), null, study, null);
        }
        List<Run> sorted = runs.stream().sorted(Comparator.comparingInt(Run::d).thenComparingLong(Run::seed)).toList();
        List<Drift> drifts = drifts(claim, sorted);
        Judgement verdict = VerdictRule.verdict(claim, sorted, drifts);
        Verdict plain = verdict.verdict();
        ChainCheck.Outcome chain = null;
        Verdict outcome = plain;
        String reason = verdict.evidence();
        if (claim.chain() != null) {
            long t = System.nanoTime();
            try {
                chain = ChainCheck.check(claim, sorted, plain, verdict.evidence());
            } catch (org.powerspec.InvalidInputException e) {
                throw e.in(claim.file());
            }
            seconds += (System.nanoTime() - t) / 1e9;
            outcome = chain.verdict();
            reason = "chained through the oracle: " + chain.evidence() + "; plain verdict at the computed sizes: " + plain
                    + " — " + verdict.evidence();
        }
        return new ClaimResult(claim, sorted, drifts, RateFit.fit(sorted), outcome, reason, seconds,
                ParameterScan.scan(claim, sorted), HeadEndEstimate.of(claim, sorted), null, chain);
    }

    /** The verdict alone, for the parameter scan. */
    static Verdict verdictOf(Claim claim, List<Run> runs) {
        return VerdictRule.verdict(claim, runs, drifts(claim, runs)).verdict();
    }

    /** The drift of min r for a lower constant and of max r for an upper one. */
    private static List<Drift> drifts(Claim claim, List<Run> runs) {
        List<Drift> drifts = new ArrayList<>();
        if (claim.lower() != null) {
            drifts.add(DriftTest.drift(runs, "min r", Side.LOWER, claim.driftTolerance(), claim.lower()));
        }
        if (claim.upper() != null) {
            drifts.add(DriftTest.drift(runs, "max r", Side.UPPER, claim.driftTolerance(), claim.upper()));
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

}
