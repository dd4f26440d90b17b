package org.powerspec.dynamics;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.powerspec.InvalidInputException;

/**
 * The exact learning curve for g(x) = x. The student is then the linear map c_K Σ_i J_i; with the error vector
 * D = c_K Σ_i J_i − c_M Σ_n B_n and s_ℓ = D P_ℓ Dᵀ/N = c_K² Σ_ik q^ℓ_ik − 2c_Kc_M Σ_in r^ℓ_in + c_M² Σ_nm t^ℓ_nm,
 * one SGD step is D ← D − (κη/N)(D·ξ) P_tr ξ with κ = c_K²K, and averaging (Wick, leading order in 1/N) gives the
 * closed linear system
 * <pre>
 *   ds_ℓ/dα = −2κηλ_ℓ s_ℓ + κ²η²(λ_ℓ/L) Σ_m λ_m s_m   (ℓ trainable),   ds_ℓ/dα = 0 (ℓ frozen),
 *   ε_g = ½ Σ_ℓ λ_ℓ s_ℓ.
 * </pre>
 * On the trainable block ds/dα = A s + b with A = −2κη diag(λ) + (κ²η²/L) λλᵀ symmetric and b the constant
 * source of the frozen eigenspaces, so s(α) = e^(Aα) s(0) + A^(−1)(e^(Aα) − I) b, evaluated through A = V diag(d) Vᵀ
 * as V[e^(dα) ∘ Vᵀs(0) + (expm1(dα)/d) ∘ Vᵀb] (robust as d → 0). For η → 0 the modes decouple,
 * ε_g ≈ ½ Σ_ℓ λ_ℓ s_ℓ(0) e^(−2κηλ_ℓα), which for λ_ℓ ∝ ℓ^(−(1+β)) and s_ℓ(0) ≈ const/L falls as α^(−β/(1+β))
 * for 1/(2κηλ_1) ≪ α ≪ 1/(2κηλ_L) (Worschech &amp; Rosenow, arXiv:2410.09005), then exponentially. With N_l of
 * L = N eigenspaces trained, ε_g(∞) = ½[Σ_{ℓ>N_l} λ_ℓ s_ℓ(0) + λ_trᵀ(−A^(−1)b)] ∝ N_l^(−β).
 */
public final class LinearClosedForm {
    private final TwoLayerModel model;
    private final double[] s0;
    private final int tr;
    private final double[][] v;
    private final double[] d;
    private final double[] vs0;
    private final double[] vb;
    private final double frozen;

    /**
     * Refuses (one-line error) a model whose closed form cannot fit in the heap: A (N_l × N_l), its eigendecomposition's
     * work arrays and eigenvectors, about six N_l × N_l matrices at the peak.
     */
    public static void requireMemory(TwoLayerModel model) {
        long tr = model.trainable();
        org.powerspec.numeric.MemoryBudget.require(6L * tr * tr * Double.BYTES, "the linear closed form with " + tr
                + " trained eigenspaces");
    }

    public LinearClosedForm(TwoLayerModel model, OrderParameters init) {
        if (model.g() != Nonlinearity.LINEAR) {
            throw new InvalidInputException("the closed form exists for --activation linear only");
        }
        this.model = model;
        int L = model.L();
        double cK = model.studentFactor();
        double cM = model.teacherFactor();
        s0 = new double[L];
        for (int l = 0; l < L; l++) {
            double s = 0;
            for (int i = 0; i < model.K(); i++) {
                for (int k = 0; k < model.K(); k++) {
                    s += cK * cK * init.q()[l][i][k];
                }
                for (int n = 0; n < model.M(); n++) {
                    s -= 2 * cK * cM * init.r()[l][i][n];
                }
            }
            for (int n = 0; n < model.M(); n++) {
                for (int m = 0; m < model.M(); m++) {
                    s += cM * cM * init.t()[l][n][m];
                }
            }
            s0[l] = s;
        }
        tr = model.trainable();
        requireMemory(model);
        double kappa = cK * cK * model.K();
        double eta = model.eta();
        double[] lam = model.spectrum().values();
        double fr = 0;
        for (int l = tr; l < L; l++) {
            fr += lam[l] * s0[l];
        }
        frozen = fr;
        RealMatrix a = MatrixUtils.createRealMatrix(tr, tr);
        double[] b = new double[tr];
        double noise = kappa * kappa * eta * eta / L;
        for (int l = 0; l < tr; l++) {
            for (int m = 0; m < tr; m++) {
                a.setEntry(l, m, noise * lam[l] * lam[m] + (l == m ? -2 * kappa * eta * lam[l] : 0));
            }
            b[l] = noise * lam[l] * fr;
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(a);
        d = eig.getEigenvalues();
        v = eig.getV().getData();
        vs0 = new double[tr];
        vb = new double[tr];
        for (int j = 0; j < tr; j++) {
            for (int l = 0; l < tr; l++) {
                vs0[j] += v[l][j] * s0[l];
                vb[j] += v[l][j] * b[l];
            }
        }
    }

    /** s_ℓ(α), ℓ = 1..L. */
    public double[] s(double alpha) {
        double[] c = new double[tr];
        for (int j = 0; j < tr; j++) {
            double x = d[j] * alpha;
            c[j] = Math.exp(x) * vs0[j] + (d[j] == 0 ? alpha : Math.expm1(x) / d[j]) * vb[j];
        }
        double[] s = s0.clone();
        for (int l = 0; l < tr; l++) {
            double v0 = 0;
            for (int j = 0; j < tr; j++) {
                v0 += v[l][j] * c[j];
            }
            s[l] = v0;
        }
        return s;
    }

    /** ε_g(α) = ½ Σ_ℓ λ_ℓ s_ℓ(α). */
    public double eg(double alpha) {
        double[] s = s(alpha);
        double e = 0;
        for (int l = 0; l < s.length; l++) {
            e += model.spectrum().get(l) * s[l];
        }
        return 0.5 * e;
    }

    /**
     * ε_g(∞) = ½[Σ_{frozen} λ_ℓ s_ℓ(0) + λ_trᵀ s_tr(∞)], s_tr(∞) = −A^(−1)b; +∞ when A has an eigenvalue ≥ 0
     * (η too large: the dynamics diverge).
     */
    public double floor() {
        double e = frozen;
        for (int j = 0; j < tr; j++) {
            if (d[j] >= 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int l = 0; l < tr; l++) {
            double sl = 0;
            for (int j = 0; j < tr; j++) {
                sl += v[l][j] * (-vb[j] / d[j]);
            }
            e += model.spectrum().get(l) * sl;
        }
        return 0.5 * e;
    }

    public LearningCurve curve(double[] times) {
        long start = System.nanoTime();
        double[] eg = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            eg[i] = eg(times[i]);
            if (!Double.isFinite(eg[i])) {
                throw new InvalidInputException(OdeIntegration.diverged(model, times[i]));
            }
        }
        return new LearningCurve(times, eg, java.util.List.of(), new double[times.length][0], 0, 0,
                (System.nanoTime() - start) / 1e9, "linear closed form (matrix exponential via eigendecomposition)");
    }
}
