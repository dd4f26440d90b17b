package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult.Violation;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.second.ProductOracle;

/**
 * One (d, seed) of a spectral claim judged index by index: for each j of the range, the interval that surely holds
 * r_j = λ_j/rate(j) — [λ_j − b_j, λ_j + b_j]/rate(j) when λ_j is measured (|λ_j| above its error bound b_j), else
 * [0, |λ_j| + b_j]/rate(j) — and whether it lies inside the constants (used), outside one (a certified violation) or
 * decides nothing (undecided: under the floor, straddling a constant, no rate, or j &gt; d); with j*, the largest j up
 * to which every r_j is certified inside, and the product oracle's μ_j where the claim's rate is {@code oracle}.
 */
final class RunJudgement {
    private RunJudgement() {
    }

    static Run judgeSpectrum(Claim claim, Spectrum sp, int d, long seed, int v, double from, double to, int jFrom, int jTo,
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
        r = r.with(beyond, RunJudgement.jStar(claim, sp, jFrom, rate));
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
    static int jStar(Claim claim, Spectrum sp, int jFrom, double[] rate) {
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
    static double[] oracle(SpectrumSpec spec, int from, int to) {
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
                violations.add(new Violation(d, seed, j, r, Side.LOWER, lower));
            } else if (breaksUpper) {
                violations.add(new Violation(d, seed, j, r, Side.UPPER, upper));
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
        return rerate(other, r, other.rate().values("j", r.jFrom(), r.jTo(), ClaimChecker.names(other, r.d())));
    }
}
