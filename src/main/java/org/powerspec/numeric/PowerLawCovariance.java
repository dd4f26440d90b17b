package org.powerspec.numeric;

import org.powerspec.InvalidInputException;

/**
 * The data covariance H of the random-feature theorem: diagonal in R^v with the power-law spectrum
 * λ_j(H) = j^(−α), j = 1..v, α > 1 (Paquette, Xiao, Zhu, arXiv:2603.14578). Only its eigenvalues matter: any
 * rotation of H is absorbed by the rotation invariance of the Gaussian sketch.
 *
 * @param alpha the decay exponent α > 1
 * @param v     the ambient dimension
 */
public record PowerLawCovariance(double alpha, int v) {

    public PowerLawCovariance {
        if (!(alpha > 1) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("--alpha " + alpha + " is not allowed: alpha must be a finite number > 1");
        }
        if (v < 1) {
            throw new InvalidInputException("--v " + v + " is not allowed: v must be a whole number >= 1");
        }
    }

    /** λ_j = j^(−α) for 1 ≤ j ≤ v, in double precision (StrictMath, so the same on every machine). */
    public double eigenvalue(int j) {
        return StrictMath.pow(j, -alpha);
    }

    /** tr H = Σ_j j^(−α). */
    public double trace() {
        double s = 0;
        for (int j = v; j >= 1; j--) {
            s += eigenvalue(j);
        }
        return s;
    }
}
