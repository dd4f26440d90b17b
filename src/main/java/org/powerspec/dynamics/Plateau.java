package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.LineFit;

/**
 * The symmetric plateau and the specialised phase of one erf learning curve with K = M, read off ε_g(α) on a fine
 * grid. Definitions (with ε_* the height of Saad &amp; Solla's symmetric plateau at the run's η,
 * {@link GeneralisationError#symmetricPlateau(int, double, OutputScaling)}, and a relative band b):
 * <ul>
 * <li>plateau length: the total time with |ε_g(α) − ε_*| ≤ b·ε_* (crossings interpolated linearly in log α);</li>
 * <li>escape time: the time ε_g falls below (1 − b)·ε_* for the last time (NaN when it has not by the end);</li>
 * <li>plateau height: the median of ε_g over the grid points inside the band;</li>
 * <li>specialised phase: from twice the escape time until ε_g reaches {@code floor}, two least-squares fits —
 *     exponential, log ε_g = a − rate·α, and power law, log ε_g = a − exponent·log α — and their R².</li>
 * </ul>
 *
 * @param length      plateau length (0 when the curve never enters the band)
 * @param entry       first time inside the band (NaN if never)
 * @param escape      escape time (NaN if not escaped)
 * @param height      median ε_g inside the band (NaN if never inside)
 * @param rate        fitted exponential rate of the specialised phase (NaN when fewer than 4 points)
 * @param rateR2      R² of the exponential fit
 * @param exponent    fitted power-law exponent of the specialised phase
 * @param exponentR2  R² of the power-law fit
 */
public record Plateau(double length, double entry, double escape, double height, double rate, double rateR2,
        double exponent, double exponentR2) {

    /** Analyses {@code c} (ascending times) against the plateau height {@code epsStar}. */
    public static Plateau of(LearningCurve c, double epsStar, double band, double floor) {
        double[] t = c.times();
        double[] e = c.eg();
        double lo = (1 - band) * epsStar;
        double hi = (1 + band) * epsStar;
        double length = 0;
        double entry = Double.NaN;
        List<Double> inside = new ArrayList<>();
        for (int i = 0; i + 1 < t.length; i++) {
            if (t[i] <= 0) {
                continue;
            }
            double f0 = fractionInside(e[i], e[i + 1], lo, hi);
            if (f0 > 0) {
                double la = Math.log(t[i]);
                double lb = Math.log(t[i + 1]);
                // the inside part of a segment, by interpolation in log alpha
                double[] span = insideSpan(e[i], e[i + 1], lo, hi);
                double a = Math.exp(la + span[0] * (lb - la));
                double b = Math.exp(la + span[1] * (lb - la));
                length += b - a;
                if (Double.isNaN(entry)) {
                    entry = a;
                }
            }
            if (e[i] >= lo && e[i] <= hi) {
                inside.add(e[i]);
            }
        }
        double escape = Double.NaN;
        if (e[e.length - 1] < lo) {
            for (int i = t.length - 2; i >= 0; i--) {
                if (e[i] >= lo) {
                    double la = Math.log(Math.max(t[i], 1e-300));
                    double lb = Math.log(t[i + 1]);
                    double s = (e[i] - lo) / (e[i] - e[i + 1]);
                    escape = t[i] <= 0 ? t[i + 1] * s : Math.exp(la + s * (lb - la));
                    break;
                }
            }
        }
        double height = Double.NaN;
        if (!inside.isEmpty()) {
            inside.sort(Double::compare);
            height = inside.get(inside.size() / 2);
        }
        List<double[]> tail = new ArrayList<>();
        if (!Double.isNaN(escape)) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= 2 * escape && e[i] > floor) {
                    tail.add(new double[] {t[i], e[i]});
                }
            }
        }
        double rate = Double.NaN;
        double rateR2 = Double.NaN;
        double exponent = Double.NaN;
        double exponentR2 = Double.NaN;
        if (tail.size() >= 4) {
            double[] x = tail.stream().mapToDouble(p -> p[0]).toArray();
            double[] lx = tail.stream().mapToDouble(p -> Math.log(p[0])).toArray();
            double[] ly = tail.stream().mapToDouble(p -> Math.log(p[1])).toArray();
            LineFit exp = LineFit.of(x, ly);
            LineFit pow = LineFit.of(lx, ly);
            rate = -exp.slope();
            rateR2 = exp.rSquare();
            exponent = -pow.slope();
            exponentR2 = pow.rSquare();
        }
        return new Plateau(length, entry, escape, height, rate, rateR2, exponent, exponentR2);
    }

    private static double fractionInside(double e0, double e1, double lo, double hi) {
        double[] s = insideSpan(e0, e1, lo, hi);
        return s[1] - s[0];
    }

    /** The sub-interval [s0, s1] ⊂ [0, 1] of the segment e0 → e1 (linear) where lo ≤ e ≤ hi. */
    private static double[] insideSpan(double e0, double e1, double lo, double hi) {
        double s0 = 0;
        double s1 = 1;
        if (e0 == e1) {
            return e0 >= lo && e0 <= hi ? new double[] {0, 1} : new double[] {0, 0};
        }
        double sLo = (lo - e0) / (e1 - e0);
        double sHi = (hi - e0) / (e1 - e0);
        double a = Math.min(sLo, sHi);
        double b = Math.max(sLo, sHi);
        s0 = Math.max(s0, a);
        s1 = Math.min(s1, b);
        return s1 > s0 ? new double[] {s0, s1} : new double[] {0, 0};
    }

    /** True when the exponential fit describes the specialised phase better than the power law. */
    public boolean exponentialWins() {
        return rateR2 > exponentR2;
    }
}
