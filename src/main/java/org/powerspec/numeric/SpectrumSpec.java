package org.powerspec.numeric;

import java.nio.file.Path;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.Activation;

/**
 * Every parameter a finite-d random-feature spectrum depends on, echoed into every result: the model
 * ({@link RandomFeatureModel}: H, W's entry variance, f) and what this spectrum of it adds — the number d of features,
 * where W comes from, the centring and the precision. The source theorem leaves W's entry variance, the centring and
 * v open: they are parameters here, with the defaults stated.
 *
 * @param model      α, f, v (default {@value #V_PER_D}·d), the cut-off and σ² (default 1)
 * @param d          the number of features
 * @param seed       the sketch's seed (ignored when {@code sketchFile} is given)
 * @param sketchFile the user's own W, or null for the seeded Gaussian sketch
 * @param centred    subtract the mean feature's rank-one term (default false: the uncentred second moment)
 * @param precision  double or high
 */
public record SpectrumSpec(RandomFeatureModel model, int d, long seed, Path sketchFile, boolean centred,
                           Precision precision) {

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

    /** The model's fields are checked by {@link RandomFeatureModel}; d here. */
    public SpectrumSpec {
        checkD(d);
    }

    /**
     * The spectrum of the model (α, f, v, cut-off M or {@link PowerLawCovariance#NO_CUTOFF}, σ²) at d features.
     * Errors name H's parameters first, then d, then σ².
     */
    public SpectrumSpec(double alpha, Activation activation, int d, int v, long seed, Path sketchFile, double wVariance,
                        boolean centred, Precision precision, int cutoff) {
        this(model(alpha, activation, d, v, wVariance, cutoff), d, seed, sketchFile, centred, precision);
    }

    /** The spectrum without a cut-off (H = diag(j^(−α)), j = 1..v). */
    public SpectrumSpec(double alpha, Activation activation, int d, int v, long seed, Path sketchFile, double wVariance,
                        boolean centred, Precision precision) {
        this(alpha, activation, d, v, seed, sketchFile, wVariance, centred, precision, PowerLawCovariance.NO_CUTOFF);
    }

    /** The model, with d checked between H's parameters and σ² (the order in which the errors have always come). */
    private static RandomFeatureModel model(double alpha, Activation activation, int d, int v, double wVariance,
                                            int cutoff) {
        new PowerLawCovariance(alpha, v, cutoff);
        checkD(d);
        return new RandomFeatureModel(alpha, activation, v, cutoff, wVariance);
    }

    /** The same spectrum with H's power law cut off at M ≥ 1: λ_j = j^(−α) for j ≤ M, 0 beyond. */
    public SpectrumSpec withCutoff(int m) {
        return new SpectrumSpec(model.withCutoff(m), d, seed, sketchFile, centred, precision);
    }

    /** α, H's decay exponent. */
    public double alpha() {
        return model.alpha();
    }

    /** f. */
    public Activation activation() {
        return model.activation();
    }

    /** v, the data dimension. */
    public int v() {
        return model.v();
    }

    /** σ², W's entry variance. */
    public double wVariance() {
        return model.wVariance();
    }

    /** H's cut-off M, or {@link PowerLawCovariance#NO_CUTOFF}. */
    public int cutoff() {
        return model.cutoff();
    }

    /** H: the power law, with its cut-off if any. */
    public PowerLawCovariance covariance() {
        return model.covariance();
    }

    /** f = y^p's p, or the polynomial's degree. */
    public int p() {
        return model.p();
    }

    /** One line with every parameter. */
    public String describe() {
        return "alpha = " + alpha() + ", f(y) = " + activation().label() + ", d = " + d + ", v = " + v()
                + (sketchFile == null ? ", seed = " + seed : ", sketch file = " + sketchFile)
                + ", w_variance = " + wVariance() + ", centred = " + centred + ", precision = " + precision.userName()
                + (cutoff() == PowerLawCovariance.NO_CUTOFF ? "" : ", cutoff = " + cutoff());
    }
}
