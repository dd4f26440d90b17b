package org.powerspec.numeric;

import org.powerspec.symbolic.Activation;

/**
 * The random-feature model whose kernel spectrum powerspec computes and predicts (Paquette, Xiao, Zhu,
 * arXiv:2603.14578; the cut-off after Maloney, Roberts, Sully, arXiv:2210.16859):
 * <pre>
 *   x ~ N(0, H),   λ_j(H) = j^(−α) for j ≤ v (0 for j > M when a cut-off M is given),
 *   W ∈ R^{v×d},   W_ij ~ N(0, σ²) independent,   features f(w_aᵀx), a = 1..d,   f(y) = y^p or a polynomial,
 * </pre>
 * with K = (1/d)·E_x[f(Wᵀx) f(Wᵀx)ᵀ]. This holds what every method shares — H, W's entry variance and f — once,
 * validated once; the finite-d spectrum ({@link SpectrumSpec}: d, W's seed or file, centring, precision), the
 * product oracle and the deterministic equivalent ({@code numeric.second}) each add their own parameters around it.
 *
 * @param alpha      α > 1, H's decay exponent
 * @param activation f
 * @param v          the data dimension (the order of H, the rows of W)
 * @param cutoff     the cut-off M ≥ 1 of H's power law, or {@link PowerLawCovariance#NO_CUTOFF}
 * @param wVariance  σ², W's entry variance (in the predictions it enters as H → σ²H)
 */
public record RandomFeatureModel(double alpha, Activation activation, int v, int cutoff, double wVariance) {

    /** α, v and the cut-off are H's and checked by {@link PowerLawCovariance}; σ² by {@link SeededGaussianSketch}. */
    public RandomFeatureModel {
        new PowerLawCovariance(alpha, v, cutoff);
        SeededGaussianSketch.checkVariance(wVariance);
    }

    /** H: the power law, with its cut-off if any. */
    public PowerLawCovariance covariance() {
        return new PowerLawCovariance(alpha, v, cutoff);
    }

    /** f = y^p's p, or the polynomial's degree. */
    public int p() {
        return activation.degree();
    }

    /** The same model with H's power law cut off at M ≥ 1: λ_j = j^(−α) for j ≤ M, 0 beyond. */
    public RandomFeatureModel withCutoff(int m) {
        return new RandomFeatureModel(alpha, activation, v, covariance().withCutoff(m).cutoff(), wVariance);
    }
}
