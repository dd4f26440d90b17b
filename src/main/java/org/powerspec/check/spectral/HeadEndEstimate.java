package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.LineFit;
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
        LineFit origin = LineFit.throughOrigin(pts.stream().mapToDouble(q -> q[0]).toArray(),
                pts.stream().mapToDouble(q -> q[1]).toArray());
        double c1 = origin.slope();
        int n = pts.size();
        List<double[]> logs = pts.stream().map(q -> new double[] {Math.log10(q[0]), Math.log10(q[1])}).toList();
        LineFit s = LineFit.of(logs);
        String finding;
        if (whole) {
            finding = "the constants hold over the whole spectrum (j* = d at every run): the head's end is not seen";
        } else if (s.lo() <= 1 && 1 <= s.hi()) {
            finding = String.format(Locale.ROOT, "j* scales as d/log^(p+1) d (log-log slope %.2f [%.2f, %.2f] contains 1): "
                    + "c1 ~ %.3g [%.3g, %.3g]", s.slope(), s.lo(), s.hi(), c1, origin.lo(), origin.hi());
        } else {
            finding = String.format(Locale.ROOT, "j* does not scale as d/log^(p+1) d: log-log slope %.2f [%.2f, %.2f] "
                    + "excludes 1 (the fitted c1 = %.3g describes these sizes only)", s.slope(), s.lo(), s.hi(), c1);
        }
        return new ClaimResult.HeadEnd(n, c1, origin.lo(), origin.hi(), s.slope(), s.lo(), s.hi(), finding);
    }
}
