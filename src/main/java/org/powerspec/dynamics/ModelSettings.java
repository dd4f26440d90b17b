package org.powerspec.dynamics;

import java.util.List;

/**
 * The settings that define a {@link TwoLayerModel} as a user gives them — on the command line or in a claim file —
 * and the one place they are assembled into the model. The spectrum is either an explicit list λ_1 ≥ … ≥ λ_L,
 * used as given, or Worschech &amp; Rosenow's power law λ_ℓ ∝ ℓ^(−(1+β)) of mean 1 ({@link #spectrum}); an absent
 * {@code trainable} trains every eigenspace. Each reader checks and names its own inputs before it calls this (an
 * option is {@code --eta}, a key {@code model.eta}); what is refused here is refused by the model's constructors.
 *
 * @param activation the activation g
 * @param K          student hidden units
 * @param M          teacher hidden units
 * @param spectrum   Σ's eigenvalues per eigenspace
 * @param eta        learning rate η
 * @param scaling    output normalisation
 * @param trainable  number N_l of leading eigenspaces trained, or null for all L
 */
public record ModelSettings(Nonlinearity activation, int K, int M, EigenspaceSpectrum spectrum, double eta,
        OutputScaling scaling, Integer trainable) {

    /**
     * The explicit {@code eigenvalues} when given (not null), else the power law of L eigenvalues with exponent β
     * ({@code L} and {@code beta} are read only then, and may be null with a list).
     */
    public static EigenspaceSpectrum spectrum(List<Double> eigenvalues, Integer L, Double beta) {
        return eigenvalues != null ? EigenspaceSpectrum.of(eigenvalues) : EigenspaceSpectrum.powerLaw(L, beta);
    }

    /** The model these settings define. */
    public TwoLayerModel model() {
        return new TwoLayerModel(activation, K, M, spectrum, eta, scaling, trainable == null ? spectrum.size() : trainable);
    }
}
