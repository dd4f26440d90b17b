package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;

/**
 * λ_j against j on log–log axes, with the two reference rates of the theorem — the head rate
 * (log^(p−1)(j+1)/j)^α and the tail rate j^(−α) — and the head/tail boundary j = d·log^(−(p+1))(d) marked
 * (natural log). Each rate is scaled by C fitted by least squares in log space, log C = mean(log λ_j − log rate(j)),
 * over the measured eigenvalues (λ_j &gt; 0 above its error bound) of the range where it applies — the head
 * 2 ≤ j ≤ boundary, the tail j &gt; boundary — λ_1 excluded (the uncentred mean's spike); where that range holds no
 * measured eigenvalue, over all measured j ≥ 2, and failing those, through λ_1; the legend says which. Unreliable
 * eigenvalues (below their error bound) are drawn apart, and any that are ≤ 0 on the axis floor ({@link LogLogPlot}):
 * every finite spectrum can be drawn. Optionally the second methods (the product oracle, the p = 1 deterministic
 * equivalent) as further curves.
 */
public final class SpectrumPlot {
    private SpectrumPlot() {
    }

    /** The head/tail boundary d·ln^(−(p+1)) d of the theorem, before its constant c1 (infinite at d = 1). */
    public static double headTailBoundary(int d, int p) {
        return d / Math.pow(Math.log(d), p + 1);
    }

    /** A reference rate scaled to the spectrum: the values at j = 1..d and how C was found. */
    record ScaledRate(double[] values, String how) {
    }

    /**
     * The rate (given as ln rate(j)) times C, fitted over the measured λ_j with {@code from ≤ j ≤ to}, j ≥ 2 ({@code range},
     * e.g. "j = 2..13", or null for an empty range, says so in the legend; see
     * the class comment for the fall-backs); null when the spectrum has no measured eigenvalue at all.
     */
    static ScaledRate scale(Spectrum s, IntToDoubleFunction lnRate, int from, int to, String range) {
        int d = s.size();
        List<Integer> own = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int j = 2; j <= d; j++) {
            if (measured(s, j)) {
                (j >= from && j <= to ? own : rest).add(j);
            }
        }
        List<Integer> fit;
        String how;
        if (!own.isEmpty()) {
            fit = own;
            how = String.format(Locale.ROOT, "C fitted on %s (%d measured lambda_j)", range, own.size());
        } else if (!rest.isEmpty()) {
            fit = rest;
            how = String.format(Locale.ROOT, "C fitted on all %d measured lambda_j of j >= 2 (%s)", rest.size(),
                    range == null ? "its range is empty at this d" : "none measured in " + range);
        } else if (measured(s, 1)) {
            fit = List.of(1);
            how = "through lambda_1 (no other measured lambda_j)";
        } else {
            return null;
        }
        double lnC = 0;
        for (int j : fit) {
            lnC += Math.log(s.eigenvalue(j)) - lnRate.applyAsDouble(j);
        }
        lnC /= fit.size();
        double[] values = new double[d];
        for (int j = 1; j <= d; j++) {
            values[j - 1] = Math.exp(lnC + lnRate.applyAsDouble(j));
        }
        return new ScaledRate(values, how);
    }

    private static boolean measured(Spectrum s, int j) {
        return s.reliable(j) && s.eigenvalue(j) > 0 && Double.isFinite(s.eigenvalue(j));
    }

    /**
     * The plot of the spectrum, with second methods as further curves: each overlay's name and its predicted
     * λ_1, λ_2, … (unscaled: a second method is compared as it is, not fitted; values ≤ 0 are off the log axis and
     * not drawn; an empty map draws none).
     */
    public static LogLogPlot plot(Spectrum s, Map<String, double[]> overlays) {
        SpectrumSpec spec = s.spec();
        int d = s.size();
        int p = spec.p();
        double alpha = spec.alpha();
        List<double[]> good = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            (s.reliable(j) ? good : bad).add(new double[] {j, s.eigenvalue(j)});
        }
        String title = String.format(Locale.ROOT, "Spectrum of K: alpha = %s, f = %s, d = %d, v = %d%s, %s",
                spec.alpha(), spec.activation().label(), d, spec.v(), spec.cutoff() > 0 ? ", cutoff M = " + spec.cutoff() : "",
                spec.precision().userName());
        LogLogPlot plot = new LogLogPlot(title, "j", "lambda_j(K)");
        if (!good.isEmpty()) {
            plot.points("lambda_j", column(good, 0), column(good, 1), LogLogPlot.colour(0), SeriesMarkers.CIRCLE);
        }
        if (!bad.isEmpty()) {
            plot.points("lambda_j below its error bound", column(bad, 0), column(bad, 1), LogLogPlot.colour(1), SeriesMarkers.DIAMOND);
        }
        double boundary = headTailBoundary(d, p);
        double[] js = new double[d];
        for (int j = 1; j <= d; j++) {
            js[j - 1] = j;
        }
        // the head is 2 <= j <= boundary, the tail boundary < j <= d (integers)
        int lastHead = Double.isFinite(boundary) ? (int) Math.min(d, Math.floor(boundary)) : d;
        String headRange = lastHead >= 2 ? range(2, lastHead) : null;
        String tailRange = lastHead < d ? range(Math.max(2, lastHead + 1), d) : null;
        ScaledRate head = scale(s, j -> alpha * ((p - 1) * Math.log(Math.log(j + 1.0)) - Math.log(j)), 2, lastHead, headRange);
        ScaledRate tail = scale(s, j -> -alpha * Math.log(j), lastHead + 1, d, tailRange);
        String headName = String.format(Locale.ROOT, "head rate (log^%d(j+1)/j)^alpha", p - 1);
        String tailName = "tail rate j^-alpha";
        if (head == null) {
            plot.note(headName + ": no measured eigenvalue to scale it to");
        } else {
            plot.guide(headName + ", " + head.how(), js, head.values(), LogLogPlot.colour(3), false);
        }
        if (tail == null) {
            plot.note(tailName + ": no measured eigenvalue to scale it to");
        } else {
            plot.guide(tailName + ", " + tail.how(), js, tail.values(), LogLogPlot.colour(2), false);
        }
        int c = 4;
        for (Map.Entry<String, double[]> o : overlays.entrySet()) {
            int n = Math.min(d, o.getValue().length);
            plot.guide(o.getKey(), java.util.Arrays.copyOf(js, n), java.util.Arrays.copyOf(o.getValue(), n), LogLogPlot.colour(c++), false);
            if (c == 6) {
                c++;  // colour 6 is the cut-off's
            }
        }
        if (spec.cutoff() > 0 && spec.cutoff() < d) {
            plot.vertical("cut-off of H's power law, j = M = " + spec.cutoff(), spec.cutoff(), LogLogPlot.colour(6));
        }
        String boundaryName = String.format(Locale.ROOT, "head/tail boundary d/ln^%d(d) = %.3g", p + 1, boundary);
        if (!Double.isFinite(boundary)) {
            plot.note(String.format(Locale.ROOT, "head/tail boundary d/ln^%d(d) undefined at d = %d", p + 1, d));
        } else if (boundary < 1) {
            plot.note(boundaryName + " < 1: no head at this d");
        } else if (boundary > d) {
            plot.note(boundaryName + " > d: every j is in the head");
        } else {
            plot.vertical(boundaryName, boundary, LogLogPlot.colour(9));
        }
        return plot;
    }

    private static String range(int from, int to) {
        return from == to ? "j = " + from : "j = " + from + ".." + to;
    }

    private static double[] column(List<double[]> points, int c) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = points.get(i)[c];
        }
        return out;
    }
}
