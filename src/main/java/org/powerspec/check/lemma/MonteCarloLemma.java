package org.powerspec.check.lemma;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.random.Well19937c;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Lemma;
import org.powerspec.check.core.Statement;
import org.powerspec.check.core.Verdict;
import org.powerspec.numeric.KernelTerms;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.RandomFeatureKernel;
import org.powerspec.numeric.SeededGaussianSketch;
import org.powerspec.numeric.linalg.DenseLinearAlgebra;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ChaosExpansion;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;
import org.powerspec.symbolic.Polynomial;

/**
 * The lemma that ties the closed form to the definition: for a small sketch W, the closed-form
 * K = (1/d)·E[f(u)f(v)]|_{G = WᵀHW} must equal the empirical second moment (1/d)·(1/n)·Σ_i f(Wᵀx_i) f(Wᵀx_i)ᵀ of
 * features of n sampled inputs x_i ~ N(0, H), entry by entry within the Monte Carlo error bar.
 *
 * <p>For each of the m = d(d+1)/2 entries, z_ab = (K̂_ab − K_ab)/se_ab with se_ab the sample standard error; the
 * closed form passes when max |z_ab| ≤ z*, z* = Φ^(−1)(1 − 0.001/(2m)) (Bonferroni: a true closed form fails with
 * probability below 0.1 %). The negative control repeats the test with a deliberately wrong kernel — the chaos
 * coefficient c_k with the largest kernel weight b_k = k!·c_k² multiplied by 1.1 — which must fail. The lemma HOLDS when every closed form passes and every control
 * fails.
 */
public final class MonteCarloLemma {
    /** Family-wise probability that a correct closed form is rejected by chance. */
    public static final double FAMILY_ERROR = 1e-3;

    /** The factor applied to the dominant c_k in the negative control. */
    public static final double CONTROL_FACTOR = 1.1;

    /** Parameters: α, the sketch (seed, v, d) and the sample count n. */
    public record Setup(double alpha, int d, int v, long seed, int samples) {
        public static final int DEFAULT_ALPHA = 2;
        public static final int DEFAULT_D = 8;
        public static final int DEFAULT_V = 32;
        public static final long DEFAULT_SEED = 1;
        public static final int DEFAULT_SAMPLES = 200_000;
        /** The default: alpha = 2, d = 8, v = 32, seed 1, 200000 samples. */
        public static final Setup DEFAULT = new Setup(DEFAULT_ALPHA, DEFAULT_D, DEFAULT_V, DEFAULT_SEED, DEFAULT_SAMPLES);
    }

    /** The default activations: f = y, y^2, y^3, y^4. */
    public static final List<Activation> DEFAULT_ACTIVATIONS = List.of(Activation.monomial(1), Activation.monomial(2),
            Activation.monomial(3), Activation.monomial(4));

    /** One comparison: the largest |z| over all entries against the threshold, and where it occurred. */
    public record Comparison(String kernel, boolean control, double maxAbsZ, int a, int b, double threshold, boolean pass) {
        /** The comparison's verdict on its own: a control "passes" as a lemma check when it is rejected. */
        public boolean asExpected() {
            return control != pass;
        }
    }

    /** Both comparisons for one activation. */
    public record Row(Activation activation, Comparison closedForm, Comparison control) {
        public boolean holds() {
            return closedForm.asExpected() && control.asExpected();
        }
    }

    private MonteCarloLemma() {
    }

    public static List<Row> check(Setup setup, List<Activation> activations) {
        List<Row> rows = new ArrayList<>();
        for (Activation f : activations) {
            ChaosExpansion e = HermiteChaos.expand(f);
            int k = dominantLevel(e);
            ChaosExpansion wrong = e.withCoefficient(k, e.coefficient(k).multiply(new BigFraction(11, 10)));
            double[][] moments = sample(setup, f.polynomial());
            rows.add(new Row(f, compare(setup, e, moments, "closed form", false),
                    compare(setup, wrong, moments, "control: c_" + k + " x " + CONTROL_FACTOR, true)));
        }
        return rows;
    }

    /** The level k with the largest kernel weight b_k: the coefficient whose error shows most in K. */
    static int dominantLevel(ChaosExpansion e) {
        int best = e.degree();
        for (int k = 0; k <= e.degree(); k++) {
            if (e.kernelCoefficient(k).compareTo(e.kernelCoefficient(best)) > 0) {
                best = k;
            }
        }
        return best;
    }

    /** The closed-form K for the setup's W. */
    static double[] closedForm(Setup setup, ChaosExpansion e) {
        int d = setup.d();
        PowerLawCovariance h = new PowerLawCovariance(setup.alpha(), setup.v());
        double[] w = sketch(setup);
        double[] z = new double[w.length];
        for (int j = 0; j < setup.v(); j++) {
            double s = Math.sqrt(h.eigenvalue(j + 1));
            for (int a = 0; a < d; a++) {
                z[j * d + a] = s * w[j * d + a];
            }
        }
        double[] g;
        try (DenseLinearAlgebra.GramAccumulator acc = DenseLinearAlgebra.best().gram(d)) {
            acc.add(z, setup.v());
            g = acc.result();
        }
        RandomFeatureKernel.buildInPlace(g, d, KernelTerms.of(KernelPolynomial.of(e), false));
        return g;
    }

    private static double[] sketch(Setup setup) {
        double[] w = new double[setup.v() * setup.d()];
        new SeededGaussianSketch(setup.seed(), setup.v(), setup.d(), 1.0).fill(0, setup.v(), w);
        return w;
    }

    /** Means and variances of (1/d)·φ_aφ_b over n samples: [0] = mean, [1] = variance of one sample, row-major. */
    static double[][] sample(Setup setup, Polynomial f) {
        int d = setup.d();
        int v = setup.v();
        double[] w = sketch(setup);
        double[] coef = new double[f.degree() + 1];
        for (int i = 0; i <= f.degree(); i++) {
            coef[i] = f.coefficient(i).doubleValue();
        }
        PowerLawCovariance h = new PowerLawCovariance(setup.alpha(), v);
        double[] sqrtLambda = new double[v];
        for (int j = 0; j < v; j++) {
            sqrtLambda[j] = Math.sqrt(h.eigenvalue(j + 1));
        }
        Well19937c rng = new Well19937c(new int[] {(int) (setup.seed() >>> 32), (int) setup.seed(), -1});
        double[] sum = new double[d * d];
        double[] sumSq = new double[d * d];
        double[] x = new double[v];
        double[] phi = new double[d];
        for (int i = 0; i < setup.samples(); i++) {
            for (int j = 0; j < v; j++) {
                x[j] = sqrtLambda[j] * rng.nextGaussian();
            }
            for (int a = 0; a < d; a++) {
                double u = 0;
                for (int j = 0; j < v; j++) {
                    u += w[j * d + a] * x[j];
                }
                double y = 0;
                for (int k = coef.length - 1; k >= 0; k--) {
                    y = y * u + coef[k];
                }
                phi[a] = y;
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    double q = phi[a] * phi[b] / d;
                    sum[a * d + b] += q;
                    sumSq[a * d + b] += q * q;
                }
            }
        }
        int n = setup.samples();
        double[] mean = new double[d * d];
        double[] var = new double[d * d];
        for (int k = 0; k < d * d; k++) {
            mean[k] = sum[k] / n;
            var[k] = Math.max(0, sumSq[k] / n - mean[k] * mean[k]) * n / (n - 1.0);
        }
        return new double[][] {mean, var};
    }

    private static Comparison compare(Setup setup, ChaosExpansion e, double[][] moments, String name, boolean control) {
        int d = setup.d();
        double[] k = closedForm(setup, e);
        int m = d * (d + 1) / 2;
        double threshold = new NormalDistribution().inverseCumulativeProbability(1 - FAMILY_ERROR / (2.0 * m));
        double worst = -1;
        int wa = 0;
        int wb = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double se = Math.sqrt(moments[1][a * d + b] / setup.samples());
                double z = Math.abs(moments[0][a * d + b] - k[a * d + b]) / se;
                if (z > worst) {
                    worst = z;
                    wa = a;
                    wb = b;
                }
            }
        }
        return new Comparison(name, control, worst, wa + 1, wb + 1, threshold, worst <= threshold);
    }

    /** HOLDS when every row (claim or control) is as expected, else FAILS. */
    public static Verdict verdict(List<Row> rows) {
        return rows.stream().allMatch(Row::holds) ? Verdict.HOLDS : Verdict.FAILS;
    }

    /** The rows of one run of the lemma, with its setup. */
    public record Result(Setup setup, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** The lemma as a statement: {@code activations} at {@code setup}, its key figures {@code figures}. */
    public static Statement statement(Setup setup, List<Activation> activations, String figures) {
        return new Lemma<Result>("closed-form-vs-monte-carlo", figures) {
            @Override
            protected Result compute(Context context) {
                return new Result(setup, check(setup, activations));
            }

            @Override
            protected Verdict verdict(Result r) {
                return MonteCarloLemma.verdict(r.rows());
            }
        };
    }
}
