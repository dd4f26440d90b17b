package org.powerspec.check.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.powerspec.LineFit;
import org.powerspec.Progress;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.ErfIntegrals;
import org.powerspec.dynamics.FiniteSizeComparison;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OrderParameterOde;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.Plateau;
import org.powerspec.dynamics.PlateauStudy;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;

/**
 * Checkable statements about the two-layer dynamics, each with a negative control that must be rejected. A lemma
 * HOLDS when every claim row passes and every control row fails.
 * <ul>
 * <li>{@code erf-integrals}: the closed forms I2, E[g′g′], E[g″g], I4 (Saad &amp; Solla 1995) equal Monte Carlo means
 *     within 5 standard errors; control: I4 with C34 scaled by 1.3.</li>
 * <li>{@code fixed-point}: at Q = 1/(2K−1), R = 1/√(K(2K−1)), T = I the O(η) drift vanishes in every eigenspace and
 *     ε_g equals the published 0.011611, 0.020297, 0.036226 (K = 2, 3, 5); control: Q = 1/(2K) drifts.</li>
 * <li>{@code linear-closed-form}: the closed form (secular-equation eigendecomposition) equals the ODE to 1e-8·ε_g(0); control: η × 1.02.</li>
 * <li>{@code power-law}: for g(x) = x, λ_ℓ ∝ ℓ^(−(1+β)), ε_g ∼ α^(−γ) with γ = β/(1+β) (Worschech &amp; Rosenow)
 *     between 10/(2κηλ_1) and 0.1^((1+β)/β)/(2κηλ_L) (beyond it the cutoff at L corrects ε_g by more than 10%),
 *     fitted within ±0.05 at L = 512 for β = 1, 2 (β = 0.5 would need L ≳ 10⁴); control: γ = β.</li>
 * <li>{@code trainable-floor}: with L = N and the top N_l eigenspaces trained, ε_g(∞) ∝ N_l^(−β), fitted within ±0.1;
 *     control: exponent β + 0.5.</li>
 * <li>{@code plateau-vs-L}: the erf plateau (K = M = 2, Fig. 1 settings) is shorter at L = 16 than at L = 1 by more
 *     than half; control: measured against a height 30% off, no plateau is found.</li>
 * <li>{@code finite-size}: max |ε_g^SGD − ε_g^ODE| shrinks strictly over N = 500, 2000, 8000; control: the ODE at
 *     1.5η stays ≥ 3× further from the N = 8000 simulation.</li>
 * </ul>
 */
public final class DynamicsLemmas {
    /** The lemmas' names, in the order {@code all} runs them. */
    public static final List<String> NAMES = List.of("erf-integrals", "fixed-point", "linear-closed-form", "power-law",
            "trainable-floor", "plateau-vs-L", "finite-size");

    /**
     * @param lemma   lemma name
     * @param item    what this row checks
     * @param control true for a negative control (it must fail)
     * @param pass    whether the statement of this row is true
     * @param detail  the numbers behind it
     */
    public record Row(String lemma, String item, boolean control, boolean pass, String detail) {
        /** A claim row is fine when it passes, a control row when it fails. */
        public boolean asExpected() {
            return control != pass;
        }
    }

    private DynamicsLemmas() {
    }

    /** A lemma (or a set of them) holds when every claim row passes and every control row fails. */
    public static boolean holds(List<Row> rows) {
        return rows.stream().allMatch(Row::asExpected);
    }

    public static List<Row> run(String name, Progress progress) {
        // no fraction is known inside a lemma: NaN says "running" (a progress line then gives the elapsed time only)
        progress.update("lemma " + name, Double.NaN);
        return switch (name) {
            case "erf-integrals" -> erfIntegrals();
            case "fixed-point" -> fixedPoint();
            case "linear-closed-form" -> linearClosedForm();
            case "power-law" -> powerLaw();
            case "trainable-floor" -> trainableFloor();
            case "plateau-vs-L" -> plateauVersusL();
            case "finite-size" -> finiteSize();
            default -> throw new org.powerspec.InvalidInputException("lemma '" + name + "' is not known: allowed are "
                    + String.join(", ", NAMES) + ", all");
        };
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static List<Row> erfIntegrals() {
        double[][] c = {{0.9, 0.3, -0.2, 0.4}, {0.3, 0.7, 0.1, 0.25}, {-0.2, 0.1, 1.1, 0.35}, {0.4, 0.25, 0.35, 0.8}};
        double[][] l = new org.hipparchus.linear.CholeskyDecomposition(org.hipparchus.linear.MatrixUtils.createRealMatrix(c)).getL().getData();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(new long[] {5, 5}));
        Nonlinearity g = Nonlinearity.ERF;
        int samples = 1_000_000;
        double[][] acc = new double[4][2];
        double[] u = new double[4];
        double[] e = new double[4];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < 4; i++) {
                e[i] = z.sample();
            }
            for (int i = 0; i < 4; i++) {
                u[i] = 0;
                for (int j = 0; j <= i; j++) {
                    u[i] += l[i][j] * e[j];
                }
            }
            double[] v = {g.value(u[0]) * g.value(u[1]), g.derivative(u[0]) * g.derivative(u[1]),
                -u[0] * g.derivative(u[0]) * g.value(u[1]),
                g.derivative(u[0]) * g.derivative(u[1]) * g.value(u[2]) * g.value(u[3])};
            for (int k = 0; k < 4; k++) {
                acc[k][0] += v[k];
                acc[k][1] += v[k] * v[k];
            }
        }
        double[] closed = {ErfIntegrals.i2(c[0][0], c[1][1], c[0][1]), ErfIntegrals.derivDeriv(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], c[2][3])};
        double control = ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], 1.3 * c[2][3]);
        String[] names = {"I2 = E[g(u)g(v)]", "E[g'(u)g'(v)]", "E[g''(u)g(v)]", "I4 = E[g'g'gg]"};
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            int m = Math.min(k, 3);
            double mean = acc[m][0] / samples;
            double se = Math.sqrt((acc[m][1] / samples - mean * mean) / samples);
            double value = k < 4 ? closed[k] : control;
            boolean ok = Math.abs(value - mean) < 5 * se;
            rows.add(new Row("erf-integrals", k < 4 ? names[k] : "control: I4 with C34 x 1.3", k == 4, ok,
                    f("closed %.7f, Monte Carlo %.7f +- %.1e (n = %d)", value, mean, se, samples)));
        }
        rows.addAll(erfPrice(c));
        return rows;
    }

    // Saad & Solla's closed forms in Symja syntax, written afresh from the formulas (not from the Java code)
    private static final String I2 = "(2/Pi*ArcSin[C12/Sqrt[(1+C11)*(1+C22)]])";
    private static final String GG = "(2/Pi/Sqrt[(1+C11)*(1+C22)-C12^2])";
    private static final String G2G = "(-2/Pi*C12/((1+C11)*Sqrt[(1+C11)*(1+C22)-C12^2]))";
    private static final String L4 = "((1+C11)*(1+C22)-C12^2)";
    private static final String L0 = "(" + L4 + "*C34-C23*C24*(1+C11)-C13*C14*(1+C22)+C12*C13*C24+C12*C14*C23)";
    private static final String L1 = "(" + L4 + "*(1+C33)-C23^2*(1+C11)-C13^2*(1+C22)+2*C12*C13*C23)";
    private static final String L2 = "(" + L4 + "*(1+C44)-C24^2*(1+C11)-C14^2*(1+C22)+2*C12*C14*C24)";
    private static final String I4 = "(4/Pi^2/Sqrt[" + L4 + "]*ArcSin[" + L0 + "/Sqrt[" + L1 + "*" + L2 + "]])";
    // the covariance is substituted (at POINT) before the determinant: Symja's symbolic 4 x 4 determinant is slow
    private static final String DET = "Det[IdentityMatrix[4]+({{C11,C12,C13,C14},{C12,C22,C23,C24},{C13,C23,C33,C34},"
            + "{C14,C24,C34,C44}}/.POINT)]";

    /**
     * Price's theorem, exactly: for zero-mean Gaussian fields with covariance C, ∂E[f]/∂C_ij = E[∂²f/∂x_i∂x_j] (i ≠ j)
     * and ∂E[f]/∂C_ii = ½E[∂²f/∂x_i²]; and E[Π_i g′(x_i)] = (2/π)^(n/2)/√det(I + C) (a Gaussian integral, since
     * g′(x) = √(2/π) e^(−x²/2)). Symja differentiates the closed forms symbolically and the identities are evaluated
     * at 30 digits at two covariances: ∂I2/∂C12 = E[g′g′], ∂I2/∂C11 = ½E[g″g], ∂I4/∂C34 = (4/π²)/√det(I + C); I2 = 0
     * at C12 = 0 and I4 = E[g′g′]·I2 when the pairs are uncorrelated fix the integration constants the first
     * identities leave. Then the Java formulas equal the Symja ones to rounding. Control: Λ0 without its last term.
     */
    static List<Row> erfPrice(double[][] c) {
        org.powerspec.symbolic.SymjaEngine symja = org.powerspec.symbolic.SymjaEngine.get();
        String[] points = {
            "{C11->9/10,C22->7/10,C33->11/10,C44->4/5,C12->3/10,C13->-1/5,C14->2/5,C23->1/10,C24->1/4,C34->7/20}",
            "{C11->2,C22->1/3,C33->5/4,C44->3,C12->1/2,C13->1/3,C14->-3/5,C23->-1/7,C24->1/5,C34->-6/5}"};
        String broken = I4.replace("+C12*C14*C23)", ")");
        // {item, left side, right side, variable differentiated (or empty)}; the other entries are substituted
        // first, so Symja differentiates a function of one variable
        String[][] identities = {
            {"Price: dI2/dC12 = E[g'g']", I2, GG, "C12"},
            {"Price: dI2/dC11 = E[g''g]/2", I2, G2G + "/2", "C11"},
            {"Price: dI4/dC34 = (4/pi^2)/sqrt det(I+C)", I4, "4/Pi^2/Sqrt[" + DET + "]", "C34"},
            {"I4 = E[g'g'] I2 for uncorrelated pairs", I4 + "/.{C13->0,C14->0,C23->0,C24->0}",
                GG + "*" + I2.replace("C11", "C33").replace("C22", "C44").replace("C12", "C34"), ""},
            {"control: dI4/dC34 with Lambda0 missing C12 C14 C23", broken, "4/Pi^2/Sqrt[" + DET + "]", "C34"}};
        List<Row> rows = new ArrayList<>();
        for (String[] id : identities) {
            double worst = 0;
            for (String point : points) {
                String left = "((" + id[1] + ")/." + point + ")";
                if (!id[3].isEmpty()) {
                    String others = point.replaceAll(id[3] + "->[^,}]+,?", "").replace(",}", "}");
                    String at = point.replaceAll(".*" + id[3] + "->([^,}]+).*", "$1");
                    left = "(D[(" + id[1] + ")/." + others + "," + id[3] + "]/." + id[3] + "->" + at + ")";
                }
                String right = "((" + id[2].replace("POINT", point) + ")/." + point + ")";
                String value = symja.eval("N[Abs[" + left + "-" + right + "],30]").toString();
                worst = Math.max(worst, Math.abs(Double.parseDouble(value.replace("*10^", "E"))));
            }
            boolean control = id[0].startsWith("control");
            rows.add(new Row("erf-integrals", id[0], control, worst < 1e-25,
                    f("|difference| <= %.1e at two covariances (Symja: exact derivative, 30 digits)", worst)));
        }
        double gap = 0;
        String point = "{C11->" + c[0][0] + ",C22->" + c[1][1] + ",C33->" + c[2][2] + ",C44->" + c[3][3] + ",C12->" + c[0][1]
                + ",C13->" + c[0][2] + ",C14->" + c[0][3] + ",C23->" + c[1][2] + ",C24->" + c[1][3] + ",C34->" + c[2][3] + "}";
        double[] java = {ErfIntegrals.i2(c[0][0], c[1][1], c[0][1]), ErfIntegrals.derivDeriv(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], c[2][3])};
        String[] exprs = {I2, GG, G2G, I4};
        for (int k = 0; k < 4; k++) {
            double v = symja.eval("N[" + exprs[k] + "/." + point + "]").evalf();
            gap = Math.max(gap, Math.abs(java[k] - v) / Math.abs(v));
        }
        rows.add(new Row("erf-integrals", "the Java closed forms = the Symja ones", false, gap < 1e-13,
                f("largest relative difference %.1e (I2, E[g'g'], E[g''g], I4)", gap)));
        return rows;
    }

    static List<Row> fixedPoint() {
        List<Row> rows = new ArrayList<>();
        double[] published = {0, 0, 0.011611, 0.020297, 0, 0.036226};
        for (int K : new int[] {2, 3, 5}) {
            double eta = 1e-9;
            TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, K, K, EigenspaceSpectrum.powerLaw(8, 1), eta, OutputScaling.NONE);
            for (boolean control : new boolean[] {false, true}) {
                double q = control ? 1.0 / (2 * K) : 1.0 / (2 * K - 1);
                OrderParameters p = OrderParameters.symmetric(K, q, 1 / Math.sqrt(K * (2.0 * K - 1)), 8);
                OrderParameterOde ode = new OrderParameterOde(m, p);
                double[] y = ode.pack(p);
                double drift = Arrays.stream(ode.computeDerivatives(0, y)).map(Math::abs).max().orElse(0) / eta;
                double eg = ode.generalisationError(y);
                boolean ok = drift < 1e-7 && Math.abs(eg - published[K]) < 5e-7;
                rows.add(new Row("fixed-point", (control ? "control: Q = 1/(2K), " : "") + "K = " + K + ", L = 8", control, ok,
                        f("max |dq/dalpha|/eta = %.1e, eps_g = %.7f (published %.6f)", drift, eg, published[K])));
            }
        }
        return rows;
    }

    static List<Row> linearClosedForm() {
        List<Row> rows = new ArrayList<>();
        int L = 32;
        Weights w = Weights.draw(2, 2, 32 * L, L, 0.5, 1, 8);
        OrderParameters p = w.orderParameters();
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 2, 2, EigenspaceSpectrum.powerLaw(L, 0.75), 0.05, OutputScaling.NONE);
        double[] times = OdeIntegration.logTimes(300, 10);
        LearningCurve ode = OdeIntegration.integrate(m, p, times, new Tolerances(1e-16, 1e-12), false, Progress.NONE);
        for (boolean control : new boolean[] {false, true}) {
            LearningCurve cf = new LinearClosedForm(control ? m.withEta(0.051) : m, p).curve(times);
            double gap = ode.maxGap(cf) / cf.eg()[0];
            rows.add(new Row("linear-closed-form", control ? "control: closed form at eta x 1.02" : "K = M = 2, L = 32, beta = 0.75, eta = 0.05",
                    control, gap < 1e-8, f("max |ODE - closed form| / eps_g(0) = %.1e over alpha <= 300 (rel-tol 1e-12)", gap)));
        }
        return rows;
    }

    /** The fitted exponent of ε_g ∼ α^(−γ) for the linear closed form, over the window of the paper's statement. */
    public static double[] linearPowerLawFit(int L, double beta, double eta) {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, EigenspaceSpectrum.powerLaw(L, beta), eta, OutputScaling.NONE);
        OrderParameters p = OrderParameters.symmetric(1, 0, 0, L);
        LinearClosedForm cf = new LinearClosedForm(m, p);
        // below lo the first eigenspace has not converged; above hi the finite-L cutoff, a relative correction
        // (l*/L)^beta with l* the eigenspace being learnt at alpha, exceeds 0.1
        double lo = 10 / (2 * eta * m.spectrum().get(0));
        double hi = Math.pow(0.1, (1 + beta) / beta) / (2 * eta * m.spectrum().get(L - 1));
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = lo * Math.pow(hi / lo, i / (n - 1.0));
            x[i] = Math.log(a);
            y[i] = Math.log(cf.eg(a));
        }
        return new double[] {-LineFit.of(x, y).slope(), lo, hi};
    }

    static List<Row> powerLaw() {
        List<Row> rows = new ArrayList<>();
        for (double beta : new double[] {1, 2}) {
            double[] fit = linearPowerLawFit(512, beta, 0.01);
            double gamma = beta / (1 + beta);
            for (boolean control : new boolean[] {false, true}) {
                double claimed = control ? beta : gamma;
                rows.add(new Row("power-law", (control ? "control: gamma = beta, " : "gamma = beta/(1+beta), ") + "beta = " + beta,
                        control, Math.abs(fit[0] - claimed) < 0.05,
                        f("fitted %.4f vs %.4f over alpha in [%.3g, %.3g] (L = 512, eta = 0.01, K = M = 1)", fit[0], claimed, fit[1], fit[2])));
            }
        }
        return rows;
    }

    /** ε_g(∞) for the top {@code nl} of L = N eigenspaces trained, from the mean initial state t^ℓ = 1/L. */
    public static double trainableFloor(int L, double beta, double eta, int nl) {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, EigenspaceSpectrum.powerLaw(L, beta), eta, OutputScaling.NONE, nl);
        return new LinearClosedForm(m, OrderParameters.symmetric(1, 0, 0, L)).floor();
    }

    static List<Row> trainableFloor() {
        List<Row> rows = new ArrayList<>();
        int L = 1024;
        double beta = 1;
        int[] nls = {4, 8, 16, 32, 64};
        double[] x = new double[nls.length];
        double[] y = new double[nls.length];
        for (int i = 0; i < nls.length; i++) {
            x[i] = Math.log(nls[i]);
            y[i] = Math.log(trainableFloor(L, beta, 0.05, nls[i]));
        }
        double slope = -LineFit.of(x, y).slope();
        for (boolean control : new boolean[] {false, true}) {
            double claimed = control ? beta + 0.5 : beta;
            rows.add(new Row("trainable-floor", (control ? "control: " : "") + "eps_g(inf) ~ N_l^-" + claimed, control,
                    Math.abs(slope - claimed) < 0.1, f("fitted exponent %.4f (L = N = %d, beta = %.1f, eta = 0.05, N_l = 4..64)", slope, L, beta)));
        }
        return rows;
    }

    static List<Row> plateauVersusL() {
        PlateauStudy.Settings s = new PlateauStudy.Settings(1, 0.1, OutputScaling.NONE, 1024, 0.01, 1, 3000, 0.1, 40, Integrator.DP853);
        PlateauStudy study = PlateauStudy.run(List.of(2), List.of(1, 16), s, Progress.NONE);
        Plateau iso = study.rows().get(0).plateau();
        Plateau wide = study.rows().get(1).plateau();
        double eps = study.rows().get(0).epsEta();
        Plateau off = Plateau.of(study.rows().get(0).curve(), 1.3 * eps, 0.1, 1e-9);
        return List.of(
                new Row("plateau-vs-L", "plateau(L = 16) < plateau(L = 1)/2, K = M = 2, eta = 0.1", false,
                        iso.length() > 100 && wide.length() < 0.5 * iso.length(),
                        f("length %.1f (L = 1), %.1f (L = 16); escape %.1f, %.1f", iso.length(), wide.length(), iso.escape(), wide.escape())),
                new Row("plateau-vs-L", "control: a plateau (> 100) at 1.3 eps* for L = 1", true, off.length() > 100,
                        f("time within 10%% of 1.3 eps* = %.2f", off.length())));
    }

    static List<Row> finiteSize() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(4, 1), 0.5, OutputScaling.NONE);
        double[] times = {0, 0.5, 1, 1.5, 2, 2.5, 3};
        List<Integer> ns = List.of(500, 2000, 8000);
        FiniteSizeComparison c = FiniteSizeComparison.run(m, ns, 0.5, 1, 1, times, Tolerances.DEFAULT, Progress.NONE);
        Weights w = Weights.draw(2, 2, 8000, 4, 0.5, 1, 1);
        LearningCurve wrong = OdeIntegration.integrate(m.withEta(0.75), w.orderParameters(), times, Tolerances.DEFAULT, false, Progress.NONE);
        double wrongGap = c.rows().get(2).simulation().maxGap(wrong);
        String gaps = f("max gaps %.2e, %.2e, %.2e (N = 500, 2000, 8000; exponent in N %.2f)", c.rows().get(0).maxGap(),
                c.rows().get(1).maxGap(), c.rows().get(2).maxGap(), c.gapExponent());
        return List.of(new Row("finite-size", "SGD-ODE gap shrinks with N (erf, K = M = 2, L = 4, eta = 0.5, alpha <= 3)", false,
                c.gapShrinks(), gaps),
                new Row("finite-size", "control: ODE at 1.5 eta approaches SGD at N = 8000", true, wrongGap < 3 * c.rows().get(2).maxGap(),
                        f("gap to the wrong ODE %.2e", wrongGap)));
    }
}
