package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;
import org.powerspec.check.core.SlopeInterval;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * Where the head ends: j* of every (d, seed) against x = d·ln^(−(p+1)) d, the theorem's head range without c1 — the
 * least-squares slope through the origin (c1) with its 95 % interval, and the log–log slope of j* on x (1 when j*
 * scales as the theorem's range), with what the data support.
 */
final class HeadEndEstimate {
    private HeadEndEstimate() {
    }

    /**
     * c1's estimate: j* of every (d, seed) with j* ≥ 1 against x = d·ln^(−(p+1)) d — the slope through the origin with
     * its 95 % interval, and the log–log slope of j* on x (1 if j* scales as the theorem's head range); null with fewer
     * than three points or one size.
     */
    static ClaimResult.HeadEnd of(Claim claim, List<Run> runs) {
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
}
