package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.check.core.Verdict;
import org.powerspec.numeric.second.ProductOracle;

/**
 * A claim about the d → ∞ limit, judged on the product oracle alone: r_j = μ_j/rate(j) for j in the claim's range,
 * with μ_j the j-th largest eigenvalue of the infinite-width product oracle at v → ∞ (or the claim's v). No sketch
 * and no randomness: μ_j is computed to about 1e−14 relative (the level coefficients from exact rationals, the
 * products by {@code pow}), so r_j is known to within a relative {@value #RELATIVE_ERROR}, and each j is judged by
 * that interval as a finite-d claim's j is by its error bound: inside the constants, a certified violation, or (across
 * a constant) undecided.
 *
 * <p><b>Drift along j.</b> The eigenvalues are streamed in decreasing order (nothing is held per j) and grouped by
 * decades [10^k, 10^(k+1)); for each decade the extremes of r_j and the least-squares slope of log₁₀ r_j against
 * log₁₀ j. A constant must not drift: the last decade's slope is held against the tolerance τ on the side that
 * threatens a constant (below −τ for a lower constant, above τ for an upper one: the drift is <i>present</i> and the
 * claim FAILS). The decade-by-decade slopes show whether the trend decelerates (as a ratio converging like 1/log j
 * does) — evidence, not proof — and continuing the last slope gives the j at which the ratio would reach the
 * constant.
 *
 * <p>The same computation is the limit link of a chained verdict ({@link ChainCheck}), there against the constants
 * the chain needs.
 */
public final class LimitCheck {
    /**
     * The least relative uncertainty of r_j = μ_j/rate(j) (the rate in double arithmetic); larger where the oracle's
     * own bound ({@link ProductOracle#relativeError}, twice over) is larger, e.g. where a level coefficient's monomials
     * cancel.
     */
    public static final double RELATIVE_ERROR = 1e-12;

    /** The least span of a decade's j, in log₁₀, for its slope to count: half a decade. */
    public static final double MIN_DECADE_SPAN = 0.5;

    /** Fewest j in the last decade for its slope to count. */
    public static final int MIN_DECADE_POINTS = 10;

    private static final int CHUNK = 1 << 16;

    private LimitCheck() {
    }

    /**
     * One decade of j: its extremes of r_j (and where) and the least-squares slope of log₁₀ r against log₁₀ j.
     *
     * @param exponent k of [10^k, 10^(k+1))
     */
    public record Decade(int exponent, long from, long to, long count, double minRatio, long minJ, double maxRatio,
                         long maxJ, double slope) {
    }

    /** A j where r_j leaves a constant by more than its uncertainty. */
    public record Breach(long j, double ratio, Side constant, double bound) {
        /** How far outside, as a factor ≥ 1. */
        public double factor() {
            return constant == Side.LOWER ? bound / ratio : ratio / bound;
        }
    }

    /**
     * What the oracle says over a range of j against constants.
     *
     * @param jFrom      the range's first j
     * @param jTo        its last j
     * @param used       j whose interval decides (inside, or a certified breach)
     * @param straddling j whose interval lies across a constant
     * @param noOracle   j past the oracle's last eigenvalue (a cut-off leaves finitely many)
     * @param breaches   how many j breach a constant
     * @param worst      the worst breach, or null
     * @param minRatio   the smallest r_j, NaN when none
     * @param maxRatio   the largest r_j, NaN when none
     * @param decades    the decades of j, ascending
     * @param seconds    wall-clock seconds
     */
    public record Study(long jFrom, long jTo, long used, long straddling, long noOracle, long breaches, Breach worst,
                        double minRatio, double maxRatio, List<Decade> decades, double relativeError, double seconds) {
        public Study {
            decades = List.copyOf(decades);
        }

        /** m: how many j the range holds. */
        public long rangeSize() {
            return Math.max(0, jTo - jFrom + 1);
        }

        /** How many j decide nothing. */
        public long undecided() {
            return straddling + noOracle;
        }

        /** The slope of the last decade with at least {@value #MIN_DECADE_POINTS} j, NaN when none. */
        public double lastSlope() {
            Decade d = lastDecade();
            return d == null ? Double.NaN : d.slope();
        }

        /** The last decade with at least {@value #MIN_DECADE_POINTS} j, or null. */
        public Decade lastDecade() {
            for (int i = decades.size() - 1; i >= 0; i--) {
                if (counts(decades.get(i))) {
                    return decades.get(i);
                }
            }
            return null;
        }

        /** The slope of the decade before the last one that counts, NaN when none. */
        public double previousSlope() {
            Decade last = lastDecade();
            for (int i = decades.size() - 1; i >= 0; i--) {
                Decade d = decades.get(i);
                if (last != null && d.exponent() < last.exponent() && counts(d)) {
                    return d.slope();
                }
            }
            return Double.NaN;
        }
    }

    /** Whether a decade's slope counts: {@value #MIN_DECADE_POINTS} j or more over at least half a decade. */
    static boolean counts(Decade d) {
        return d.count() >= MIN_DECADE_POINTS && !Double.isNaN(d.slope())
                && Math.log10((double) d.to() / d.from()) >= MIN_DECADE_SPAN;
    }

    /** The oracle of a limit claim: its model at the claim's v (default v → ∞). */
    public static ProductOracle.Spec oracleOf(Claim claim) {
        int v = (int) Math.round(claim.v().value(Map.of()));
        return new ProductOracle.Spec(claim.alpha(), claim.activation(), v, claim.cutoffAt(0), claim.wVariance(),
                claim.centred());
    }

    /** A limit claim's range and study. */
    public static Study study(Claim claim) {
        Map<String, Double> names = ClaimChecker.names(claim, 0);
        long jFrom = (long) Math.max(1, Math.ceil(claim.from().value(names)));
        long jTo = (long) Math.floor(claim.to().value(names));
        return study(claim, oracleOf(claim), jFrom, jTo, claim.lower(), claim.upper(), names);
    }

    /**
     * r_j = μ_j/rate(j) for j = jFrom..jTo against [lower, upper] (either may be null), the rate the claim's with the
     * given names bound; μ_j streamed from {@code oracle}.
     */
    static Study study(Claim claim, ProductOracle.Spec oracle, long jFrom, long jTo, Double lower, Double upper,
                       Map<String, Double> names) {
        long t0 = System.nanoTime();
        double rel = Math.max(RELATIVE_ERROR, 2 * ProductOracle.relativeError(oracle));
        Accumulator acc = new Accumulator(claim, jFrom, lower, upper, names, rel);
        if (jTo >= jFrom) {
            long produced = ProductOracle.stream(oracle, jTo, (j, mu, level, set) -> {
                if (j >= jFrom) {
                    acc.add(j, mu);
                }
                return true;
            });
            acc.flush();
            acc.noOracle = Math.max(0, jTo - Math.max(produced, jFrom - 1));
        }
        acc.closeDecade();
        return new Study(jFrom, jTo, acc.used, acc.straddling, acc.noOracle, acc.breaches, acc.worst, acc.min, acc.max,
                acc.decades, rel, (System.nanoTime() - t0) / 1e9);
    }

    /** Judges r_j chunk by chunk (the rate is evaluated for a chunk at once) and keeps the decade sums. */
    private static final class Accumulator {
        final Claim claim;
        final Double lower;
        final Double upper;
        final Map<String, Double> names;
        final double rel;
        final double[] mus = new double[CHUNK];
        long chunkStart;
        int filled;
        long used;
        long straddling;
        long noOracle;
        long breaches;
        Breach worst;
        double min = Double.NaN;
        double max = Double.NaN;
        final List<Decade> decades = new ArrayList<>();
        int exponent = -1;
        long decadeFrom;
        long decadeTo;
        long n;
        double dMin;
        long dMinJ;
        double dMax;
        long dMaxJ;
        double sx;
        double sy;
        double sxx;
        double sxy;

        Accumulator(Claim claim, long jFrom, Double lower, Double upper, Map<String, Double> names, double rel) {
            this.claim = claim;
            this.rel = rel;
            this.lower = lower;
            this.upper = upper;
            this.names = names;
            this.chunkStart = jFrom;
        }

        void add(long j, double mu) {
            mus[filled++] = mu;
            if (filled == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (filled == 0) {
                return;
            }
            double[] rate = claim.rate().values("j", (int) chunkStart, (int) (chunkStart + filled - 1), names);
            for (int i = 0; i < filled; i++) {
                judge(chunkStart + i, mus[i], rate[i]);
            }
            chunkStart += filled;
            filled = 0;
        }

        private void judge(long j, double mu, double rate) {
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw new InvalidInputException(claim.file() + ": rate '" + claim.rate().source() + "' is " + rate
                        + " at j = " + j + ": a rate must be positive and finite at every j of the range");
            }
            double r = mu / rate;
            double lo = r * (1 - rel);
            double hi = r * (1 + rel);
            boolean breaksLower = lower != null && hi < lower;
            boolean breaksUpper = upper != null && lo > upper;
            boolean inside = (lower == null || lo >= lower) && (upper == null || hi <= upper);
            if (breaksLower || breaksUpper) {
                breaches++;
                Breach b = new Breach(j, r, breaksLower ? Side.LOWER : Side.UPPER, breaksLower ? lower : upper);
                if (worst == null || b.factor() > worst.factor()) {
                    worst = b;
                }
                used++;
            } else if (inside) {
                used++;
            } else {
                straddling++;
            }
            min = Double.isNaN(min) || r < min ? r : min;
            max = Double.isNaN(max) || r > max ? r : max;
            decade(j, r);
        }

        private void decade(long j, double r) {
            int k = exponentOf(j);
            if (k != exponent) {
                closeDecade();
                exponent = k;
                decadeFrom = j;
                n = 0;
                sx = sy = sxx = sxy = 0;
                dMin = dMax = r;
                dMinJ = dMaxJ = j;
            }
            decadeTo = j;
            n++;
            double x = Math.log10(j);
            double y = Math.log10(r);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            if (r < dMin) {
                dMin = r;
                dMinJ = j;
            }
            if (r > dMax) {
                dMax = r;
                dMaxJ = j;
            }
        }

        void closeDecade() {
            if (exponent < 0 || n == 0) {
                return;
            }
            double den = n * sxx - sx * sx;
            double slope = n >= 2 && den > 0 ? (n * sxy - sx * sy) / den : Double.NaN;
            decades.add(new Decade(exponent, decadeFrom, decadeTo, n, dMin, dMinJ, dMax, dMaxJ, slope));
            n = 0;
        }
    }

    /** k with 10^k ≤ j &lt; 10^(k+1), exactly. */
    static int exponentOf(long j) {
        int k = 0;
        long p = 10;
        while (j >= p && k < 18) {
            k++;
            p *= 10;
        }
        return k;
    }

    /** Where continuing the last decade's slope s carries the threatened extreme e to the constant c: j·10^(log₁₀(c/e)/s). */
    static double crossing(Study s, boolean lowerSide, double constant) {
        Decade d = s.lastDecade();
        if (d == null) {
            return Double.NaN;
        }
        double slope = d.slope();
        double extreme = lowerSide ? d.minRatio() : d.maxRatio();
        if (lowerSide ? slope >= 0 : slope <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return d.to() * Math.pow(10, Math.log10(constant / extreme) / slope);
    }

    private static String crossingText(Study s, boolean lowerSide, double constant) {
        double j = crossing(s, lowerSide, constant);
        return Double.isFinite(j) ? String.format(Locale.ROOT, " (continuing it, the ratio would reach it at j ~ %.3g)", j)
                : "";
    }

    /** "n of m j used" for a study. */
    public static String tally(Study s) {
        return String.format(Locale.ROOT, "%d of %d j used", s.used(), s.rangeSize());
    }

    /** The verdict on a limit claim from its study, with its witness or reason. */
    static Judgement verdict(Claim claim, Study s) {
        String tally = " [" + tally(s) + ", exact: the oracle at " + oracleOf(claim).describe() + "]";
        if (s.worst() != null) {
            Breach w = s.worst();
            return new Judgement(Verdict.FAILS, String.format(Locale.ROOT, "at j = %d the limit ratio mu_j/rate(j) = %.6g breaks "
                    + "the %s constant %s (by a factor %.4g; %d breaches in all)", w.j(), w.ratio(), w.constant(),
                    w.bound(), w.factor(), s.breaches()) + tally);
        }
        if (s.rangeSize() == 0) {
            return new Judgement(Verdict.INCONCLUSIVE, "the range is empty" + tally);
        }
        double tol = claim.driftTolerance();
        double last = s.lastSlope();
        Decade ld = s.lastDecade();
        String trend = trend(s);
        if (!Double.isNaN(last)) {
            if (claim.lower() != null && last < -tol) {
                return new Judgement(Verdict.FAILS, String.format(Locale.ROOT, "min r drifts along j: slope %.4f per decade over "
                        + "j = %d..%d, beyond the tolerance %.2g — the lower constant is not a constant; %s", last,
                        ld.from(), ld.to(), tol, trend) + tally);
            }
            if (claim.upper() != null && last > tol) {
                return new Judgement(Verdict.FAILS, String.format(Locale.ROOT, "max r drifts along j: slope %.4f per decade over "
                        + "j = %d..%d, beyond the tolerance %.2g — the upper constant is not a constant; %s", last,
                        ld.from(), ld.to(), tol, trend) + tally);
            }
        }
        if (s.undecided() > 0) {
            List<String> why = new ArrayList<>();
            if (s.straddling() > 0) {
                why.add(String.format(Locale.ROOT, "%d j with r_j within its uncertainty (%.2g relative: the oracle's "
                        + "error bound) of a constant", s.straddling(), s.relativeError()));
            }
            if (s.noOracle() > 0) {
                why.add(s.noOracle() + " j past the oracle's last eigenvalue (the cut-off leaves finitely many)");
            }
            return new Judgement(Verdict.INCONCLUSIVE, "not every j of the range can be decided: " + String.join(", ", why)
                    + tally);
        }
        if (Double.isNaN(last)) {
            return new Judgement(Verdict.INCONCLUSIVE, "every r_j is inside the constants, but no decade of the range holds "
                    + MIN_DECADE_POINTS + " j, so the drift along j cannot be assessed" + tally);
        }
        // a slope under 1e-9 per decade is rounding in an exactly flat ratio, not a drift
        String side = Math.abs(last) < 1e-9 ? "flat"
                : (claim.lower() != null && last < 0) || (claim.upper() != null && last > 0)
                ? String.format(Locale.ROOT, "drifting toward the %s constant but within the tolerance %.2g%s",
                        last < 0 ? "lower" : "upper", tol, crossingText(s, last < 0, last < 0 ? claim.lower() : claim.upper()))
                : "away from every constant";
        return new Judgement(Verdict.HOLDS, String.format(Locale.ROOT, "every r_j = mu_j/rate(j) in [%.6g, %.6g] within [%s, %s] "
                + "for j = %d..%d, exactly (the claim is about this range); last decade's slope %.4f, %s; %s",
                s.minRatio(), s.maxRatio(), claim.lower() == null ? "-" : claim.lower(),
                claim.upper() == null ? "-" : claim.upper(), s.jFrom(), s.jTo(), last, side, trend) + tally);
    }

    /** Whether the decade slopes decelerate, and where continuing the last one would reach each constant. */
    static String trend(Study s) {
        double last = s.lastSlope();
        double prev = s.previousSlope();
        StringBuilder t = new StringBuilder();
        if (Double.isNaN(prev)) {
            t.append("one decade only, no deceleration to assess");
        } else {
            t.append(String.format(Locale.ROOT, "slopes %.4f then %.4f: %s (evidence, not proof)", prev, last,
                    Math.abs(last) < Math.abs(prev) ? "decelerating" : "not decelerating"));
        }
        return t.toString();
    }
}
