package org.powerspec.dynamics;

/**
 * ε_g = ½E[(σ − τ)²] as a function of the field covariances Q, R, T. For g = erf(x/√2) (Saad &amp; Solla 1995, eq. 5,
 * with output factors c_K, c_M):
 * ε_g = (1/π)[c_K² Σ_ik arcsin(Q_ik/√((1+Q_ii)(1+Q_kk))) + c_M² Σ_nm arcsin(T_nm/√((1+T_nn)(1+T_mm)))
 * − 2c_Kc_M Σ_in arcsin(R_in/√((1+Q_ii)(1+T_nn)))]; for g(x) = x, ε_g = ½[c_K² Σ_ik Q_ik + c_M² Σ_nm T_nm
 * − 2c_Kc_M Σ_in R_in].
 */
public final class GeneralisationError {
    private GeneralisationError() {
    }

    public static double of(TwoLayerModel m, double[][] Q, double[][] R, double[][] T) {
        double cK = m.studentFactor();
        double cM = m.teacherFactor();
        double ss = 0;
        double tt = 0;
        double st = 0;
        for (int i = 0; i < Q.length; i++) {
            for (int k = 0; k < Q.length; k++) {
                ss += pair(m.g(), Q[i][i], Q[k][k], Q[i][k]);
            }
            for (int n = 0; n < T.length; n++) {
                st += pair(m.g(), Q[i][i], T[n][n], R[i][n]);
            }
        }
        for (int n = 0; n < T.length; n++) {
            for (int p = 0; p < T.length; p++) {
                tt += pair(m.g(), T[n][n], T[p][p], T[n][p]);
            }
        }
        return 0.5 * (cK * cK * ss + cM * cM * tt - 2 * cK * cM * st);
    }

    public static double of(TwoLayerModel m, OrderParameters p) {
        EigenspaceSpectrum s = m.spectrum();
        return of(m, p.bigQ(s), p.bigR(s), p.bigT(s));
    }

    /** E[g(u)g(v)]. */
    static double pair(Nonlinearity g, double cuu, double cvv, double cuv) {
        return g == Nonlinearity.LINEAR ? cuv : ErfIntegrals.i2(cuu, cvv, cuv);
    }

    /**
     * The height of Saad &amp; Solla's symmetric plateau for K = M, T = I, η → 0, unscaled outputs:
     * Q_ik = 1/(2K−1), R_in = 1/√(K(2K−1)), ε_* = (K/π)(π/6 − K·arcsin(1/(2K))); with outputs scaled by 1/√K it is ε_* divided by K.
     */
    public static double symmetricPlateau(int K, OutputScaling scaling) {
        double e = K / Math.PI * (Math.PI / 6 - K * Math.asin(1.0 / (2 * K)));
        return scaling == OutputScaling.SQRT ? e / K : e;
    }

    /**
     * The symmetric plateau's height at finite η: the isotropic ODE (L = 1, λ = 1, T = I) started exactly on the
     * symmetric subspace (all Q_ik = 1/(2K−1), all R_in = 1/√(K(2K−1)), which the dynamics preserve) and integrated
     * for 60/η, by when it has settled on the symmetric fixed point of the finite-η system (stable inside that
     * subspace) while round-off has not yet broken the symmetry. By the per-eigenspace ODE, q^ℓ = Q/L, r^ℓ = R/L is
     * then a fixed point for every spectrum of mean 1, so the height does not depend on L or β. It exceeds
     * ε_* (the η → 0 value) by O(η); e.g. +4.1 % for K = 2, +16 % for K = 5, +21 % for K = 6 at η = 0.1, unscaled.
     */
    public static double symmetricPlateau(int K, double eta, OutputScaling scaling) {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, K, new EigenspaceSpectrum(new double[] {1}, Double.NaN), eta, scaling);
        double[][] Q = new double[K][K];
        double[][] R = new double[K][K];
        double[][] T = new double[K][K];
        for (int i = 0; i < K; i++) {
            java.util.Arrays.fill(Q[i], 1.0 / (2 * K - 1));
            java.util.Arrays.fill(R[i], 1 / Math.sqrt(K * (2.0 * K - 1)));
            T[i][i] = 1;
        }
        double[] times = {0, 60 / eta};
        LearningCurve c = OdeIntegration.integrate(m, OrderParameters.uniform(Q, R, T, 1), times, Tolerances.DEFAULT, false,
                org.powerspec.Progress.NONE);
        return c.eg()[1];
    }
}
