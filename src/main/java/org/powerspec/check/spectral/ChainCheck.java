package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.numeric.second.ProductOracle;

/**
 * The chained verdict of a finite-d claim through the d → ∞ product oracle (claim key {@code chain: oracle}).
 *
 * <p>With μ_j the oracle's j-th eigenvalue at v → ∞,
 * <pre>
 *   λ_j(K_d)/rate(j) = (λ_j(K_d)/μ_j) · (μ_j/rate(j)).
 * </pre>
 * <b>Finite-d link.</b> At the sizes computed, every j of the claim's range is measured and the link ratio
 * λ_j/μ_j lies in [a_lo, a_hi] (its extremes over all (d, seed), each with its error interval), and neither extreme
 * drifts with d toward the side that would loosen it: the drift of min λ/μ is {@code absent} on the lower side and
 * that of max λ/μ on the upper side (the same slope rule as a claim's drift, including "toward").
 * <b>Limit link.</b> μ_j/rate(j) lies in [lower/a_lo, upper/a_hi] for every j of the claim's range at every d up to
 * D — exactly, since the oracle has no randomness — computed to j ≤ {@code j_max} (default 10^7).
 * <b>Conclusion.</b> Then lower ≤ λ_j/rate(j) ≤ upper on the claim's range for every d up to D, <i>under the
 * assumption that the finite-d link stays in [a_lo, a_hi] for d up to D</i> — the one step no computation takes, which
 * the verdict states. If the limit link leaves even [lower/a_hi, upper/a_lo], the same assumption predicts a
 * violation: the chain FAILS, naming j and the d at which j enters the range. If either link is undecided the chain
 * is INCONCLUSIVE, naming the link. The plain verdict at the computed sizes is always reported beside it.
 *
 * <p>Sound only for a rate in j alone (a rate in d would need the limit link at every d separately), and without a
 * cut-off in d; the claim file refuses both.
 */
public final class ChainCheck {
    private ChainCheck() {
    }

    /**
     * A chained verdict with both links' figures.
     *
     * @param to        D, the size it argues for
     * @param jFrom     the limit link's first j
     * @param jTo       its last j (the range's end at D)
     * @param linkLo    a_lo, the finite-d link's smallest λ_j/μ_j (lower end of its error interval)
     * @param linkHi    a_hi, its largest
     * @param linkDrifts the drifts of the link's extremes with d
     * @param limit     the limit link's study against [lower/a_lo, upper/a_hi], or null when not reached
     * @param verdict   HOLDS, FAILS or INCONCLUSIVE
     * @param evidence  the statement, witness or reason, with both links' figures
     */
    public record Outcome(double to, long jFrom, long jTo, double linkLo, double linkHi, List<Drift> linkDrifts,
                          LimitCheck.Study limit, Verdict verdict, String evidence) {
        public Outcome {
            linkDrifts = List.copyOf(linkDrifts);
        }
    }

    /** The oracle at v → ∞ of a claim's model. */
    static ProductOracle.Spec oracle(Claim claim) {
        return ProductOracle.Spec.limit(claim.alpha(), claim.activation(), 0, claim.wVariance(), claim.centred());
    }

    /** The chained verdict for a claim with {@code chain}, from its runs and its plain verdict. */
    static Outcome check(Claim claim, List<Run> runs, Verdict plain, String plainReason) {
        ProductOracle.Spec oracle = oracle(claim);
        int dMax = runs.stream().mapToInt(Run::d).max().orElse(0);
        double target = target(claim, dMax);
        Map<String, Double> at = ClaimChecker.names(claim, 0);
        at.put("d", target);
        // the union of the ranges over dMin ≤ d ≤ D: the chain speaks of every d up to D, also between the computed
        // sizes; sampled at 401 log-spaced d, and trusted only when both ends are monotone in d there
        int dMin = runs.stream().mapToInt(Run::d).min().orElse(2);
        long jFrom = Long.MAX_VALUE;
        long jTo = 0;
        boolean toUp = true;
        boolean fromUp = true;
        boolean fromDown = true;
        double prevTo = Double.NEGATIVE_INFINITY;
        double prevFrom = Double.NaN;
        for (int i = 0; i <= 400; i++) {
            double d = Math.exp(Math.log(Math.max(2, dMin)) + i / 400.0 * (Math.log(target) - Math.log(Math.max(2, dMin))));
            Map<String, Double> n = ClaimChecker.names(claim, 0);
            n.put("d", d);
            double f = claim.from().value(n);
            double t = Math.min(d, claim.to().value(n));
            toUp &= t >= prevTo;
            if (!Double.isNaN(prevFrom)) {
                fromUp &= f >= prevFrom;
                fromDown &= f <= prevFrom;
            }
            prevTo = t;
            prevFrom = f;
            jFrom = Math.min(jFrom, (long) Math.max(1, Math.ceil(f)));
            jTo = Math.max(jTo, (long) Math.floor(t));
        }
        if (!toUp || !(fromUp || fromDown)) {
            return new Outcome(target, jFrom, jTo, Double.NaN, Double.NaN, List.of(), null, Verdict.INCONCLUSIVE,
                    String.format(Locale.ROOT, "the range's %s is not monotone in d between d = %d and %.3g, so the limit "
                            + "link cannot know which j the sizes in between ask for", toUp ? "start" : "end", dMin, target));
        }
        long undecidedPlain = runs.stream().mapToLong(Run::undecided).sum();
        if (undecidedPlain > 0 && plain != Verdict.FAILS) {
            return new Outcome(target, jFrom, jTo, Double.NaN, Double.NaN, List.of(), null, Verdict.INCONCLUSIVE,
                    "at the computed sizes themselves " + undecidedPlain + " j of the claim's ranges are undecided (under "
                            + "the error floor, within their error of a constant, without a rate or beyond d), and a chain "
                            + "that speaks of every d up to D cannot pass over them");
        }
        String reach = String.format(Locale.ROOT, "to d = %.3g through the oracle", target);
        if (plain == Verdict.FAILS) {
            return new Outcome(target, jFrom, jTo, Double.NaN, Double.NaN, List.of(), null, Verdict.FAILS,
                    "the plain verdict at the computed sizes already FAILS, so no chain is needed: " + plainReason);
        }
        if (jTo > claim.chain().jMax()) {
            return new Outcome(target, jFrom, jTo, Double.NaN, Double.NaN, List.of(), null, Verdict.INCONCLUSIVE,
                    String.format(Locale.ROOT, "the range at d = %.3g ends at j = %d, past the limit link's j_max = %d",
                            target, jTo, claim.chain().jMax()));
        }
        // finite-d link: λ_j/μ_j with the error interval of every j of every run, on the link's range
        int[][] linkRange = new int[runs.size()][];
        int muCount = 0;
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            Map<String, Double> n = ClaimChecker.names(claim, r.d());
            int a = claim.chain().linkFrom() == null ? r.jFrom()
                    : (int) Math.max(1, Math.ceil(claim.chain().linkFrom().value(n)));
            int b = claim.chain().linkTo() == null ? r.jTo()
                    : (int) Math.min(r.d(), Math.floor(claim.chain().linkTo().value(n)));
            linkRange[k] = new int[] {a, b};
            muCount = Math.max(muCount, b);
            if (r.jTo() >= r.jFrom() && (a > r.jFrom() || b < r.jTo())) {
                return new Outcome(target, jFrom, jTo, Double.NaN, Double.NaN, List.of(), null, Verdict.INCONCLUSIVE,
                        String.format(Locale.ROOT, "the finite-d link's range j = %d..%d does not cover the claim's range "
                                + "j = %d..%d at d = %d: its bounds would say nothing of the j it leaves out", a, b,
                                r.jFrom(), r.jTo(), r.d()));
            }
        }
        double[] mu = new double[muCount + 1];
        if (muCount > 0) {
            ProductOracle.stream(oracle, muCount, (j, m, level, set) -> {
                mu[(int) j] = m;
                return true;
            });
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        long undecided = 0;
        long all = 0;
        List<Run> linkRuns = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            int a = linkRange[k][0];
            int m = Math.max(0, linkRange[k][1] - a + 1);
            double[] rate = new double[m];
            double[] lambda = new double[m];
            double[] bound = new double[m];
            for (int i = 0; i < m; i++) {
                int j = a + i;
                rate[i] = j < mu.length && mu[j] > 0 ? mu[j] : Double.NaN;
                lambda[i] = r.spectrum()[j - 1];
                bound[i] = r.spectrumBounds()[j - 1];
                all++;
                if (!RunJudgement.measured(lambda[i], bound[i]) || Double.isNaN(rate[i])) {
                    undecided++;
                    continue;
                }
                lo = Math.min(lo, RunJudgement.lowEnd(lambda[i], bound[i], rate[i]));
                hi = Math.max(hi, RunJudgement.highEnd(lambda[i], bound[i], rate[i]));
            }
            // the link as a two-sided claim on the same eigenvalues: its measured extremes drive the drift
            linkRuns.add(RunJudgement.judge(linkClaim(claim), r.d(), r.seed(), r.v(), a, a + m - 1, a, a + m - 1,
                    lambda, bound, rate, 0));
        }
        double tol = claim.driftTolerance();
        List<Drift> drifts = new ArrayList<>();
        if (claim.lower() != null) {
            drifts.add(DriftTest.drift(linkRuns, "min r", Side.LOWER, tol, Double.NaN));
        }
        if (claim.upper() != null) {
            drifts.add(DriftTest.drift(linkRuns, "max r", Side.UPPER, tol, Double.NaN));
        }
        String linkFigures = String.format(Locale.ROOT, "finite-d link: lambda_j/mu_j in [%.4g, %.4g] on j = %s..%s at "
                + "d <= %d over %d runs", lo, hi, claim.chain().linkFrom() == null ? claim.from().source()
                : claim.chain().linkFrom().source(), claim.chain().linkTo() == null ? claim.to().source()
                : claim.chain().linkTo().source(), dMax, runs.size());
        for (Drift dr : drifts) {
            linkFigures += String.format(Locale.ROOT, ", %s/mu slope %.3f [%.3f, %.3f] %s", dr.of().replace(" r", " lambda"),
                    dr.slope(), dr.lo(), dr.hi(), dr.status());
        }
        if (undecided > 0 || all == 0) {
            return new Outcome(target, jFrom, jTo, lo, hi, drifts, null, Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "the finite-d link is undecided: %d of %d j of the runs' ranges are under the error floor or past "
                            + "the oracle (%s)", undecided, all, linkFigures));
        }
        Double needLower = claim.lower() == null ? null : claim.lower() / lo;
        Double needUpper = claim.upper() == null ? null : claim.upper() / hi;
        LimitCheck.Study limit = LimitCheck.study(claim, oracle, jFrom, jTo, needLower, needUpper, at);
        String limitFigures = String.format(Locale.ROOT, "limit link: mu_j/rate(j) in [%.4g, %.4g] for j = %d..%d, "
                        + "needed within [%s, %s]; %s", limit.minRatio(), limit.maxRatio(), jFrom, jTo,
                needLower == null ? "-" : String.format(Locale.ROOT, "%.4g", needLower),
                needUpper == null ? "-" : String.format(Locale.ROOT, "%.4g", needUpper), LimitCheck.tally(limit));
        for (Drift dr : drifts) {
            if (dr.status() != DriftStatus.ABSENT) {
                String decides = dr.status() == DriftStatus.UNDECIDED || dr.status() == DriftStatus.NOT_ASSESSED
                        ? "more sizes d or seeds would decide it" : "the assumption that it stays bounded is in doubt";
                return new Outcome(target, jFrom, jTo, lo, hi, drifts, limit, Verdict.INCONCLUSIVE, String.format(
                        Locale.ROOT, "the finite-d link's %s drifts with d (%s: %s), so its bound at the computed sizes "
                                + "need not hold up to d = %.3g (%s; %s)", dr.of().replace(" r", " lambda/mu"), dr.status(),
                        decides, target, linkFigures, limitFigures));
            }
        }
        if (limit.worst() != null) {
            LimitCheck.Breach w = limit.worst();
            double limitRatio = w.ratio();
            boolean predicted = w.constant() == Side.LOWER ? hi * limitRatio < claim.lower()
                    : lo * limitRatio > claim.upper();
            if (predicted) {
                return new Outcome(target, jFrom, jTo, lo, hi, drifts, limit, Verdict.FAILS, String.format(Locale.ROOT,
                        "FAILS by d = %.3g through the oracle, under the assumption that the finite-d link stays in "
                                + "[%.4g, %.4g]: at j = %d, mu_j/rate(j) = %.5g, so lambda_j/rate(j) would be %s %.4g, "
                                + "beyond the %s constant (%s; %s)", target, lo, hi, w.j(), limitRatio,
                        w.constant() == Side.LOWER ? "at most" : "at least",
                        w.constant() == Side.LOWER ? hi * limitRatio : lo * limitRatio, w.constant(), linkFigures,
                        limitFigures));
            }
            return new Outcome(target, jFrom, jTo, lo, hi, drifts, limit, Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "the limit link breaks at j = %d: mu_j/rate(j) = %.5g is outside what the finite-d link's bounds "
                            + "need, though not far enough to predict a violation (%s; %s)", w.j(), limitRatio,
                    linkFigures, limitFigures));
        }
        if (limit.undecided() > 0) {
            return new Outcome(target, jFrom, jTo, lo, hi, drifts, limit, Verdict.INCONCLUSIVE,
                    "the limit link is undecided (" + linkFigures + "; " + limitFigures + ")");
        }
        return new Outcome(target, jFrom, jTo, lo, hi, drifts, limit, Verdict.HOLDS, String.format(Locale.ROOT,
                "HOLDS %s, under the assumption that lambda_j/mu_j stays in [%.4g, %.4g] for d up to %.3g (%s; %s)",
                reach, lo, hi, target, linkFigures, limitFigures));
    }

    /**
     * The link λ_j/μ_j judged as a claim with the same model, range and tolerance and no constants: every j with a
     * value enters, and only its measured extremes drive the drift (which j are undecided is counted above).
     */
    private static Claim linkClaim(Claim claim) {
        return new Claim(claim.file(), claim.name() + " (finite-d link)", claim.statement(), claim.alpha(),
                claim.activation(), claim.v(), claim.wVariance(), claim.centred(), Claim.oracleRate(), claim.from(),
                claim.to(), claim.constants(), List.of(), null, null, claim.ds(), claim.seeds(), claim.precision(),
                claim.driftTolerance(), claim.cutoff(), false, null);
    }

    /**
     * D: the chain's stated size, or the largest d (up to 10^18) whose range ends by the limit link's j_max, found by
     * bisection in log d (the range's end grows with d).
     */
    static double target(Claim claim, int dMax) {
        if (!Double.isNaN(claim.chain().to())) {
            return claim.chain().to();
        }
        double lo = Math.log(Math.max(2, dMax));
        double hi = Math.log(1e18);
        if (end(claim, Math.exp(lo)) > claim.chain().jMax()) {
            return Math.max(2, dMax);
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (end(claim, Math.exp(mid)) <= claim.chain().jMax()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        // a round figure below the bound: two significant digits
        double d = Math.exp(lo);
        double scale = Math.pow(10, Math.floor(Math.log10(d)) - 1);
        return Math.floor(d / scale) * scale;
    }

    private static double end(Claim claim, double d) {
        Map<String, Double> n = ClaimChecker.names(claim, 0);
        n.put("d", d);
        return Math.floor(claim.to().value(n));
    }
}
