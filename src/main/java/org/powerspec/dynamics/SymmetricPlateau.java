package org.powerspec.dynamics;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

/**
 * The symmetric plateau of the erf committee machine (K = M) for a run's own teacher covariance T and learning rate
 * η, and the rate at which the dynamics escape from it.
 *
 * <p><b>Fixed point.</b> On the symmetric subspace — every student alike: Q_ii = Q, Q_ik = C (i ≠ k), R_in = R_n —
 * which the ODE preserves for every T, the isotropic system (one eigenspace carrying the mean eigenvalue m = Σλ_ℓ/L)
 * is integrated from Saad &amp; Solla's point Q_ik = 1/(2K−1), R_in = 1/√(K(2K−1)) for 60/η, where it has settled
 * (the fixed point attracts inside the subspace), and polished by Newton's method on the full isotropic right-hand
 * side (numerical Jacobian) to a residual near round-off. The per-eigenspace state q^ℓ = Q/Σλ, r^ℓ = R/Σλ with the
 * teacher spread evenly, t^ℓ = T/Σλ (what t^ℓ = B P_ℓ Bᵀ/N tends to for i.i.d. teacher weights), is then a fixed
 * point of {@link OrderParameterOde} for every spectrum: dq^ℓ, dr^ℓ are λ_ℓ times the isotropic right-hand side
 * (checked at run time: {@link #residual}). Its ε_g is the plateau's {@link #height}; with T = I and η → 0 it is
 * Saad &amp; Solla's ε* = (K/π)(π/6 − K arcsin(1/(2K))).
 *
 * <p><b>Escape rate.</b> Write the per-eigenspace system as dc^ℓ/dα = λ_ℓ[A(C)c^ℓ + B(C)t^ℓ + (η²/L)e(C)], where
 * C = Σλ_k c^k is the total covariance, A the part linear in the eigenspace's own (q^ℓ, r^ℓ) at frozen C and e the
 * noise term E[δ_iδ_k]. At the fixed point its Jacobian is J_ℓk = λ_ℓ(δ_ℓk·A + (λ_k/Σλ)·G) with
 * G = ∂_C[A(C)C + B(C)T + η²m·e(C)]; A and G are read off the numerical Jacobian of the two-eigenspace system
 * λ = (m, m): J_11 = m(A + G/2), J_12 = mG/2. An eigenvalue μ of J with total perturbation Δ = Σλ_kδ^k ≠ 0
 * satisfies δ^ℓ = λ_ℓ(μ − λ_ℓA)⁻¹GΔ/Σλ, hence the secular condition
 * <pre>
 *   I − S(μ) singular,    S(μ) = (1/Σλ)·Σ_ℓ λ_ℓ²(μI − λ_ℓA)⁻¹G,
 * </pre>
 * of the size of one eigenspace's block instead of L blocks. A and G commute with swapping students 1 and 2, so the
 * condition is imposed on the states that swap negates (the symmetric subspace, where the fixed point attracts, drops
 * out). The escape modes come several at a time (K − 1 for the students' permutations, times K − 1 again for the
 * teachers' when T = I), so det(I − S(μ)) can touch 0 without changing sign; h(μ) = σ_min(I − S(μ)), the smallest
 * singular value, vanishes at an eigenvalue of any multiplicity. μ_esc is found by scanning h downwards from the bound
 * λ_max(‖A‖_∞ + ‖G‖_∞) ≥ ρ(J) to 10⁻⁹ of it, 40 points a decade, and minimising h (Brent) around the first local
 * minimum that reaches 10⁻⁹; NaN when the fixed point has no unstable real direction. The full Jacobian's largest real
 * eigenvalue (LAPACK) agrees in the tests. The plateau is the time spent near the fixed point, so its
 * length is of order ln(1/δ₀)/μ_esc for an initial asymmetry δ₀ (Saad &amp; Solla; Worschech &amp; Rosenow,
 * arXiv:2410.09005, §4).
 *
 * @param K          student = teacher units
 * @param Q          the fixed point's student covariance (K×K)
 * @param R          its student–teacher covariance (K×M)
 * @param T          the teacher covariance it is computed for
 * @param height     ε_g at the fixed point
 * @param escapeRate μ_esc, the largest real eigenvalue of the per-eigenspace Jacobian there (NaN if none is positive
 *                   or the block is too large, {@link #MAX_BLOCK})
 * @param residual   max-norm of the per-eigenspace right-hand side at the fixed point, relative to η·max|state|
 */
public record SymmetricPlateau(int K, double[][] Q, double[][] R, double[][] T, double height, double escapeRate,
        double residual) {

    /** The largest per-eigenspace block (K(K+1)/2 + K², K = 12) for which the escape rate is computed. */
    public static final int MAX_BLOCK = 12 * 13 / 2 + 144;

    /** The symmetric plateau of {@code model} (erf, K = M, every eigenspace trained) for the teacher covariance T. */
    public static SymmetricPlateau of(TwoLayerModel model, double[][] T) {
        int K = model.K();
        if (model.g() != Nonlinearity.ERF || model.M() != K) {
            throw new InvalidInputException("the symmetric plateau is defined here for erf with K = M (found "
                    + model.g().userName() + ", K = " + K + ", M = " + model.M() + ")");
        }
        if (T.length != K) {
            throw new InvalidInputException("the teacher covariance is " + T.length + "x" + T.length + ", expected " + K + "x" + K);
        }
        double sum = 0;
        for (double l : model.spectrum().values()) {
            sum += l;
        }
        double mean = sum / model.L();
        TwoLayerModel iso = withSpectrum(model, new double[] {mean});
        double[][] q0 = new double[K][K];
        double[][] r0 = new double[K][K];
        for (int i = 0; i < K; i++) {
            java.util.Arrays.fill(q0[i], 1.0 / (2 * K - 1));
            java.util.Arrays.fill(r0[i], 1 / Math.sqrt(K * (2.0 * K - 1)));
        }
        OrderParameters start = spread(q0, r0, T, 1, mean);
        OrderParameterOde isoOde = new OrderParameterOde(iso, start);
        double[] times = {0, 60 / model.eta()};
        LearningCurve settle = OdeIntegration.integrate(iso, start, times, Tolerances.DEFAULT, true, Progress.NONE);
        double[] y = fromColumns(settle.columns()[1], K, mean);
        y = newton(isoOde, y);
        OrderParameters fixedIso = isoOde.unpack(y);
        double[][] Q = fixedIso.bigQ(iso.spectrum());
        double[][] R = fixedIso.bigR(iso.spectrum());

        OrderParameters fixed = spread(Q, R, T, model.L(), sum);
        OrderParameterOde ode = new OrderParameterOde(model, fixed);
        double[] state = ode.pack(fixed);
        double residual = maxAbs(ode.computeDerivatives(0, state)) / (model.eta() * Math.max(maxAbs(state), 1e-300));
        double height = ode.generalisationError(state);
        double rate = escapeRate(model, Q, R, T, mean, sum);
        return new SymmetricPlateau(K, Q, R, T, height, rate, residual);
    }

    /** The plateau of a run from the given initial order parameters: T = Σ_ℓ λ_ℓ t^ℓ of the run. */
    public static SymmetricPlateau of(TwoLayerModel model, OrderParameters init) {
        return of(model, init.bigT(model.spectrum()));
    }

    /** The largest state dimension L·block for which {@link #specialisedDecayRate} forms the full Jacobian. */
    public static final int MAX_JACOBIAN = 600;

    /**
     * The asymptotic rate at which ε_g decays near the specialised fixed point J = B (q^ℓ = r^ℓ = t^ℓ = T/Σλ, the teacher
     * spread evenly; ε_g = 0 and the noise term vanishes there). A displacement decays as Σ c_k e^(μ_k α) v_k over the
     * eigenpairs of the per-eigenspace Jacobian (numerical, central differences; eigenpairs by Hipparchus). In the order
     * parameters ε_g is not purely quadratic: Q − R − Rᵀ + T = E[(J − B)(J − B)ᵀ]-like combinations enter it linearly, so
     * a mode whose eigenvector has a component along ∇ε_g decays in ε_g at its own rate −Re μ, every other mode at twice
     * it. The rate returned is min(min over the first kind of −Re μ, 2·min over all of −Re μ): e.g. 0.008837 for K = 2,
     * L = 1, T = I, η = 0.1 (the two slowest modes at −0.004418, twice that below the fastest-seen linear mode). Over a
     * finite window the measured rate blends the nearby rates. NaN when L·block exceeds {@link #MAX_JACOBIAN}, K ≠ M,
     * not every eigenspace is trained, or the eigenpairs cannot be computed.
     */
    public static double specialisedDecayRate(TwoLayerModel model, double[][] T) {
        int K = model.K();
        int block = K * (K + 1) / 2 + K * model.M();
        if (model.M() != K || (long) block * model.L() > MAX_JACOBIAN || model.trainable() != model.L()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double l : model.spectrum().values()) {
            sum += l;
        }
        OrderParameters p = spread(T, T, T, model.L(), sum);
        OrderParameterOde ode = new OrderParameterOde(model, p);
        double[] y = ode.pack(p);
        double[][] j = jacobian(ode, y);
        double[] grad = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double h = 1e-6 * Math.max(maxAbs(y), 1e-3);
            double[] plus = y.clone();
            double[] minus = y.clone();
            plus[i] += h;
            minus[i] -= h;
            grad[i] = (ode.generalisationError(plus) - ode.generalisationError(minus)) / (2 * h);
        }
        double gradNorm = Math.sqrt(java.util.Arrays.stream(grad).map(g -> g * g).sum());
        double slowest = Double.POSITIVE_INFINITY;
        double linear = Double.POSITIVE_INFINITY;
        try {
            org.hipparchus.linear.EigenDecompositionNonSymmetric ed = new org.hipparchus.linear.EigenDecompositionNonSymmetric(
                    new Array2DRowRealMatrix(j));
            org.hipparchus.complex.Complex[] mu = ed.getEigenvalues();
            for (int k = 0; k < mu.length; k++) {
                double rate = -mu[k].getReal();
                slowest = Math.min(slowest, rate);
                org.hipparchus.linear.FieldVector<org.hipparchus.complex.Complex> v = ed.getEigenvector(k);
                org.hipparchus.complex.Complex dot = org.hipparchus.complex.Complex.ZERO;
                double norm = 0;
                for (int i = 0; i < y.length; i++) {
                    dot = dot.add(v.getEntry(i).multiply(grad[i]));
                    norm += v.getEntry(i).norm() * v.getEntry(i).norm();
                }
                if (dot.norm() > 1e-6 * gradNorm * Math.sqrt(norm)) {
                    linear = Math.min(linear, rate);
                }
            }
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            return Double.NaN;
        }
        return Math.min(linear, 2 * slowest);
    }

    /** The per-eigenspace state q^ℓ = Q/s, r^ℓ = R/s, t^ℓ = T/s in each of L eigenspaces. */
    static OrderParameters spread(double[][] Q, double[][] R, double[][] T, int L, double s) {
        double[][][] q = new double[L][][];
        double[][][] r = new double[L][][];
        double[][][] t = new double[L][][];
        for (int l = 0; l < L; l++) {
            q[l] = scaled(Q, 1 / s);
            r[l] = scaled(R, 1 / s);
            t[l] = scaled(T, 1 / s);
        }
        return new OrderParameters(q, r, t);
    }

    private static double[][] scaled(double[][] a, double f) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] *= f;
            }
        }
        return c;
    }

    private static TwoLayerModel withSpectrum(TwoLayerModel m, double[] lambda) {
        return new TwoLayerModel(m.g(), m.K(), m.M(), new EigenspaceSpectrum(lambda, Double.NaN), m.eta(), m.scaling());
    }

    /** The packed isotropic state from the aggregated columns Q_ik (i ≤ k), R_in of {@link OdeIntegration}. */
    private static double[] fromColumns(double[] cols, int K, double mean) {
        double[] y = new double[cols.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = cols[i] / mean;
        }
        return y;
    }

    /** Newton's method on F(y) = 0 from y, with the central-difference Jacobian; stops when the residual stalls. */
    static double[] newton(OrderParameterOde ode, double[] y) {
        double[] best = y.clone();
        double bestNorm = maxAbs(ode.computeDerivatives(0, best));
        for (int it = 0; it < 12 && bestNorm > 0; it++) {
            RealMatrix j = new Array2DRowRealMatrix(jacobian(ode, best));
            double[] f = ode.computeDerivatives(0, best);
            double[] step;
            try {
                step = new LUDecomposition(j, 1e-300).getSolver().solve(new ArrayRealVector(f)).toArray();
            } catch (org.hipparchus.exception.MathIllegalArgumentException singular) {
                break;
            }
            double[] next = best.clone();
            for (int i = 0; i < next.length; i++) {
                next[i] -= step[i];
            }
            double norm = maxAbs(ode.computeDerivatives(0, next));
            if (!(norm < bestNorm)) {
                break;
            }
            best = next;
            bestNorm = norm;
        }
        return best;
    }

    /** ∂F_i/∂y_j by central differences with step 1e-6·max(1, |y_j|)·scale (F is smooth, so the error is O(h²)). */
    static double[][] jacobian(OrderParameterOde ode, double[] y) {
        int n = y.length;
        double[][] jac = new double[n][n];
        double scale = Math.max(maxAbs(y), 1e-3);
        for (int j = 0; j < n; j++) {
            double h = 1e-6 * Math.max(scale, Math.abs(y[j]));
            double[] plus = y.clone();
            double[] minus = y.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] fp = ode.computeDerivatives(0, plus);
            double[] fm = ode.computeDerivatives(0, minus);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        return jac;
    }

    /** μ_esc by the secular equation (class comment). */
    private static double escapeRate(TwoLayerModel model, double[][] Q, double[][] R, double[][] T, double mean, double sum) {
        int K = model.K();
        int block = K * (K + 1) / 2 + K * K;
        if (block > MAX_BLOCK) {
            return Double.NaN;
        }
        TwoLayerModel two = withSpectrum(model, new double[] {mean, mean});
        OrderParameters p2 = spread(Q, R, T, 2, 2 * mean);
        OrderParameterOde ode2 = new OrderParameterOde(two, p2);
        double[][] j2 = jacobian(ode2, ode2.pack(p2));
        double[][] a = new double[block][block];
        double[][] g = new double[block][block];
        for (int i = 0; i < block; i++) {
            for (int k = 0; k < block; k++) {
                g[i][k] = 2 * j2[i][block + k] / mean;
                a[i][k] = (j2[i][k] - j2[i][block + k]) / mean;
            }
        }
        if (K < 2) {
            return Double.NaN;
        }
        double[][] u = swapAntisymmetric(K);
        a = sandwich(u, a);
        g = sandwich(u, g);
        double[] lambda = model.spectrum().values();
        Secular h = new Secular(a, g, lambda, sum);
        double lambdaMax = 0;
        for (double l : lambda) {
            lambdaMax = Math.max(lambdaMax, l);
        }
        double hi = lambdaMax * (normInf(a) + normInf(g)) * 1.01;
        double lo = 1e-9 * hi;
        if (!(hi > 0) || !Double.isFinite(hi)) {
            return Double.NaN;
        }
        // downward geometric scan for the first local minimum of h that reaches 0: a root of any multiplicity
        int points = (int) Math.ceil(40 * Math.log10(hi / lo)) + 1;
        double[] mu = new double[points + 1];
        double[] hv = new double[points + 1];
        for (int s = 0; s <= points; s++) {
            mu[s] = hi * Math.pow(lo / hi, (double) s / points);
            hv[s] = h.value(mu[s]);
            if (s >= 2 && hv[s - 1] <= hv[s - 2] && hv[s - 1] <= hv[s]) {
                UnivariatePointValuePair best = new BrentOptimizer(1e-13, 1e-300).optimize(new MaxEval(400),
                        new UnivariateObjectiveFunction(h::value), GoalType.MINIMIZE, new SearchInterval(mu[s], mu[s - 2]));
                if (best.getValue() <= 1e-9) {
                    return best.getPoint();
                }
            }
        }
        return Double.NaN;
    }

    /**
     * An orthonormal basis (columns) of the packed states that swapping students 1 and 2 negates: (e_j − e_σ(j))/√2
     * for each pair of coordinates the swap σ exchanges (q_1k ↔ q_2k, q_11 ↔ q_22, r_1n ↔ r_2n).
     */
    static double[][] swapAntisymmetric(int K) {
        int block = K * (K + 1) / 2 + K * K;
        int[] index = new int[K * K];
        int o = 0;
        for (int i = 0; i < K; i++) {
            for (int k = i; k < K; k++) {
                index[i * K + k] = o;
                index[k * K + i] = o++;
            }
        }
        int[] image = new int[block];
        for (int i = 0; i < K; i++) {
            for (int k = i; k < K; k++) {
                image[index[i * K + k]] = index[swap(i) * K + swap(k)];
            }
        }
        for (int i = 0; i < K; i++) {
            for (int m = 0; m < K; m++) {
                image[o + i * K + m] = o + swap(i) * K + m;
            }
        }
        java.util.List<double[]> columns = new java.util.ArrayList<>();
        for (int j = 0; j < block; j++) {
            if (image[j] > j) {
                double[] c = new double[block];
                c[j] = Math.sqrt(0.5);
                c[image[j]] = -Math.sqrt(0.5);
                columns.add(c);
            }
        }
        double[][] u = new double[block][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int j = 0; j < block; j++) {
                u[j][c] = columns.get(c)[j];
            }
        }
        return u;
    }

    private static int swap(int i) {
        return i == 0 ? 1 : i == 1 ? 0 : i;
    }

    /** Uᵀ·M·U. */
    private static double[][] sandwich(double[][] u, double[][] m) {
        RealMatrix um = new Array2DRowRealMatrix(u);
        return um.transpose().multiply(new Array2DRowRealMatrix(m)).multiply(um).getData();
    }

    /**
     * h(μ) = σ_min(I − S(μ)), the smallest singular value, S(μ) = (1/Σλ)·Σ_ℓ λ_ℓ²(μI − λ_ℓA)⁻¹G on the swap-antisymmetric sector, equal eigenvalues
     * λ_ℓ grouped.
     */
    private static final class Secular {
        private final RealMatrix a;
        private final RealMatrix g;
        private final double[] values;
        private final int[] counts;
        private final double sum;

        Secular(double[][] a, double[][] g, double[] lambda, double sum) {
            this.a = new Array2DRowRealMatrix(a);
            this.g = new Array2DRowRealMatrix(g);
            java.util.TreeMap<Double, Integer> groups = new java.util.TreeMap<>();
            for (double l : lambda) {
                groups.merge(l, 1, Integer::sum);
            }
            values = groups.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            counts = groups.values().stream().mapToInt(Integer::intValue).toArray();
            this.sum = sum;
        }

        double value(double mu) {
            int n = a.getRowDimension();
            RealMatrix s = new Array2DRowRealMatrix(n, n);
            for (int k = 0; k < values.length; k++) {
                double l = values[k];
                RealMatrix m = a.scalarMultiply(-l);
                for (int i = 0; i < n; i++) {
                    m.addToEntry(i, i, mu);
                }
                RealMatrix x = new LUDecomposition(m, 1e-300).getSolver().solve(g);
                s = s.add(x.scalarMultiply(counts[k] * l * l / sum));
            }
            RealMatrix d = s.scalarMultiply(-1);
            for (int i = 0; i < n; i++) {
                d.addToEntry(i, i, 1);
            }
            double[] sv = new SingularValueDecomposition(d).getSingularValues();
            return sv[sv.length - 1];
        }
    }

    private static double normInf(double[][] m) {
        double best = 0;
        for (double[] row : m) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
