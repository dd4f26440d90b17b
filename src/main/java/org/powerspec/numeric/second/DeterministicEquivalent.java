package org.powerspec.numeric.second;

import org.powerspec.InvalidInputException;
import org.powerspec.MemoryBudget;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.RandomFeatureModel;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.symbolic.Activation;

/**
 * The deterministic equivalent of the p = 1 spectrum: the limiting spectral distribution of K = (1/d)·WᵀHW
 * (f(y) = y has c_1 = 1, b_1 = 1, so K = (1/d)·G, G = WᵀHW), with W ∈ R^{v×d} of N(0, σ²) entries, predicted from
 * H's eigenvalues alone.
 *
 * <p><b>The fixed point.</b> K is the companion (d×d) of the sample covariance (1/d)·H^{1/2}WWᵀH^{1/2} of d Gaussian
 * vectors with population covariance σ²H. Its Stieltjes transform m(z) = (1/d)·tr(K − z)^{−1} is, for d, v large,
 * the unique solution with Im m > 0 (Im z > 0) of the Silverstein equation (Silverstein &amp; Bai 1995; Bai &amp;
 * Silverstein, Spectral Analysis of Large Dimensional Random Matrices, §4.3)
 * <pre>
 *   z = −1/m + (1/d)·Σ_{i ≤ v} λ_i/(1 + λ_i·m),   λ_i = σ²·i^(−α) (0 beyond a cut-off M).
 * </pre>
 * With M(z) = −z·m(z) this is M + (1/d)·Σ_i λ_i·M/(λ_i·M − z) = 1, the form used for the power-law random-features
 * model by Paquette, Paquette, Xiao, Pennington, arXiv:2405.15074 — whose α is half of ours (their λ_i = i^(−2α)).
 * The limiting density is ρ(x) = Im m(x + i0)/π; it has mass min(1, rank H/d) on (0, ∞) and an atom at 0 for the rest.
 *
 * <p><b>Newton in the complex plane.</b> F(m) = −1/m + (1/d)Σ λ_i/(1 + λ_i m) − z, F′(m) = 1/m² − (1/d)Σ λ_i²/(1 + λ_i m)²,
 * at z = x + iη with η = {@value #ETA}·x, on a grid of x descending from above the support (x_max = 4σ²λ_1(1 + √(v/d))²,
 * where m ≈ −1/z) with {@value #POINTS_PER_DECADE} points per decade down to x_min = 10^−2·σ²·λ_rank (and further while d·ρ(x)·x >
 * {@value #EDGE_MASS}, towards the hard edge at 0 that rank H = d makes, down to 10^−30·σ²λ_1), each solve
 * starting from the previous one (continuation). Steps are damped: a step is halved until it stays in the upper half
 * plane and lowers |F|. <b>Convergence test:</b> |Δm| ≤ {@value #TOLERANCE}·|m| within {@value #MAX_ITERATIONS}
 * iterations. When that fails (entering a new component of the support, or below it, where |F| is at rounding level),
 * the point is solved by homotopy in η: from η = x (where −1/z is a good start) down by factors of 10 to
 * {@value #ETA}·x, each level by Newton or, failing that, by the fixed-point iteration m ← 1/(−z + (1/d)Σ λ_i/(1 + λ_i m))
 * (a contraction of the upper half plane for Im z > 0) to the same test within {@value #FIXED_POINT_ITERATIONS}
 * iterations, polished by Newton. The integrated mass is reported and
 * should equal min(1, rank/d): measured within 2.5·10^−4 (d = 256…2048 at α = 2, v = 4d; α = 1.5 and 3 at
 * d = 1024; v = d), the error of the trapezoid rule at the square-root edges of the separate components that H's
 * largest λ_i make.
 *
 * <p><b>Quantiles.</b> With the counting function N(x) = d·∫_x^∞ ρ (trapezoid rule in log x), λ̂_j is the x with
 * N(x) = j − 1/2 (linear interpolation in log x), j = 1..d; λ̂_j = 0 past the mass (the atom at 0).
 */
public final class DeterministicEquivalent {
    /** η/x: the distance from the real axis at which m is evaluated. */
    public static final double ETA = 1e-8;
    /** Grid points per decade of x. */
    public static final int POINTS_PER_DECADE = 2000;
    /** Relative Newton step at which a solve has converged. */
    public static final double TOLERANCE = 1e-13;
    /** Newton iterations allowed per solve. */
    public static final int MAX_ITERATIONS = 200;
    /** Below x_min the grid goes on while d·ρ(x)·x, the eigenvalues per unit of log x there, exceeds this. */
    public static final double EDGE_MASS = 1e-3;
    /** …but not below this times σ²λ_1. */
    public static final double X_FLOOR = 1e-30;
    /** Fixed-point iterations allowed when Newton fails. */
    public static final int FIXED_POINT_ITERATIONS = 20_000;

    private DeterministicEquivalent() {
    }

    /**
     * The parameters: the model (α, v, the cut-off, σ², and f(y) = y) at d features.
     *
     * @param model the random-feature model, with f(y) = y
     * @param d     features
     */
    public record Spec(RandomFeatureModel model, int d) {
        public Spec {
            requireLinear(model.activation());
            SpectrumSpec.checkD(d);
            requireMemory(model.covariance().rank());
        }

        /**
         * The equivalent of α, v, the cut-off M (or {@link PowerLawCovariance#NO_CUTOFF}) and σ² at d features. Errors
         * name d first, then H's parameters, the memory H's eigenvalues need, and σ².
         */
        public Spec(double alpha, int d, int v, int cutoff, double wVariance) {
            this(model(alpha, d, v, cutoff, wVariance), d);
        }

        /** The model with f(y) = y, checked in the order the errors have always come in. */
        private static RandomFeatureModel model(double alpha, int d, int v, int cutoff, double wVariance) {
            SpectrumSpec.checkD(d);
            requireMemory(new PowerLawCovariance(alpha, v, cutoff).rank());
            return new RandomFeatureModel(alpha, Activation.monomial(1), v, cutoff, wVariance);
        }

        /** The solver holds H's rank eigenvalues and sweeps them at every Newton step. */
        private static void requireMemory(int rank) {
            MemoryBudget.require(8L * rank, "the deterministic equivalent at rank H = " + rank);
        }

        /** The equivalent of a p = 1 spectrum's parameters (its model; centring changes nothing for p = 1). */
        public static Spec of(SpectrumSpec s) {
            return new Spec(s.model(), s.d());
        }

        public double alpha() {
            return model.alpha();
        }

        public int v() {
            return model.v();
        }

        public int cutoff() {
            return model.cutoff();
        }

        public double wVariance() {
            return model.wVariance();
        }

        public String describe() {
            return "alpha = " + alpha() + ", f(y) = y^1, d = " + d + ", v = " + v()
                    + (cutoff() == PowerLawCovariance.NO_CUTOFF ? "" : ", cutoff = " + cutoff()) + ", w_variance = "
                    + wVariance();
        }
    }

    /**
     * The prediction.
     *
     * @param spec          the parameters
     * @param quantiles     λ̂_1 ≥ … ≥ λ̂_d
     * @param mass          ∫ρ over the grid
     * @param expectedMass  min(1, rank H/d)
     * @param gridPoints    how many x were solved for
     * @param homotopies    how many of them needed the η-homotopy
     */
    public record Result(Spec spec, double[] quantiles, double mass, double expectedMass, int gridPoints, int homotopies) {
        public Result {
            quantiles = quantiles.clone();
        }

        /** λ̂_j, 1-based. */
        public double quantile(int j) {
            return quantiles[j - 1];
        }
    }

    /** Refuses any f but f(y) = y: the equivalent is stated for K = (1/d)·WᵀHW. */
    public static void requireLinear(Activation f) {
        if (!(f.monomial() && f.degree() == 1)) {
            throw new InvalidInputException("the deterministic equivalent needs f(y) = y (p = 1), not " + f.label());
        }
    }

    /** λ̂_1, …, λ̂_d for a p = 1 spectrum's parameters (f(y) = y; centring changes nothing for p = 1). */
    public static double[] rate(SpectrumSpec s) {
        requireLinear(s.activation());
        return compute(Spec.of(s)).quantiles();
    }

    /** Solves the fixed point along the grid and returns the quantiles. */
    public static Result compute(Spec spec) {
        PowerLawCovariance h = spec.model().covariance();
        int rank = h.rank();
        double[] lambda = new double[rank];
        for (int i = 0; i < rank; i++) {
            lambda[i] = spec.wVariance() * h.eigenvalue(i + 1);
        }
        int d = spec.d();
        double xMax = 4 * lambda[0] * Math.pow(1 + Math.sqrt((double) rank / d), 2);
        double xMin = 1e-2 * lambda[rank - 1];
        double xFloor = X_FLOOR * lambda[0];
        double expected = Math.min(1.0, (double) rank / d);
        double uMax = Math.log(xMax);
        double du = -Math.log(10) / POINTS_PER_DECADE;
        int capacity = (int) Math.ceil(POINTS_PER_DECADE * Math.log10(xMax / xMin)) + 1;
        double[] u = new double[capacity];
        double[] counted = new double[capacity];
        Solver solver = new Solver(lambda, d);
        double mr = -1 / xMax;
        double mi = ETA / xMax;
        int homotopies = 0;
        double previous = 0;
        int n = 0;
        // down to x_min, and on towards a hard edge at 0 (as when v = d) while the density still carries mass there
        while (true) {
            double ut = uMax + n * du;
            double x = Math.exp(ut);
            if (x < xMin && (previous * d <= EDGE_MASS || x < xFloor)) {
                break;
            }
            if (!solver.solve(x, ETA * x, mr, mi)) {
                homotopies++;
                solver.homotopy(x);
            }
            mr = solver.re;
            mi = solver.im;
            double g = mi / Math.PI * x; // ρ(x)·dx/du
            if (n == capacity) {
                capacity *= 2;
                u = java.util.Arrays.copyOf(u, capacity);
                counted = java.util.Arrays.copyOf(counted, capacity);
            }
            u[n] = ut;
            counted[n] = n == 0 ? 0 : counted[n - 1] + 0.5 * (g + previous) * (-du) * d;
            previous = g;
            n++;
        }
        double[] q = new double[d];
        int t = 0;
        for (int j = 1; j <= d; j++) {
            double target = j - 0.5;
            while (t < n - 1 && counted[t + 1] < target) {
                t++;
            }
            if (t == n - 1) {
                q[j - 1] = 0;
                continue;
            }
            double f = (target - counted[t]) / (counted[t + 1] - counted[t]);
            q[j - 1] = Math.exp(u[t] + f * (u[t + 1] - u[t]));
        }
        return new Result(spec, q, counted[n - 1] / d, expected, n, homotopies);
    }

    /** Damped Newton for F(m) = 0 at one z; the root is left in (re, im). */
    private static final class Solver {
        final double[] lambda;
        final double invD;
        double re;
        double im;
        // F and F′ at the last evaluation
        double fr;
        double fi;
        double dr;
        double di;

        Solver(double[] lambda, int d) {
            this.lambda = lambda;
            this.invD = 1.0 / d;
        }

        void evaluate(double mr, double mi, double zr, double zi) {
            double s1r = 0;
            double s1i = 0;
            double s2r = 0;
            double s2i = 0;
            for (int i = lambda.length - 1; i >= 0; i--) {
                double l = lambda[i];
                double a = 1 + l * mr;
                double b = l * mi;
                double inv = 1 / (a * a + b * b);
                double tr = l * a * inv; // λ/(1 + λm)
                double ti = -l * b * inv;
                s1r += tr;
                s1i += ti;
                s2r += tr * tr - ti * ti;
                s2i += 2 * tr * ti;
            }
            double inv = 1 / (mr * mr + mi * mi);
            double ir = mr * inv; // 1/m
            double ii = -mi * inv;
            fr = -ir + invD * s1r - zr;
            fi = -ii + invD * s1i - zi;
            dr = ir * ir - ii * ii - invD * s2r;
            di = 2 * ir * ii - invD * s2i;
        }

        /** Newton from (mr, mi) at z = x + iη; true when the convergence test is met. */
        boolean solve(double x, double eta, double mr, double mi) {
            evaluate(mr, mi, x, eta);
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                double den = 1 / (dr * dr + di * di);
                double sr = (fr * dr + fi * di) * den; // F/F′
                double si = (fi * dr - fr * di) * den;
                double f0 = Math.hypot(fr, fi);
                double scale = Math.hypot(mr, mi);
                boolean accepted = false;
                double nr = mr;
                double ni = mi;
                for (int halvings = 0; halvings < 60; halvings++) {
                    nr = mr - sr;
                    ni = mi - si;
                    if (ni > 0) {
                        evaluate(nr, ni, x, eta);
                        if (Math.hypot(fr, fi) < f0 || Math.hypot(sr, si) <= 0.1 * TOLERANCE * scale) {
                            accepted = true;
                            break;
                        }
                    }
                    sr /= 2;
                    si /= 2;
                }
                if (!accepted) {
                    return false;
                }
                mr = nr;
                mi = ni;
                if (Math.hypot(sr, si) <= TOLERANCE * Math.hypot(mr, mi)) {
                    re = mr;
                    im = mi;
                    return true;
                }
            }
            return false;
        }

        /**
         * The fixed-point iteration m ← 1/(−z + (1/d)Σ λ_i/(1 + λ_i m)), a contraction of the upper half plane for
         * Im z > 0 (slow as η → 0, but it needs no derivative and never leaves the half plane); true when the relative
         * change falls below {@value #TOLERANCE}.
         */
        boolean iterate(double x, double eta, double mr, double mi, int maxIterations) {
            for (int it = 0; it < maxIterations; it++) {
                evaluate(mr, mi, x, eta);
                // F = −1/m + S − z, so −z + S = F + 1/m
                double inv = 1 / (mr * mr + mi * mi);
                double ar = fr + mr * inv;
                double ai = fi - mi * inv;
                double den = 1 / (ar * ar + ai * ai);
                double nr = ar * den;
                double ni = -ai * den;
                double change = Math.hypot(nr - mr, ni - mi);
                mr = nr;
                mi = ni;
                if (change <= TOLERANCE * Math.hypot(mr, mi)) {
                    re = mr;
                    im = mi;
                    return true;
                }
            }
            re = mr;
            im = mi;
            return false;
        }

        /** Newton from (mr, mi); failing that, the fixed-point iteration, then Newton again from where it got to. */
        boolean solveRobustly(double x, double eta, double mr, double mi) {
            if (solve(x, eta, mr, mi)) {
                return true;
            }
            boolean fixed = iterate(x, eta, mr, mi, FIXED_POINT_ITERATIONS);
            double gr = re;
            double gi = im;
            if (solve(x, eta, gr, gi)) {
                return true;
            }
            re = gr;
            im = gi;
            return fixed;
        }

        /** From η = x, where m ≈ −1/z, down by factors of 10 to η = ETA·x, each level solved robustly. */
        void homotopy(double x) {
            double eta = x;
            double den = 1 / (x * x + eta * eta);
            double mr = -x * den;
            double mi = eta * den;
            double target = ETA * x;
            while (true) {
                if (!solveRobustly(x, eta, mr, mi)) {
                    throw new IllegalStateException("the fixed point did not converge at x = " + x + ", eta = " + eta);
                }
                mr = re;
                mi = im;
                if (eta <= target) {
                    return;
                }
                eta = Math.max(eta / 10, target);
            }
        }
    }
}
