package org.powerspec.numeric;

import java.nio.file.Path;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.Activation;

/**
 * Every parameter a random-feature spectrum depends on, echoed into every result. The source theorem leaves W's
 * entry variance, the centring and v open: they are parameters here, with the defaults stated.
 *
 * @param alpha      α > 1 in λ_j(H) = j^(−α)
 * @param activation f (y^p or a polynomial)
 * @param d          the number of features
 * @param v          the data dimension (default {@value #V_PER_D}·d)
 * @param seed       the sketch's seed (ignored when {@code sketchFile} is given)
 * @param sketchFile the user's own W, or null for the seeded Gaussian sketch
 * @param wVariance  W's entry variance σ² (default 1)
 * @param centred    subtract the mean feature's rank-one term (default false: the uncentred second moment)
 * @param precision  double or high
 * @param cutoff     the cut-off M of H's power law (λ_j = 0 for j > M; see {@link PowerLawCovariance}), or
 *                   {@link PowerLawCovariance#NO_CUTOFF}
 */
public record SpectrumSpec(double alpha, Activation activation, int d, int v, long seed, Path sketchFile,
                           double wVariance, boolean centred, Precision precision, int cutoff) {

    /** The default ratio v/d. */
    public static final int V_PER_D = 4;

    /** Below this v/d the smallest eigenvalues of the p = 1 kernel collapse (λ_d·d^α ≈ 5e−7 at v = d, α = 2). */
    public static final double SMALL_V_PER_D = 1.25;

    /** The largest d accepted (d² doubles must fit in one Java array). */
    public static final int MAX_D = 46_000;

    /** Refuses d outside 1..{@value #MAX_D}. */
    public static void checkD(int d) {
        if (d < 1 || d > MAX_D) {
            throw new InvalidInputException("d", d + " is not allowed: d must be a whole number from 1 to " + MAX_D);
        }
    }

    /** The default v = {@value #V_PER_D}·d, capped at the largest int. */
    public static int defaultV(int d) {
        return (int) Math.min(Integer.MAX_VALUE, (long) V_PER_D * d);
    }

    /** α, v and the cut-off are H's and checked by {@link PowerLawCovariance}; σ² by {@link SeededGaussianSketch}. */
    public SpectrumSpec {
        new PowerLawCovariance(alpha, v, cutoff);
        checkD(d);
        SeededGaussianSketch.checkVariance(wVariance);
    }

    /** The spectrum without a cut-off (H = diag(j^(−α)), j = 1..v). */
    public SpectrumSpec(double alpha, Activation activation, int d, int v, long seed, Path sketchFile, double wVariance,
                        boolean centred, Precision precision) {
        this(alpha, activation, d, v, seed, sketchFile, wVariance, centred, precision, PowerLawCovariance.NO_CUTOFF);
    }

    /** The same spectrum with H's power law cut off at M ≥ 1: λ_j = j^(−α) for j ≤ M, 0 beyond. */
    public SpectrumSpec withCutoff(int m) {
        return new SpectrumSpec(alpha, activation, d, v, seed, sketchFile, wVariance, centred, precision,
                covariance().withCutoff(m).cutoff());
    }

    /** H: the power law, with its cut-off if any. */
    public PowerLawCovariance covariance() {
        return new PowerLawCovariance(alpha, v, cutoff);
    }

    /** f = y^p's p, or the polynomial's degree. */
    public int p() {
        return activation.degree();
    }

    /** One line with every parameter. */
    public String describe() {
        return "alpha = " + alpha + ", f(y) = " + activation.label() + ", d = " + d + ", v = " + v
                + (sketchFile == null ? ", seed = " + seed : ", sketch file = " + sketchFile)
                + ", w_variance = " + wVariance + ", centred = " + centred + ", precision = " + precision.userName()
                + (cutoff == PowerLawCovariance.NO_CUTOFF ? "" : ", cutoff = " + cutoff);
    }
}
