package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;

/**
 * The linear closed form against 50-digit mpmath learning curves (linear_closed_form.txt, written by
 * gen_linear_closed_form.py beside it), with the old dense-eigendecomposition evaluation as the negative control.
 */
class LinearClosedFormTest {

    /** One case of the fixture: the model's inputs as the doubles Java builds, and the 50-digit results. */
    record Case(String name, int K, int M, OutputScaling scaling, int L, double beta, double eta, int trainable,
            double[] lambda, double[] s0, double[] eig, double[] alpha, double[] eg, double floor) {

        TwoLayerModel model() {
            return model(eta);
        }

        TwoLayerModel model(double rate) {
            return new TwoLayerModel(Nonlinearity.LINEAR, K, M, new EigenspaceSpectrum(lambda, beta), rate, scaling, trainable);
        }

        /** ε_g(0) = ½ Σ λ_ℓ s_ℓ(0). */
        double eg0() {
            double e = 0;
            for (int l = 0; l < L; l++) {
                e += lambda[l] * s0[l];
            }
            return 0.5 * e;
        }

        /** The zero student with t^ℓ = I/L (the claims' default initial state). */
        OrderParameters init() {
            return zeroStudent(K, M, L);
        }
    }

    static OrderParameters zeroStudent(int K, int M, int L) {
        double[][] t = new double[M][M];
        for (int n = 0; n < M; n++) {
            t[n][n] = 1;
        }
        return OrderParameters.uniform(new double[K][K], new double[K][M], t, L);
    }

    static final Map<String, Case> CASES = read();

    private static Map<String, Case> read() {
        Map<String, Case> cases = new LinkedHashMap<>();
        try (InputStream in = LinearClosedFormTest.class.getResourceAsStream("linear_closed_form.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            String[] model = null;
            List<Double> lambda = new ArrayList<>();
            List<Double> s0 = new ArrayList<>();
            List<Double> eig = new ArrayList<>();
            List<Double> alpha = new ArrayList<>();
            List<Double> eg = new ArrayList<>();
            double floor = Double.NaN;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                switch (f[0]) {
                    case "case" -> name = f[1];
                    case "model" -> model = f;
                    case "lambda" -> lambda.add(Double.parseDouble(f[2]));
                    case "s0" -> s0.add(Double.parseDouble(f[2]));
                    case "eig" -> eig.add(Double.parseDouble(f[2]));
                    case "eg" -> {
                        alpha.add(Double.parseDouble(f[1]));
                        eg.add(Double.parseDouble(f[2]));
                    }
                    case "floor" -> floor = Double.parseDouble(f[1]);
                    case "end" -> {
                        cases.put(name, new Case(name, Integer.parseInt(model[1]), Integer.parseInt(model[2]),
                                OutputScaling.valueOf(model[3].toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(model[4]),
                                Double.parseDouble(model[5]), Double.parseDouble(model[6]), Integer.parseInt(model[7]),
                                array(lambda), array(s0), array(eig), array(alpha), array(eg), floor));
                        lambda.clear();
                        s0.clear();
                        eig.clear();
                        alpha.clear();
                        eg.clear();
                        floor = Double.NaN;
                    }
                    default -> throw new IllegalStateException("fixture line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static double[] array(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The largest relative error of {@code eg} against the fixture over the points where the truth is above 1e−300. */
    static double maxRelativeError(Case c, java.util.function.DoubleUnaryOperator eg) {
        double worst = 0;
        for (int i = 0; i < c.alpha().length; i++) {
            if (c.eg()[i] > 1e-300) {
                worst = Math.max(worst, Math.abs(eg.applyAsDouble(c.alpha()[i]) / c.eg()[i] - 1));
            }
        }
        return worst;
    }

    /** The fixture's inputs are the model's own: powerLaw's λ (to the platform pow's last bit) and s(0). */
    @Test
    void fixtureInputsAreWhatTheModelBuilds() {
        assertEquals(List.of("hard", "moderate", "floor64", "floor4", "floor8", "floor16", "floor32"), List.copyOf(CASES.keySet()));
        for (Case c : CASES.values()) {
            double[] built = EigenspaceSpectrum.powerLaw(c.L(), c.beta()).values();
            for (int l = 0; l < c.L(); l++) {
                assertEquals(c.lambda()[l], built[l], 4 * Math.ulp(built[l]), c.name() + " lambda " + l);
            }
            assertEquals(Arrays.toString(c.s0()), Arrays.toString(new LinearClosedForm(c.model(), c.init()).s(0)), c.name());
        }
    }

    /** (1) ε_g to 1e−8 relative at every fixture point above 1e−300, and ≈ 0 where the truth is below it. */
    @Test
    void matchesTheFiftyDigitReference() {
        for (String name : List.of("hard", "moderate", "floor64")) {
            Case c = CASES.get(name);
            LinearClosedForm cf = new LinearClosedForm(c.model(), c.init());
            double err = maxRelativeError(c, cf::eg);
            assertTrue(err < 1e-8, name + ": max relative error " + err);
            LearningCurve curve = cf.curve(c.alpha());
            for (int i = 0; i < c.alpha().length; i++) {
                if (c.eg()[i] > 1e-300) {
                    assertEquals(c.eg()[i], curve.eg()[i], 1e-8 * c.eg()[i], name + " alpha " + c.alpha()[i]);
                } else {
                    assertTrue(Math.abs(curve.eg()[i]) < 1e-290, name + " alpha " + c.alpha()[i] + ": " + curve.eg()[i]);
                }
            }
            // ε_g through s(α) (O(N_l²) per time) agrees with the direct sum
            for (int i = 0; i < c.alpha().length; i += 5) {
                double[] s = cf.s(c.alpha()[i]);
                double e = 0;
                for (int l = 0; l < s.length; l++) {
                    e += c.lambda()[l] * s[l];
                }
                if (c.eg()[i] > 1e-300) {
                    assertEquals(c.eg()[i], 0.5 * e, 1e-8 * c.eg()[i], name + " via s, alpha " + c.alpha()[i]);
                }
            }
        }
        assertTrue(CASES.get("moderate").eg()[CASES.get("moderate").eg().length - 1] < 1e-300, "the moderate case reaches underflow");
    }

    /** (2) The old evaluation (a dense eigendecomposition of A in double) is off by more than 10 % on the hard case. */
    @Test
    void denseEigendecompositionFailsTheReference() {
        Case c = CASES.get("hard");
        OldClosedForm old = new OldClosedForm(c.model(), c.init());
        double err = maxRelativeError(c, old::eg);
        assertTrue(err > 0.1, "the old evaluation's max relative error " + err);
        // the issue's witness: at alpha = 2.71e16 it was five times the truth
        int i = c.alpha().length - 1;
        assertEquals(2.71026e16, c.alpha()[i]);
        assertTrue(old.eg(c.alpha()[i]) > 3 * c.eg()[i], "old " + old.eg(c.alpha()[i]) + " vs " + c.eg()[i]);
        // ... and it is fine where the spectrum is not hard (moderate case): the control does not just reject anything old
        Case m = CASES.get("moderate");
        assertTrue(maxRelativeError(m, new OldClosedForm(m.model(), m.init())::eg) < 1e-6);
    }

    /** (3a) Eigenvalues against Hipparchus on well-conditioned matrices, with ties, a zero weight and x_1 < 0. */
    @Test
    void secularEigenvaluesMatchHipparchusWhereItIsAccurate() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] dRandom = new double[12];
        double[] uRandom = new double[12];
        for (int k = 0; k < dRandom.length; k++) {
            dRandom[k] = 1 + rnd.nextDouble();
            uRandom[k] = rnd.nextDouble() - 0.5;
        }
        List<double[][]> cases = List.of(
                new double[][] {dRandom, uRandom, {0.7}},
                new double[][] {{1, 2, 2, 3, 3, 3, 5, 1.5}, {0.3, 0.2, -0.4, 0.1, 0.5, 0.2, 0, 0.6}, {1.3}},
                new double[][] {{2, 1, 3}, {1, 1, 1}, {4}}, // x_1 < 0
                new double[][] {{1.5}, {2}, {0.1}},
                new double[][] {{1, 2, 3}, {1, 1, 1}, {0}});
        for (double[][] k : cases) {
            double[] d = k[0];
            double[] u = k[1];
            double sigma = k[2][0];
            int n = d.length;
            RealMatrix b = MatrixUtils.createRealMatrix(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b.setEntry(i, j, (i == j ? d[i] : 0) - sigma * u[i] * u[j]);
                }
            }
            double[] ref = new EigenDecompositionSymmetric(b).getEigenvalues();
            Arrays.sort(ref);
            DiagonalMinusRankOne e = new DiagonalMinusRankOne(d, u, sigma);
            double[] x = e.eigenvalues();
            double norm = b.getNorm1();
            for (int j = 0; j < n; j++) {
                assertEquals(ref[j], x[j], 1e-12 * Math.abs(ref[j]) + 1e-15 * norm, Arrays.toString(d) + " eigenvalue " + j);
                if (j > 0) {
                    assertTrue(x[j] >= x[j - 1], "ascending");
                }
            }
            // unit, orthogonal eigenvectors with small residuals
            for (int j = 0; j < n; j++) {
                double[] vj = new double[n];
                for (int i = 0; i < n; i++) {
                    vj[i] = e.vector(i, j);
                }
                double[] bv = b.operate(vj);
                for (int i = 0; i < n; i++) {
                    assertEquals(x[j] * vj[i], bv[i], 1e-14 * norm, "residual " + j);
                }
                for (int l = 0; l <= j; l++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += vj[i] * e.vector(i, l);
                    }
                    assertEquals(l == j ? 1 : 0, dot, 1e-14, "v_" + j + " . v_" + l);
                }
            }
            assertTrue(e.maxWeightChange() < 1e-13, "Loewner weights moved by " + e.maxWeightChange());
        }
        assertTrue(new DiagonalMinusRankOne(new double[] {2, 1, 3}, new double[] {1, 1, 1}, 4).eigenvalue(0) < 0);
    }

    /** (3b) The rates of A on the hard cases against mpmath's 50-digit eigenvalues, relative 1e−12 each. */
    @Test
    void secularEigenvaluesMatchMpmathOnTheHardCases() {
        for (String name : List.of("hard", "moderate", "floor64")) {
            Case c = CASES.get(name);
            TwoLayerModel m = c.model();
            double kappa = m.studentFactor() * m.studentFactor() * m.K();
            double[] lt = Arrays.copyOf(c.lambda(), c.trainable());
            DiagonalMinusRankOne e = new DiagonalMinusRankOne(lt, lt, kappa * m.eta() / (2.0 * c.L()));
            int n = lt.length;
            assertEquals(n, c.eig().length);
            double worst = 0;
            for (int j = 0; j < n; j++) {
                // A = −2κη·B: its ascending eigenvalues are −2κη x in descending order of x
                double a = -2 * kappa * m.eta() * e.eigenvalue(n - 1 - j);
                worst = Math.max(worst, Math.abs(a / c.eig()[j] - 1));
            }
            assertTrue(worst < 1e-12, name + ": eigenvalues off by " + worst + " relative");
            assertTrue(e.maxWeightChange() < 1e-12, name + ": Loewner weights moved by " + e.maxWeightChange());
            if (name.equals("hard")) {
                // control: Hipparchus on the dense A misses the small eigenvalues by far more
                RealMatrix a = denseA(c.lambda(), n, kappa, m.eta(), c.L());
                double[] h = new EigenDecompositionSymmetric(a).getEigenvalues();
                Arrays.sort(h);
                double hw = 0;
                for (int j = 0; j < n; j++) {
                    hw = Math.max(hw, Math.abs(h[j] / c.eig()[j] - 1));
                }
                assertTrue(hw > 0.1, "Hipparchus' worst relative eigenvalue error " + hw);
            }
        }
    }

    /** (4) The trainable floor at β = 8 (L = N = 1024, N_l = 4..64) is finite and right to 1e−8; the old one was not. */
    @Test
    void trainableFloorAtBetaEight() {
        for (String name : List.of("floor4", "floor8", "floor16", "floor32", "floor64")) {
            Case c = CASES.get(name);
            double floor = new LinearClosedForm(c.model(), c.init()).floor();
            assertTrue(Double.isFinite(floor) && floor > 0, name + ": " + floor);
            assertEquals(c.floor(), floor, 1e-8 * c.floor(), name);
        }
        Case c = CASES.get("floor64");
        double old = new OldClosedForm(c.model(), c.init()).floor();
        assertFalse(Math.abs(old - c.floor()) < 0.1 * c.floor(), "control: the old floor " + old + " vs " + c.floor());
        // the curve reaches the floor
        LinearClosedForm cf = new LinearClosedForm(c.model(), c.init());
        assertEquals(c.floor(), cf.eg(1e20), 1e-8 * c.floor());
    }

    /**
     * (5) Divergence is decided by c = κη Σ_tr λ/(2L) (A has an eigenvalue ≥ 0 iff c ≥ 1): just below, a finite floor
     * equal to an LU solve of A s = −b; just above, floor() = +∞ and curve() the one-line error.
     */
    @Test
    void divergenceIsDecidedExactly() {
        int L = 32;
        int nl = 20;
        EigenspaceSpectrum spec = EigenspaceSpectrum.powerLaw(L, 1);
        double sum = 0;
        for (int l = 0; l < nl; l++) {
            sum += spec.get(l);
        }
        double critical = 2.0 * L / sum; // κ = 1
        OrderParameters p = zeroStudent(1, 1, L);
        TwoLayerModel below = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, spec, critical * (1 - 1e-3), OutputScaling.NONE, nl);
        double floor = new LinearClosedForm(below, p).floor();
        RealMatrix a = denseA(spec.values(), nl, 1, below.eta(), L);
        double frozen = 0;
        for (int l = nl; l < L; l++) {
            frozen += spec.get(l) / L;
        }
        double[] mb = new double[nl];
        for (int l = 0; l < nl; l++) {
            mb[l] = -below.eta() * below.eta() / L * spec.get(l) * frozen;
        }
        double[] sInf = new LUDecomposition(a).getSolver().solve(MatrixUtils.createRealVector(mb)).toArray();
        double ref = frozen;
        for (int l = 0; l < nl; l++) {
            ref += spec.get(l) * sInf[l];
        }
        ref *= 0.5;
        assertTrue(Double.isFinite(floor), "below the threshold: " + floor);
        // A is close to singular here (its top rate is ~1e-3 of its norm), so the LU reference is good to ~1e-12
        assertEquals(ref, floor, 1e-9 * ref);

        for (double eta : new double[] {critical * (1 + 1e-3), 2.5 * critical}) {
            TwoLayerModel above = below.withEta(eta);
            LinearClosedForm cf = new LinearClosedForm(above, p);
            assertEquals(Double.POSITIVE_INFINITY, cf.floor(), "eta " + eta);
            double[] times = OdeIntegration.logTimes(1e7, 20);
            InvalidInputException ex = assertThrows(InvalidInputException.class, () -> cf.curve(times));
            assertTrue(ex.getMessage().startsWith("the order parameters diverged by alpha = "), ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"), "one line");
        }
        // all eigenspaces trained, beta = 8, L = 96: kappa*eta = 2 is the threshold (mean eigenvalue 1)
        Case c = CASES.get("hard");
        assertTrue(Double.isFinite(new LinearClosedForm(c.model(1.999), c.init()).floor()));
        LinearClosedForm diverging = new LinearClosedForm(c.model(2.001), c.init());
        assertEquals(Double.POSITIVE_INFINITY, diverging.floor());
        assertThrows(InvalidInputException.class, () -> diverging.curve(new double[] {0, 1, 1e3, 1e6, 1e9}));
        // an absurd eta overflows the rates (1e300) or even sigma*lambda^2 (1e308): diverged at the first positive
        // time, never a crash
        for (double eta : new double[] {1e300, 1e308}) {
            LinearClosedForm huge = new LinearClosedForm(c.model(eta), c.init());
            assertEquals(Double.POSITIVE_INFINITY, huge.floor());
            assertEquals(c.eg0(), huge.eg(0));
            InvalidInputException ex = assertThrows(InvalidInputException.class, () -> huge.curve(new double[] {0, 1}));
            assertTrue(ex.getMessage().startsWith("the order parameters diverged by alpha = 1.0"), ex.getMessage());
        }
    }

    /**
     * λ → 2^k λ with η → 2^(−k) η leaves A and s(0) as they are and multiplies ε_g by 2^k, exactly; at λ ≈ 1e308
     * (σλ² near overflow, so the solver works on a rescaled problem) the curve and floor must follow.
     */
    @Test
    void eigenvaluesNearOverflowFollowTheExactScaling() {
        double[] big = {1e308, 5e307, 2e307, 1e307};
        double[] small = new double[big.length];
        double shift = Math.scalb(1.0, -1000);
        for (int l = 0; l < big.length; l++) {
            small[l] = big[l] * shift;
        }
        int nl = 3;
        double eta = 0.9 * 2 * big.length / (big[0] + big[1] + big[2]); // c = 0.9
        TwoLayerModel mb = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, new EigenspaceSpectrum(big, Double.NaN), eta, OutputScaling.NONE, nl);
        TwoLayerModel ms = new TwoLayerModel(Nonlinearity.LINEAR, 1, 1, new EigenspaceSpectrum(small, Double.NaN), eta / shift, OutputScaling.NONE, nl);
        OrderParameters p = zeroStudent(1, 1, big.length);
        LinearClosedForm cb = new LinearClosedForm(mb, p);
        LinearClosedForm cs = new LinearClosedForm(ms, p);
        for (double alpha : new double[] {0, 0.3, 3, 30, 300}) {
            double expected = cs.eg(alpha) / shift;
            assertEquals(expected, cb.eg(alpha), 1e-12 * expected, "alpha " + alpha);
        }
        double floor = cs.floor() / shift;
        assertTrue(floor > 0.5 * big[3] / big.length, "the floor exceeds the frozen part: " + floor);
        assertEquals(floor, cb.floor(), 1e-12 * floor);
    }

    static RealMatrix denseA(double[] lambda, int n, double kappa, double eta, int L) {
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        double noise = kappa * kappa * eta * eta / L;
        for (int l = 0; l < n; l++) {
            for (int m = 0; m < n; m++) {
                a.setEntry(l, m, noise * lambda[l] * lambda[m] + (l == m ? -2 * kappa * eta * lambda[l] : 0));
            }
        }
        return a;
    }

    /** The evaluation LinearClosedForm used before the secular solver: A's eigendecomposition in double. */
    static final class OldClosedForm {
        private final double[] lam;
        private final double frozen;
        private final double[][] v;
        private final double[] d;
        private final double[] vs0;
        private final double[] vb;

        OldClosedForm(TwoLayerModel model, OrderParameters init) {
            int L = model.L();
            int tr = model.trainable();
            double[] s0 = new LinearClosedForm(model, init).s(0);
            double kappa = model.studentFactor() * model.studentFactor() * model.K();
            double eta = model.eta();
            lam = model.spectrum().values();
            double fr = 0;
            for (int l = tr; l < L; l++) {
                fr += lam[l] * s0[l];
            }
            frozen = fr;
            RealMatrix a = denseA(lam, tr, kappa, eta, L);
            double[] b = new double[tr];
            for (int l = 0; l < tr; l++) {
                b[l] = kappa * kappa * eta * eta / L * lam[l] * fr;
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

        double eg(double alpha) {
            int tr = d.length;
            double e = frozen;
            for (int l = 0; l < tr; l++) {
                double s = 0;
                for (int j = 0; j < tr; j++) {
                    double x = d[j] * alpha;
                    s += v[l][j] * (Math.exp(x) * vs0[j] + (d[j] == 0 ? alpha : Math.expm1(x) / d[j]) * vb[j]);
                }
                e += lam[l] * s;
            }
            return 0.5 * e;
        }

        double floor() {
            int tr = d.length;
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
                e += lam[l] * sl;
            }
            return 0.5 * e;
        }
    }
}
