package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.powerspec.LineFit;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * Constants must be constants: the log–log slope b of min r (for a lower constant) and of max r (for an upper one)
 * against d, fitted over every (d, seed) with at least {@value ClaimChecker#ClaimChecker.MIN_POINTS} used j at the largest
 * {@value #DRIFT_SIZES} usable sizes, with its 95 % Student-t interval, judged against the tolerance τ
 * ({@link DriftStatus}); with three sizes or more, the convergence evidence (pairwise slopes, deceleration, the size at
 * which the pooled slope would carry the extreme to its constant).
 */
public final class DriftTest {
    private DriftTest() {
    }

    /** Drift is judged on the largest this many usable sizes of the sweep: the asymptotic trend, not the smallest d. */
    public static final int DRIFT_SIZES = 3;

    static Drift drift(List<Run> runs, String of, Side constant, double tol) {
        return drift(runs, of, constant, tol, Double.NaN);
    }

    static Drift drift(List<Run> runs, String of, Side constant, double tol, double bound) {
        // only measured ratios: a certified bound (an eigenvalue under its error bound) says nothing about a trend
        List<Integer> sizes = runs.stream().filter(r -> r.measured() >= ClaimChecker.MIN_POINTS).map(Run::d).distinct()
                .sorted(Comparator.reverseOrder()).limit(DRIFT_SIZES).toList();
        List<double[]> pts = new ArrayList<>();
        for (Run r : runs) {
            if (r.measured() >= ClaimChecker.MIN_POINTS && sizes.contains(r.d())) {
                double y = r.measuredExtreme(!of.equals("min r"));
                if (y > 0) {
                    pts.add(new double[] {Math.log10(r.d()), Math.log10(y)});
                }
            }
        }
        long distinctD = pts.stream().map(p -> p[0]).distinct().count();
        if (distinctD < 2) {
            return new Drift(of, constant, Double.NaN, Double.NaN, Double.NaN, pts.size(), DriftStatus.NOT_ASSESSED);
        }
        LineFit fit = LineFit.of(pts);
        double b = fit.slope();
        double lo = fit.lo();
        double hi = fit.hi();
        int n = fit.n();
        DriftStatus status;
        if (constant == Side.LOWER) {
            status = hi < -tol ? DriftStatus.PRESENT : lo > -tol ? (hi < 0 ? DriftStatus.TOWARD : DriftStatus.ABSENT) : DriftStatus.UNDECIDED;
        } else {
            status = lo > tol ? DriftStatus.PRESENT : hi < tol ? (lo > 0 ? DriftStatus.TOWARD : DriftStatus.ABSENT) : DriftStatus.UNDECIDED;
        }
        return new Drift(of, constant, b, lo, hi, n, status, convergence(runs, of, constant, b, lo, hi, bound));
    }

    /**
     * The convergence evidence of a drift over every size with a measured extreme: slopes between successive sizes of
     * the seeds' mean log₁₀ extreme, and where the pooled slope (and its interval's ends) would carry the extreme at
     * the largest size to the constant {@code bound}.
     */
    private static ClaimResult.Convergence convergence(List<Run> runs, String of, Side constant, double b, double lo,
                                                       double hi, double bound) {
        boolean max = !of.equals("min r");
        java.util.TreeMap<Integer, double[]> byD = new java.util.TreeMap<>();
        for (Run r : runs) {
            double y = r.measured() >= ClaimChecker.MIN_POINTS ? r.measuredExtreme(max) : Double.NaN;
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
        boolean lowerSide = constant == Side.LOWER;
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
}
