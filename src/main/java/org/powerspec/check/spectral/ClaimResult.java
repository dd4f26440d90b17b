package org.powerspec.check.spectral;

import java.util.List;
import java.util.Locale;
import org.powerspec.check.core.Verdict;

/**
 * Everything a claim's check found: one row per (d, seed), the drift of the ratio's extremes with d, the fitted
 * effective rate, and one verdict with its witness or reason.
 *
 * @param claim   the claim
 * @param runs    one per (d, seed)
 * @param drifts  the drift of min r (for a lower constant) and of max r (for an upper one)
 * @param fit     the fitted (α̂, β̂) at the largest usable d, or null when too few points
 * @param verdict HOLDS, FAILS or INCONCLUSIVE
 * @param evidence the witness (FAILS) or the reason (INCONCLUSIVE) or the summary (HOLDS)
 * @param seconds wall-clock seconds of the whole check
 * @param scans   for each of the claim's {@code parameters}, the values the same spectra allow
 * @param headEnd where the constants stop holding (c1's estimate), or null
 * @param limit   a limit claim's study of the oracle, or null
 * @param chain   the chained verdict through the oracle (when the claim asks for it), or null
 */
public record ClaimResult(Claim claim, List<Run> runs, List<Drift> drifts, Fit fit, Verdict verdict, String evidence,
                          double seconds, List<ParameterRange> scans, HeadEnd headEnd, LimitCheck.Study limit,
                          ChainCheck.Outcome chain) {

    public ClaimResult {
        runs = List.copyOf(runs);
        drifts = List.copyOf(drifts);
        scans = List.copyOf(scans);
    }

    /**
     * Where the head ends: j* of every (d, seed) against x = d·ln^(−(p+1)) d, the theorem's head range without c1.
     * {@code c1} is the least-squares slope through the origin of j* on x with its 95 % Student-t interval, and
     * {@code slope} the log–log slope of j* against x (1 when j* scales as the theorem's range) with its interval;
     * {@code finding} says which of these the data support.
     */
    public record HeadEnd(int points, double c1, double c1Lo, double c1Hi, double slope, double slopeLo, double slopeHi,
                          String finding) {
    }

    /**
     * A parameter of the claim's rate scanned over a grid around its stated value, the spectra held fixed: the
     * smallest and largest grid values for which the claim does not FAIL, and for which it HOLDS (NaN: none).
     * {@code contiguous} says whether the values that do not fail form one run of the grid; {@code lo} and
     * {@code hi} are the grid's ends, so a bound equal to an end means "at least this far".
     */
    public record ParameterRange(String name, double stated, double step, double lo, double hi, double notFailsMin,
                                 double notFailsMax, boolean contiguous, double holdsMin, double holdsMax) {
    }

    /**
     * One (d, seed): the j-range and what became of each of its m = jTo − jFrom + 1 indices. An index is <i>used</i>
     * when it decides: its eigenvalue is measured (|λ_j| above its error bound b_j) and the whole interval
     * [λ_j − b_j, λ_j + b_j]/rate(j) lies inside the constants or outside one of them, or its eigenvalue is under
     * the bound and [0, |λ_j| + b_j]/rate(j) still lies inside or outside. It is <i>undecided</i> when it is under the
     * floor and its bound decides nothing ({@code underFloor}), when it is measured but its error interval straddles a
     * constant ({@code straddling}), or when the rate has no positive finite value there ({@code noRate}: the oracle
     * predicts fewer eigenvalues), or when j &gt; d ({@code beyondD}: K has only d eigenvalues, and jTo ≤ d). {@code js}, {@code ratios} and {@code eigenvalues} list every j with a value (the
     * measured ones and the bounds that decide) with r_j and λ_j; where {@code bounded} is true, λ_j was below its
     * error bound and the entry is the certified upper bound |λ_j| + b_j, not a value. {@code rangeEigenvalues} and
     * {@code rangeBounds} hold λ_j and b_j for every j of the range, so the run can be judged again against another
     * rate. {@code jStar} is the largest j (from jFrom on, up to d, past the range's end) up to which every r_j is
     * certified inside the constants: where the head ends at this (d, seed); jFrom − 1 when jFrom itself is not.
     * {@code spectrum} and {@code spectrumBounds} hold λ_1..λ_d and their bounds for a claim with a chain (empty
     * otherwise).
     */
    public record Run(int d, long seed, int v, double rangeFrom, double rangeTo, int jFrom, int jTo, int used,
                      int underFloor, int straddling, int noRate, int beyondD,
                      double minRatio, int minJ, double maxRatio, int maxJ, List<Violation> violations,
                      int[] js, double[] ratios, double[] eigenvalues, boolean[] bounded,
                      double[] rangeEigenvalues, double[] rangeBounds, int jStar, double[] spectrum,
                      double[] spectrumBounds, double seconds) {
        public Run {
            violations = List.copyOf(violations);
            bounded = bounded == null ? new boolean[js.length] : bounded;
            rangeEigenvalues = rangeEigenvalues == null ? new double[0] : rangeEigenvalues;
            rangeBounds = rangeBounds == null ? new double[0] : rangeBounds;
            spectrum = spectrum == null ? new double[0] : spectrum;
            spectrumBounds = spectrumBounds == null ? new double[0] : spectrumBounds;
        }

        /** The same run with another count of j past d and another j*. */
        public Run with(int beyond, int star) {
            return new Run(d, seed, v, rangeFrom, rangeTo, jFrom, jTo, used, underFloor, straddling, noRate, beyond,
                    minRatio, minJ, maxRatio, maxJ, violations, js, ratios, eigenvalues, bounded, rangeEigenvalues,
                    rangeBounds, star, spectrum, spectrumBounds, seconds);
        }

        /** The same run holding the whole spectrum λ_1..λ_d and its bounds (for a chained verdict's finite-d link). */
        public Run withSpectrum(double[] all, double[] allBounds) {
            return new Run(d, seed, v, rangeFrom, rangeTo, jFrom, jTo, used, underFloor, straddling, noRate, beyondD,
                    minRatio, minJ, maxRatio, maxJ, violations, js, ratios, eigenvalues, bounded, rangeEigenvalues,
                    rangeBounds, jStar, all, allBounds, seconds);
        }

        /** m: how many j the range holds: jFrom..jTo within 1..d, and {@code beyondD} past d. */
        public int rangeSize() {
            return (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, jTo - jFrom + 1) + beyondD);
        }

        /** How many j of the range decide nothing. */
        public int undecided() {
            return underFloor + straddling + noRate + beyondD;
        }

        /** How many used j carry a measured value (not a certified bound). */
        public int measured() {
            int n = 0;
            for (boolean b : bounded) {
                n += b ? 0 : 1;
            }
            return n;
        }

        /** The smallest (or, with {@code max}, largest) measured r_j, NaN when none. */
        public double measuredExtreme(boolean max) {
            double e = Double.NaN;
            for (int i = 0; i < ratios.length; i++) {
                if (!bounded[i] && (Double.isNaN(e) || (max ? ratios[i] > e : ratios[i] < e))) {
                    e = ratios[i];
                }
            }
            return e;
        }
    }

    /** r_j outside its constant. */
    public record Violation(int d, long seed, int j, double ratio, Side constant, double bound) {
        /** How far outside, as a factor ≥ 1. */
        public double factor() {
            return constant == Side.LOWER ? bound / ratio : ratio / bound;
        }
    }

    /**
     * The log–log slope of an extreme of r_j against d with its 95 % confidence interval, and what it means for the
     * constant it threatens: {@code present} (the whole interval beyond the tolerance on the threatening side),
     * {@code toward} (the whole interval on the threatening side of 0 but not beyond the tolerance: a real drift toward
     * the constant, which a HOLDS may not ignore), {@code absent} (the interval reaches 0 or the safe side and stays
     * within the tolerance), or {@code undecided}; with the convergence evidence when there are three sizes or more.
     */
    public record Drift(String of, Side constant, double slope, double lo, double hi, int points, DriftStatus status,
                        Convergence convergence) {
        /** A drift without the convergence evidence (too few sizes). */
        public Drift(String of, Side constant, double slope, double lo, double hi, int points, DriftStatus status) {
            this(of, constant, slope, lo, hi, points, status, null);
        }
    }

    /**
     * Evidence on whether a drift converges: the slope over each successive pair of sizes (of the mean log extreme over
     * seeds), whether their magnitudes shrink (a ratio converging like c + a/log d decelerates; so does one decaying
     * like log^(−1/3) d, so this is evidence, not proof), and the size at which, continuing the pooled slope, the
     * extreme would reach its constant ({@code crossing}, with the sizes from the slope interval's ends; +∞ when the
     * drift runs away from the constant).
     */
    public record Convergence(List<Integer> sizes, List<Double> pairSlopes, boolean decelerating, double crossing,
                              double crossingLo, double crossingHi) {
        public Convergence {
            sizes = List.copyOf(sizes);
            pairSlopes = List.copyOf(pairSlopes);
        }
    }

    /** λ_j ≈ C·(log^β(j+1)/j)^α fitted at one d over the range: (α̂, β̂) with 95 % intervals. */
    public record Fit(int d, int points, double alpha, double alphaLo, double alphaHi, double beta, double betaLo,
                      double betaHi) {
    }

    /** A spectral claim's key figures: the range of r over usable runs and the drift slopes with their intervals. */
    public static String figures(ClaimResult r) {
        if (r.limit() != null) {
            LimitCheck.Study st = r.limit();
            return String.format(Locale.ROOT, "%s; mu/rate in [%.3g, %.3g] for j <= %d; last decade slope %.3f",
                    LimitCheck.tally(st), st.minRatio(), st.maxRatio(), st.jTo(), st.lastSlope());
        }
        String plain = plainFigures(r);
        if (r.chain() == null) {
            return plain;
        }
        ChainCheck.Outcome c = r.chain();
        return String.format(Locale.ROOT, "chain to d = %.3g: lambda/mu in [%.3g, %.3g], mu/rate for j <= %d%s; plain: %s",
                c.to(), c.linkLo(), c.linkHi(), c.jTo(), c.limit() == null ? " (not reached)"
                        : String.format(Locale.ROOT, " in [%.3g, %.3g]", c.limit().minRatio(), c.limit().maxRatio()), plain);
    }

    private static String plainFigures(ClaimResult r) {
        List<ClaimResult.Run> usable = r.runs().stream().filter(x -> x.used() >= ClaimChecker.MIN_POINTS).toList();
        if (usable.isEmpty()) {
            return "range too short at every d; " + VerdictRule.tally(r.runs());
        }
        double min = usable.stream().mapToDouble(ClaimResult.Run::minRatio).min().orElseThrow();
        double max = usable.stream().mapToDouble(ClaimResult.Run::maxRatio).max().orElseThrow();
        StringBuilder s = new StringBuilder(VerdictRule.tally(r.runs()) + String.format(Locale.ROOT, "; r in [%.3g, %.3g]",
                min, max));
        for (ClaimResult.Drift d : r.drifts()) {
            if (!Double.isNaN(d.slope())) {
                s.append(String.format(Locale.ROOT, "; %s slope %.2f [%.2f, %.2f]", d.of(), d.slope(), d.lo(), d.hi()));
            }
        }
        return s.toString();
    }
}
