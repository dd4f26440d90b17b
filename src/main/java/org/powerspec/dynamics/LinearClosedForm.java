package org.powerspec.dynamics;

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
 * On the trainable block ds/dα = A s + b with A = −2κη diag(λ) + (κ²η²/L) λλᵀ symmetric and b = (κ²η²/L)·λ·F the
 * constant source of the frozen eigenspaces (F = Σ_{frozen} λ_ℓ s_ℓ(0)), so
 * <pre>
 *   s(α) = e^(Aα) s(0) + A^(−1)(e^(Aα) − I) b.
 * </pre>
 *
 * <p><b>Evaluation.</b> A = −2κη·(Λ − σ λλᵀ) with Λ = diag(λ) and σ = κη/(2L): a diagonal-minus-rank-one matrix whose
 * poles are the inputs λ_ℓ themselves. Its eigenpairs (x_j, v_j) come from the secular equation
 * 1 = σ Σ_ℓ λ_ℓ²/(λ_ℓ − x) by {@link DiagonalMinusRankOne} (Bunch, Nielsen &amp; Sorensen, Numer. Math. 31 (1978) 31;
 * each root as an offset from its nearest pole as in LAPACK's dlaed4; eigenvectors v_j ∝ (Λ − x_j)^(−1)λ̂ with
 * Gu &amp; Eisenstat's Löwner weights λ̂, SIAM J. Matrix Anal. Appl. 15 (1994) 1266), so every rate μ_j = 2κη·x_j
 * (A = −Σ_j μ_j v_j v_jᵀ) has high relative accuracy — the rates near 2κηλ_ℓ for λ_ℓ ≈ 1e−16·λ_1 included, which a
 * dense eigendecomposition of A in double cannot resolve (it gets them only to ≈ 1e−16·‖A‖, and for β = 8, L = 96
 * made ε_g five times too large at α = 2.7e16) — and the eigenvectors are accurate componentwise. Then
 * <pre>
 *   s_tr(α) = Σ_j v_j [e^(−μ_jα) v_jᵀs(0) + (−expm1(−μ_jα)/μ_j) v_jᵀb],
 *   ε_g(α) = ½[F + Σ_j (λᵀv_j)(e^(−μ_jα) v_jᵀs(0) + (−expm1(−μ_jα)/μ_j) v_jᵀb)].
 * </pre>
 * Its terms do not cancel: with the sign of v_j fixed by v_j ∝ (Λ − x_j)^(−1)λ̂, the secular equation gives
 * λᵀv_j = 1/(σ‖(Λ − x_j)^(−1)λ̂‖) &gt; 0 (up to λ̂ ≈ λ), v_jᵀb = (κ²η²F/L)·λᵀv_j ≥ 0, and for the uniform initial
 * state s_ℓ(0) = const also v_jᵀs(0) &gt; 0 (observed for every j in the test cases and at κη up to 1.99 for β = 8,
 * L = 96). So ε_g keeps the relative accuracy of the rates and vectors (measured against 50-digit mpmath in
 * LinearClosedFormTest: rates to 2e−16 relative, ε_g to 2e−14 relative over α ∈ [1, 1e20] for β = 8, L = 96,
 * η = 0.01, where ε_g falls to 5e−139; the dense eigendecomposition was off by 4.2 relative at α = 2.7e16 and by
 * 1e122 at 1e20). For η → 0 the modes decouple, ε_g ≈ ½ Σ_ℓ λ_ℓ s_ℓ(0) e^(−2κηλ_ℓα), which for λ_ℓ ∝ ℓ^(−(1+β))
 * and s_ℓ(0) ≈ const/L falls as α^(−β/(1+β)) for 1/(2κηλ_1) ≪ α ≪ 1/(2κηλ_L) (Worschech &amp; Rosenow,
 * arXiv:2410.09005), then exponentially.
 *
 * <p><b>Floor and divergence.</b> With N_l of L = N eigenspaces trained, ε_g(∞) = ½[F + λ_trᵀ(−A^(−1)b)]
 * = ½[F + Σ_j (λᵀv_j)(v_jᵀb)/μ_j] ∝ N_l^(−β). Since f(0) = 1 − σ Σ_tr λ_ℓ and f decreases below the smallest pole,
 * A has an eigenvalue ≥ 0 exactly when c = σ Σ_tr λ_ℓ = κη Σ_tr λ_ℓ/(2L) ≥ 1 (η too large: the dynamics diverge);
 * {@link #floor()} is +∞ then, or when rounding leaves a rate ≤ 0 at c within rounding of 1.
 */
public final class LinearClosedForm {
    private final TwoLayerModel model;
    private final double[] s0;
    private final int tr;
    /** v[j] = the unit eigenvector j of A on the trainable block. */
    private final double[][] v;
    private final double[] mu;
    private final double[] vs0;
    private final double[] vb;
    private final double[] weight;
    private final double frozen;
    private final boolean divergent;
    private final boolean overflow;

    /**
     * Refuses (one-line error) a model whose closed form cannot fit in the heap: the eigenvectors (N_l × N_l), and
     * as much again for margin.
     */
    public static void requireMemory(TwoLayerModel model) {
        long tr = model.trainable();
        org.powerspec.MemoryBudget.require(2L * tr * tr * Double.BYTES, "the linear closed form with " + tr
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
        double sigma = kappa * eta / (2.0 * L);
        double[] b = new double[tr];
        double top = 0;
        double sum = 0;
        for (int l = 0; l < tr; l++) {
            b[l] = kappa * eta * lam[l] * (kappa * eta * fr) / L; // (κη)²/L·λ_ℓ·F without underflow in (κη)²
            top = Math.max(top, lam[l]);
            sum += lam[l];
        }
        divergent = !(sigma * sum < 1);
        double squares = 0;
        for (int l = 0; l < tr; l++) {
            squares += (lam[l] / top) * (lam[l] / top);
        }
        // the secular weights σλ_ℓ² must not overflow: if they would, solve for Λ/2^e − (2^e σ)(λ/2^e)(λ/2^e)ᵀ,
        // 2^e ≈ max λ (exact scaling, eigenvectors unchanged); what still overflows has c ≥ σ max λ ≫ 1, diverging
        double scale = sigma * top * top * squares < Double.MAX_VALUE / 4 ? 1 : Math.scalb(1.0, Math.getExponent(top));
        overflow = !(sigma * scale * (top / scale) * (top / scale) * squares < Double.MAX_VALUE / 4)
                || !Double.isFinite(2 * kappa * eta * top);
        double[] lt = new double[tr];
        for (int l = 0; l < tr; l++) {
            lt[l] = lam[l] / scale;
        }
        mu = new double[tr];
        vs0 = new double[tr];
        vb = new double[tr];
        weight = new double[tr];
        if (overflow) {
            v = new double[0][];
            return;
        }
        DiagonalMinusRankOne eig = new DiagonalMinusRankOne(lt, lt, sigma * scale);
        v = eig.columns();
        double rate = 2 * kappa * eta;
        for (int j = 0; j < tr; j++) {
            mu[j] = rate * (scale * eig.eigenvalue(j));
            for (int l = 0; l < tr; l++) {
                double x = v[j][l];
                vs0[j] += x * s0[l];
                vb[j] += x * b[l];
                weight[j] += x * lam[l];
            }
        }
    }

    /** The coefficient of v_j in s_tr(α): e^(−μ_jα) v_jᵀs(0) + (1 − e^(−μ_jα))/μ_j · v_jᵀb. */
    private double coefficient(int j, double alpha) {
        double x = -mu[j] * alpha;
        return Math.exp(x) * vs0[j] + (mu[j] == 0 ? alpha : -Math.expm1(x) / mu[j]) * vb[j];
    }

    /** s_ℓ(α), ℓ = 1..L. */
    public double[] s(double alpha) {
        double[] s = s0.clone();
        if (alpha == 0) {
            return s;
        }
        if (overflow) {
            java.util.Arrays.fill(s, 0, tr, Double.POSITIVE_INFINITY);
            return s;
        }
        double[] c = new double[tr];
        for (int j = 0; j < tr; j++) {
            c[j] = coefficient(j, alpha);
        }
        java.util.Arrays.fill(s, 0, tr, 0.0);
        for (int j = 0; j < tr; j++) {
            double[] col = v[j];
            for (int l = 0; l < tr; l++) {
                s[l] += col[l] * c[j];
            }
        }
        return s;
    }

    /** ε_g(α) = ½ Σ_ℓ λ_ℓ s_ℓ(α), summed over the eigenvectors: ½[F + Σ_j (λᵀv_j)·(coefficient of v_j)]. */
    public double eg(double alpha) {
        if (alpha == 0 || overflow) {
            double e = 0;
            double[] s = s(alpha);
            for (int l = 0; l < s.length; l++) {
                e += model.spectrum().get(l) * s[l];
            }
            return 0.5 * e;
        }
        double e = frozen;
        for (int j = 0; j < tr; j++) {
            e += weight[j] * coefficient(j, alpha);
        }
        return 0.5 * e;
    }

    /**
     * ε_g(∞) = ½[Σ_{frozen} λ_ℓ s_ℓ(0) + λ_trᵀ s_tr(∞)], s_tr(∞) = −A^(−1)b = Σ_j v_j (v_jᵀb)/μ_j; +∞ when A has an
     * eigenvalue ≥ 0 (κη Σ_tr λ_ℓ/(2L) ≥ 1, η too large: the dynamics diverge).
     */
    public double floor() {
        if (divergent || overflow) {
            return Double.POSITIVE_INFINITY;
        }
        double e = frozen;
        for (int j = 0; j < tr; j++) {
            if (!(mu[j] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            e += weight[j] * vb[j] / mu[j];
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
                (System.nanoTime() - start) / 1e9, "linear closed form (secular-equation eigendecomposition)");
    }
}
