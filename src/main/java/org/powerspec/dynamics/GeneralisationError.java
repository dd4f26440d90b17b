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
}
