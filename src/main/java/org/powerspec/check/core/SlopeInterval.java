package org.powerspec.check.core;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The least-squares slope b of y against x with its 95 % confidence interval b ± t_{0.975, n−2}·se(b),
 * se(b) = √(SSE/(n−2)/Sxx); with two points the interval is the whole line.
 *
 * @param slope b
 * @param lo    lower end of the interval
 * @param hi    upper end
 * @param n     points
 */
public record SlopeInterval(double slope, double lo, double hi, int n) {

    /** Fits points {x, y}; needs at least two distinct x. */
    public static SlopeInterval of(List<double[]> pts) {
        int n = pts.size();
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double b = sxy / sxx;
        if (n <= 2) {
            return new SlopeInterval(b, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, n);
        }
        double sse = 0;
        for (double[] p : pts) {
            double e = p[1] - my - b * (p[0] - mx);
            sse += e * e;
        }
        double se = Math.sqrt(sse / (n - 2) / sxx);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
        return new SlopeInterval(b, b - t * se, b + t * se, n);
    }
}
