package org.powerspec.check;

import java.util.List;

/**
 * Everything a claim's check found: one row per (d, seed), the drift of the ratio's extremes with d, the fitted
 * effective rate, and one verdict with its witness or reason.
 *
 * @param claim   the claim
 * @param runs    one per (d, seed)
 * @param drifts  the drift of min r (for a lower constant) and of max r (for an upper one)
 * @param fit     the fitted (α̂, β̂) at the largest usable d, or null when too few points
 * @param verdict HOLDS, FAILS or INCONCLUSIVE
 * @param reason  the witness (FAILS) or the reason (INCONCLUSIVE) or the summary (HOLDS)
 * @param seconds wall-clock seconds of the whole check
 * @param scans   for each of the claim's {@code parameters}, the values the same spectra allow
 */
public record ClaimResult(Claim claim, List<Run> runs, List<Drift> drifts, Fit fit, Verdict verdict, String reason,
                          double seconds, List<ParameterRange> scans) {

    public ClaimResult {
        runs = List.copyOf(runs);
        drifts = List.copyOf(drifts);
        scans = List.copyOf(scans);
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
     * rate.
     */
    public record Run(int d, long seed, int v, double rangeFrom, double rangeTo, int jFrom, int jTo, int used,
                      int underFloor, int straddling, int noRate, int beyondD,
                      double minRatio, int minJ, double maxRatio, int maxJ, List<Violation> violations,
                      int[] js, double[] ratios, double[] eigenvalues, boolean[] bounded,
                      double[] rangeEigenvalues, double[] rangeBounds, double seconds) {
        public Run {
            violations = List.copyOf(violations);
            bounded = bounded == null ? new boolean[js.length] : bounded;
            rangeEigenvalues = rangeEigenvalues == null ? new double[0] : rangeEigenvalues;
            rangeBounds = rangeBounds == null ? new double[0] : rangeBounds;
        }

        /** m: how many j the range holds: jFrom..jTo within 1..d, and {@code beyondD} past d. */
        public int rangeSize() {
            return Math.max(0, jTo - jFrom + 1) + beyondD;
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
    public record Violation(int d, long seed, int j, double ratio, String constant, double bound) {
        /** How far outside, as a factor ≥ 1. */
        public double factor() {
            return constant.equals("lower") ? bound / ratio : ratio / bound;
        }
    }

    /**
     * The log–log slope of an extreme of r_j against d with its 95 % confidence interval, and what it means for the
     * constant it threatens: {@code absent}, {@code present} or {@code undecided}.
     */
    public record Drift(String of, String constant, double slope, double lo, double hi, int points, String status) {
    }

    /** λ_j ≈ C·(log^β(j+1)/j)^α fitted at one d over the range: (α̂, β̂) with 95 % intervals. */
    public record Fit(int d, int points, double alpha, double alphaLo, double alphaHi, double beta, double betaLo,
                      double betaHi) {
    }
}
