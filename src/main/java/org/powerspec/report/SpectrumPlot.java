package org.powerspec.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;

/**
 * λ_j against j on log–log axes, with the two reference rates of the theorem — the head rate
 * (log^(p−1)(j+1)/j)^α and the tail rate j^(−α) — each scaled to meet the data at j = 1, and the head/tail boundary
 * j = d·log^(−(p+1))(d) marked (natural log). Unreliable eigenvalues (below their error bound) are drawn apart.
 * Optionally the second methods (the product oracle, the p = 1 deterministic equivalent) as further curves.
 */
public final class SpectrumPlot {
    private SpectrumPlot() {
    }

    /** The head/tail boundary d·ln^(−(p+1)) d of the theorem, before its constant c1. */
    public static double headTailBoundary(int d, int p) {
        return d / Math.pow(Math.log(d), p + 1);
    }

    /**
     * Draws the spectrum to {@code file} (.png or .svg), with second methods as further curves: each overlay's name
     * and its predicted λ_1, λ_2, … (unscaled: a second method is compared as it is, not fitted; zeros are not drawn;
     * an empty map draws none).
     */
    public static void write(Spectrum s, Path file, Map<String, double[]> overlays) {
        SpectrumSpec spec = s.spec();
        int d = s.size();
        int p = spec.p();
        double alpha = spec.alpha();
        List<double[]> good = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            double l = s.eigenvalue(j);
            if (l > 0) {
                (s.reliable(j) ? good : bad).add(new double[] {j, l});
            }
        }
        double l1 = s.eigenvalue(1);
        double[] js = new double[d];
        double[] head = new double[d];
        double[] tail = new double[d];
        double head1 = Math.pow(Math.pow(Math.log(2), p - 1), alpha);
        for (int j = 1; j <= d; j++) {
            js[j - 1] = j;
            head[j - 1] = l1 * Math.pow(Math.pow(Math.log(j + 1), p - 1) / j, alpha) / head1;
            tail[j - 1] = l1 * Math.pow(j, -alpha);
        }
        String title = String.format(Locale.ROOT, "Spectrum of K: alpha = %s, f = %s, d = %d, v = %d%s, %s",
                spec.alpha(), spec.activation().label(), d, spec.v(), spec.cutoff() > 0 ? ", cutoff M = " + spec.cutoff() : "",
                spec.precision().userName());
        LogLogPlot plot = new LogLogPlot(title, "j", "lambda_j(K)");
        if (!good.isEmpty()) {
            plot.points("lambda_j", column(good, 0), column(good, 1));
        }
        if (!bad.isEmpty()) {
            plot.points("lambda_j below its error bound", column(bad, 0), column(bad, 1));
        }
        plot.line(String.format(Locale.ROOT, "(log^%d(j+1)/j)^alpha, head rate", p - 1), js, head);
        plot.line("j^-alpha, tail rate", js, tail);
        for (Map.Entry<String, double[]> o : overlays.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            for (int j = 1; j <= Math.min(d, o.getValue().length); j++) {
                if (o.getValue()[j - 1] > 0) {
                    pts.add(new double[] {j, o.getValue()[j - 1]});
                }
            }
            if (!pts.isEmpty()) {
                plot.line(o.getKey(), column(pts, 0), column(pts, 1));
            }
        }
        double boundary = headTailBoundary(d, p);
        double yMin = Double.MAX_VALUE;
        for (double[] g : good) {
            yMin = Math.min(yMin, g[1]);
        }
        for (double t : tail) {
            yMin = Math.min(yMin, t);
        }
        if (spec.cutoff() > 0 && spec.cutoff() < d) {
            plot.line("cut-off of H's power law, j = M = " + spec.cutoff(), new double[] {spec.cutoff(), spec.cutoff()},
                    new double[] {yMin, l1});
        }
        if (boundary >= 1) {
            plot.line(String.format(Locale.ROOT, "head/tail boundary d/ln^%d(d) = %.3g", p + 1, boundary),
                    new double[] {boundary, boundary}, new double[] {yMin, l1});
        } else {
            plot.line(String.format(Locale.ROOT, "head/tail boundary d/ln^%d(d) = %.3g < 1: no head at this d", p + 1,
                    boundary), new double[] {1, 1}, new double[] {l1, l1});
        }
        plot.write(file);
    }

    private static double[] column(List<double[]> points, int c) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = points.get(i)[c];
        }
        return out;
    }
}
