package org.powerspec.numeric;

import org.powerspec.InvalidInputException;

/**
 * The data covariance H of the random-feature theorem: diagonal in R^v with the power-law spectrum
 * λ_j(H) = j^(−α), j = 1..v, α > 1 (Paquette, Xiao, Zhu, arXiv:2603.14578). Only its eigenvalues matter: any
 * rotation of H is absorbed by the rotation invariance of the Gaussian sketch.
 *
 * <p>With a cut-off M (Maloney, Roberts, Sully, arXiv:2210.16859) the power law stops at M: λ_j = j^(−α) for
 * j ≤ M and λ_j = 0 for M < j ≤ v, so H has rank min(M, v). {@code cutoff = 0} means no cut-off.
 *
 * @param alpha  the decay exponent α > 1
 * @param v      the ambient dimension
 * @param cutoff M ≥ 1, or 0 for none
 */
public record PowerLawCovariance(double alpha, int v, int cutoff) {

    /** No cut-off. */
    public static final int NO_CUTOFF = 0;

    public PowerLawCovariance {
        checkAlpha(alpha);
        if (v < 1) {
            throw new InvalidInputException("v", v + " is not allowed: v must be a whole number >= 1");
        }
        if (cutoff < 0) {
            throw new InvalidInputException("cutoff", cutoff + " is not allowed: the cut-off M must be a whole number >= 1");
        }
    }

    /** Refuses α outside (1, ∞): for α ≤ 1 the power law's trace Σ_j j^(−α) diverges as v grows. */
    public static void checkAlpha(double alpha) {
        if (!(alpha > 1) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("alpha", alpha + " is not allowed: alpha must be a finite number > 1");
        }
    }

    /** λ_j = j^(−α), j = 1..v, without a cut-off. */
    public PowerLawCovariance(double alpha, int v) {
        this(alpha, v, NO_CUTOFF);
    }

    /** The same H with the power law cut off at M ≥ 1 (λ_j = 0 for j > M). */
    public PowerLawCovariance withCutoff(int m) {
        if (m < 1) {
            throw new InvalidInputException("cutoff", m + " is not allowed: the cut-off M must be a whole number >= 1");
        }
        return new PowerLawCovariance(alpha, v, m);
    }

    /** The number of nonzero eigenvalues: min(M, v), or v without a cut-off. */
    public int rank() {
        return cutoff == NO_CUTOFF ? v : Math.min(cutoff, v);
    }

    /** λ_j = j^(−α) for 1 ≤ j ≤ rank(), 0 beyond, in double precision (StrictMath, so the same on every machine). */
    public double eigenvalue(int j) {
        return j <= rank() ? StrictMath.pow(j, -alpha) : 0;
    }

    /** tr H = Σ_j λ_j. */
    public double trace() {
        return powerSum(1);
    }

    /** p_n = tr H^n = Σ_j λ_j^n, summed from the smallest term up. */
    public double powerSum(int n) {
        double s = 0;
        for (int j = rank(); j >= 1; j--) {
            s += StrictMath.pow(j, -alpha * n);
        }
        return s;
    }
}
