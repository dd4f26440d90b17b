package org.powerspec.dynamics;

import java.util.Arrays;
import java.util.List;
import org.powerspec.InvalidInputException;

/**
 * The L distinct eigenvalues λ_1 ≥ … of the input covariance Σ; each has multiplicity N/L, so (1/N)·tr(P_ℓΣ) = λ_ℓ/L.
 * The default is Worschech &amp; Rosenow's power law λ_ℓ = ℓ^(−(1+β)) / ((1/L) Σ_m m^(−(1+β))), normalised so the
 * mean eigenvalue is 1 (then the symmetric plateau's height does not depend on L or β).
 *
 * @param lambda the eigenvalues, one per eigenspace, in the order given
 * @param beta   the exponent β of the power law, or NaN for an explicit list
 */
public record EigenspaceSpectrum(double[] lambda, double beta) {
    public static final int MAX_L = 1 << 16;

    public EigenspaceSpectrum {
        lambda = lambda.clone();
        if (lambda.length < 1 || lambda.length > MAX_L) {
            throw new InvalidInputException("the spectrum has " + lambda.length + " eigenvalues: allowed are 1 to " + MAX_L);
        }
        for (double l : lambda) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new InvalidInputException("eigenvalue " + l + " is not allowed: every eigenvalue must be positive and finite");
            }
        }
    }

    /** λ_ℓ ∝ ℓ^(−(1+β)), ℓ = 1..L, mean 1. */
    public static EigenspaceSpectrum powerLaw(int L, double beta) {
        if (L < 1 || L > MAX_L) {
            throw new InvalidInputException("L", L + " is not allowed: 1 <= L <= " + MAX_L);
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta", beta + " is not allowed: beta must be finite and >= 0");
        }
        double[] l = new double[L];
        double sum = 0;
        for (int i = 0; i < L; i++) {
            l[i] = Math.pow(i + 1, -(1 + beta));
            sum += l[i];
        }
        for (int i = 0; i < L; i++) {
            l[i] *= L / sum;
        }
        return new EigenspaceSpectrum(l, beta);
    }

    /** An explicit list of eigenvalues, used as given (not normalised). */
    public static EigenspaceSpectrum of(List<Double> values) {
        return new EigenspaceSpectrum(values.stream().mapToDouble(Double::doubleValue).toArray(), Double.NaN);
    }

    public int size() {
        return lambda.length;
    }

    public double get(int l) {
        return lambda[l];
    }

    public double[] values() {
        return lambda.clone();
    }

    public String describe() {
        return Double.isNaN(beta) ? "eigenvalues " + Arrays.toString(lambda) + " (explicit, L = " + lambda.length + ")"
                : "lambda_l = l^-(1+beta)/mean, beta = " + beta + ", L = " + lambda.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EigenspaceSpectrum s && Arrays.equals(lambda, s.lambda) && Double.compare(beta, s.beta) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lambda) * 31 + Double.hashCode(beta);
    }

    @Override
    public String toString() {
        return describe();
    }
}
