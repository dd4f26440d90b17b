package org.powerspec.dynamics;

import org.powerspec.InvalidInputException;

/**
 * One-pass SGD of a soft committee machine, as in Worschech &amp; Rosenow (arXiv:2410.09005): student
 * σ(ξ) = c_K Σ_{i≤K} g(J_i·ξ/√N), teacher τ(ξ) = c_M Σ_{n≤M} g(B_n·ξ/√N), ξ ~ N(0, Σ), loss ½(σ − τ)², update
 * J_i ← J_i + (η/√N)·δ_i·P_tr ξ with δ_i = c_K g′(x_i)(τ − σ) = −∂loss/∂x_i, time α = steps/N. The output factor
 * c_K is 1 or 1/√K ({@link OutputScaling}); P_tr projects on the {@code trainable} leading eigenspaces (all of them
 * by default; with L = N these are the top N_l input coordinates of the paper's §4.3).
 *
 * @param g         the activation
 * @param K         student hidden units
 * @param M         teacher hidden units
 * @param spectrum  Σ's eigenvalues per eigenspace
 * @param eta       learning rate η
 * @param scaling   output normalisation
 * @param trainable number of leading eigenspaces whose directions are trained, 1..L
 */
public record TwoLayerModel(Nonlinearity g, int K, int M, EigenspaceSpectrum spectrum, double eta,
        OutputScaling scaling, int trainable) {
    public static final int MAX_UNITS = 200;

    public TwoLayerModel {
        if (K < 1 || K > MAX_UNITS) {
            throw new InvalidInputException("K", K + " is not allowed: 1 <= K <= " + MAX_UNITS);
        }
        if (M < 1 || M > MAX_UNITS) {
            throw new InvalidInputException("M", M + " is not allowed: 1 <= M <= " + MAX_UNITS);
        }
        checkEta(eta);
        if (trainable < 1 || trainable > spectrum.size()) {
            throw new InvalidInputException("trainable", trainable + " is not allowed: 1 <= N_l <= L = " + spectrum.size());
        }
    }

    /** Refuses a learning rate that is not a positive finite number. */
    public static void checkEta(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new InvalidInputException("eta", eta + " is not allowed: the learning rate must be positive and finite");
        }
    }

    /** All eigenspaces trained. */
    public TwoLayerModel(Nonlinearity g, int K, int M, EigenspaceSpectrum spectrum, double eta, OutputScaling scaling) {
        this(g, K, M, spectrum, eta, scaling, spectrum.size());
    }

    public int L() {
        return spectrum.size();
    }

    /** c_K. */
    public double studentFactor() {
        return scaling.factor(K);
    }

    /** c_M. */
    public double teacherFactor() {
        return scaling.factor(M);
    }

    public TwoLayerModel withEta(double newEta) {
        return new TwoLayerModel(g, K, M, spectrum, newEta, scaling, trainable);
    }

    public String describe() {
        return "activation " + g.userName() + ", K = " + K + ", M = " + M + ", " + spectrum.describe() + ", eta = " + eta
                + ", output scaling " + scaling.userName() + ", trainable eigenspaces " + trainable + " of " + L();
    }

    /** A one-line label for plots: "erf K=2 M=2 L=16 beta=0.5 eta=0.5 scaling none". */
    public String label() {
        return g.userName() + " K=" + K + " M=" + M + " L=" + L() + (Double.isNaN(spectrum.beta()) ? "" : " beta=" + spectrum.beta())
                + " eta=" + eta + " scaling " + scaling.userName() + (trainable < L() ? " trainable=" + trainable : "");
    }
}
