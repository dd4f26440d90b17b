package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDoubleEigenSolver;
import org.powerspec.numeric.linalg.DenseLinearAlgebra;
import org.powerspec.numeric.linalg.OjAlgoLinearAlgebra;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * Spectra of y^p for large p (issue 14): K's entries grow like (1/d)·(2p − 1)!!·G_aa^p, which unscaled overflowed
 * double (p = 114 at α = 2, σ = 1, d = 16: LAPACK failed), overflowed in its squares inside the double-double Sturm counts
 * (p = 64: the bisection never ended) and, for the coefficient b_p = p!, overflowed outright at p = 171. Every
 * check here has an independent truth: two arithmetics and two solvers agreeing within their stated bounds, the
 * exact homogeneity K(4^m·σ²) = 4^(m·p)·K(σ²), exact rationals, or a refusal whose suggested remedy works. Timeouts
 * are only hang guards.
 */
class LargePowerSpectrumTest {

    private static final int D = 16;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static Spectrum spectrum(int p, double wVariance, Precision precision) {
        SpectrumSpec spec = new SpectrumSpec(2.0, Activation.monomial(p), D, 4 * D, 1, null, wVariance, false, precision);
        return SpectrumComputation.compute(spec, SpectrumComputation.sketchFor(spec), Progress.NONE);
    }

    private static Spectrum guarded(int p, double wVariance, Precision precision) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> spectrum(p, wVariance, precision),
                "p = " + p + ", w_variance = " + wVariance + ", " + precision + " did not finish");
    }

    /** |λ_j(a) − λ_j(b)| ≤ bound_a + bound_b for every j, every eigenvalue and bound finite. */
    private static void assertAgreeWithinBounds(Spectrum a, Spectrum b, String what) {
        assertEquals(a.size(), b.size());
        double worst = 0;
        for (int j = 1; j <= a.size(); j++) {
            assertTrue(Double.isFinite(a.eigenvalue(j)) && Double.isFinite(b.eigenvalue(j)), what + " j = " + j);
            assertTrue(Double.isFinite(a.bound(j)) && Double.isFinite(b.bound(j)), what + " bound j = " + j);
            double diff = Math.abs(a.eigenvalue(j) - b.eigenvalue(j));
            assertTrue(diff <= a.bound(j) + b.bound(j), what + " j = " + j + ": " + a.eigenvalue(j) + " vs "
                    + b.eigenvalue(j) + ", bounds " + a.bound(j) + " + " + b.bound(j));
            worst = Math.max(worst, diff / (a.bound(j) + b.bound(j)));
        }
        System.out.printf("%s: lambda_1 = %.4e, worst |difference| / (sum of bounds) = %.2e%n", what, a.eigenvalue(1),
                worst);
    }

    @Test
    void highPrecisionFinishesAtP65AndAgreesWithDouble() {
        // unscaled, K's entries reach 5.8e158 here and their squares overflow in the Sturm counts: the old code hung
        Spectrum high = guarded(65, 1.0, Precision.HIGH);
        Spectrum dbl = guarded(65, 1.0, Precision.DOUBLE);
        assertTrue(high.eigenvalue(1) > 1e158, "lambda_1 = " + high.eigenvalue(1));
        assertAgreeWithinBounds(high, dbl, "p = 65, double-double vs double");
    }

    @Test
    void highAndDoubleAgreeAtP100() {
        // lambda_1 ≈ 3.4e263: well inside double's range, far beyond where the unscaled solver overflowed
        assertAgreeWithinBounds(guarded(100, 1.0, Precision.HIGH), guarded(100, 1.0, Precision.DOUBLE),
                "p = 100, double-double vs double");
    }

    @Test
    void p150IsRefusedInBothPrecisionsAndTheSuggestedVarianceWorks() {
        for (Precision precision : Precision.values()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> guarded(150, 1.0, precision));
            String m = e.getMessage();
            assertTrue(m.startsWith("p = 150 at d = 16 is beyond the range of doubles"), m);
            assertTrue(!m.contains("\n"), "one line: " + m);
            // the suggested σ² brings it into range, and there the two precisions agree
            double suggested = suggestedVariance(m, "or less");
            Spectrum s = guarded(150, suggested, precision);
            assertTrue(s.eigenvalue(1) > 1e300 && Double.isFinite(s.bound(1)), "lambda_1 = " + s.eigenvalue(1));
        }
        double suggested = suggestedVariance(assertThrows(InvalidInputException.class,
                () -> guarded(150, 1.0, Precision.HIGH)).getMessage(), "or less");
        assertAgreeWithinBounds(guarded(150, suggested, Precision.HIGH), guarded(150, suggested, Precision.DOUBLE),
                "p = 150 at the suggested w_variance " + suggested);
    }

    @Test
    void p120InDoubleIsRefusedWithAReasonNotALapackFailure() {
        // the old code formed K with infinite entries and LAPACK's dsyevd failed (info = 11): exit 4
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> guarded(120, 1.0, Precision.DOUBLE));
        assertTrue(e.getMessage().contains("trace K = 8.9e+325"), e.getMessage());
        // half the variance puts λ_1 near 1e289: then double and double-double agree
        assertAgreeWithinBounds(guarded(120, 0.5, Precision.DOUBLE), guarded(120, 0.5, Precision.HIGH),
                "p = 120, w_variance 0.5, double vs double-double");
    }

    @Test
    void tooSmallASpectrumIsRefusedTooAndTheSuggestedVarianceWorks() {
        // σ² = 1e-9 at p = 200: λ_1 ≈ 1e-1212, which would underflow to zero
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> guarded(200, 1e-9, Precision.DOUBLE));
        double suggested = suggestedVariance(e.getMessage(), "or more");
        Spectrum s = guarded(200, suggested, Precision.DOUBLE);
        assertTrue(s.eigenvalue(1) >= 0x1p-800 && s.eigenvalue(1) < 1e-200, "lambda_1 = " + s.eigenvalue(1));
    }

    private static double suggestedVariance(String message, String direction) {
        Matcher m = Pattern.compile("sigma\\^2 = ([0-9.eE+-]+) " + direction).matcher(message);
        assertTrue(m.find(), message);
        return Double.parseDouble(m.group(1));
    }

    /**
     * W's entries are σ·z, so at σ² = 4^m·σ₀² they are exactly 2^m times those at σ₀², G exactly 4^m times, and K —
     * homogeneous of degree p in G — exactly 4^(m·p) times: the spectrum and its bounds must scale by that power of two
     * bit for bit, since the scaled evaluation sees the same G' and coefficients for both.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void theSpectrumScalesExactlyWithAPowerOfTwoInTheVariance(Precision precision) {
        // p = 20 at σ² = 2^20: λ_1 ≈ 2e158, where the unscaled double-double solver hung;
        // p = 180 at σ² = 2^−6 and 2^−8: b_180 = 180! ≈ 2e329 alone overflowed the unscaled coefficients
        int[][] cases = {{20, 0, 10}, {180, -4, 1}};
        for (int[] c : cases) {
            int p = c[0];
            double base = Math.scalb(1.0, 2 * c[1]);
            double scaled = Math.scalb(base, 2 * c[2]);
            Spectrum a = guarded(p, base, precision);
            Spectrum b = guarded(p, scaled, precision);
            int shift = 2 * c[2] * p;
            for (int j = 1; j <= D; j++) {
                String at = precision + " p = " + p + " j = " + j;
                assertEquals(Math.scalb(a.hi()[j - 1], shift), b.hi()[j - 1], 0, at);
                assertEquals(Math.scalb(a.lo()[j - 1], shift), b.lo()[j - 1], 0, at);
                assertEquals(Math.scalb(a.bound(j), shift), b.bound(j), 0, at);
                assertTrue(Double.isFinite(b.eigenvalue(j)) && b.bound(j) > 0, at);
            }
        }
    }

    /**
     * At moderate p nothing overflows, and the scaled double-precision K must be exactly the unscaled one (a plain
     * evaluation of Σ_t q_t·s_a^i·s_b^j·c^k/d, written here again), entry for entry: the scaling is by powers of two.
     */
    @Test
    void theScaledKernelIsTheUnscaledOneAtModerateP() {
        int d = 24;
        double[] g = randomGram(d, new Random(14));
        for (int p : new int[] {3, 12, 40}) {
            KernelTerms terms = KernelTerms.of(KernelPolynomial.of(HermiteChaos.expand(Activation.monomial(p))), false);
            double[] k = g.clone();
            RandomFeatureKernel.buildInPlace(k, d, terms);
            KernelScaling scaling = KernelScaling.of(RandomFeatureKernel.diagonal(g, d), terms, d);
            assertTrue(scaling.kernelExponent() != 0 || p == 3, "p = " + p + " is scaled");
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    assertEquals(unscaledEntry(g, d, a, b, terms), k[a * d + b], 0, "p = " + p + " K_" + a + "," + b);
                }
            }
        }
    }

    /** The unscaled loop of the double-precision kernel for one entry, as it was before scaling. */
    private static double unscaledEntry(double[] g, int d, int a, int b, KernelTerms terms) {
        double sum = 0;
        for (int t = 0; t < terms.size(); t++) {
            sum += terms.coefficient(t) * power(g[a * d + a], terms.sa()[t]) * power(g[b * d + b], terms.sb()[t])
                    * intPower(g[a * d + b], terms.c()[t]);
        }
        return sum * (1.0 / d);
    }

    /** s^i from s² the way the kernel tabulates it: even powers as products of s², odd ones times √s². */
    private static double power(double s2, int i) {
        double s = Math.sqrt(s2);
        double[] pow = new double[i + 1];
        pow[0] = 1;
        for (int e = 1; e <= i; e++) {
            pow[e] = e % 2 == 0 ? pow[e - 2] * s2 : pow[e - 1] * s;
        }
        return pow[i];
    }

    private static double intPower(double c, int k) {
        double x = 1;
        for (int e = 0; e < k; e++) {
            x *= c;
        }
        return x;
    }

    private static double[] randomGram(int d, Random rnd) {
        int v = 3 * d;
        double[] w = new double[v * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian();
        }
        double[] g = new double[d * d];
        for (int r = 0; r < v; r++) {
            double l = Math.pow(r + 1, -2.0);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    g[a * d + b] += l * w[r * d + a] * w[r * d + b];
                }
            }
        }
        return g;
    }

    /** The coefficients' mantissa and exponent reproduce the exact rationals, also where they exceed double's range. */
    @Test
    void coefficientsBeyondDoubleAreExactToDoubleDouble() {
        KernelPolynomial kp = KernelPolynomial.of(HermiteChaos.expand(Activation.monomial(200)));
        KernelTerms terms = KernelTerms.of(kp, false);
        assertEquals(kp.terms().size(), terms.size());
        int t = 0;
        boolean sawOverflow = false;
        for (Map.Entry<KernelPolynomial.Exponents, BigFraction> e : kp.terms().entrySet()) {
            BigFraction q = e.getValue();
            BigDecimal exact = new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()),
                    new MathContext(50));
            int x = terms.exponent()[t];
            BigDecimal mantissa = new BigDecimal(terms.hi()[t]).add(new BigDecimal(terms.lo()[t]));
            BigDecimal value = x >= 0 ? mantissa.multiply(new BigDecimal(BigInteger.TWO.pow(x)))
                    : mantissa.divide(new BigDecimal(BigInteger.TWO.pow(-x)));
            double relative = value.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
            assertTrue(relative <= 0x1p-104, "term " + e.getKey() + ": relative error " + relative);
            assertTrue(Math.abs(terms.hi()[t]) >= 1 && Math.abs(terms.hi()[t]) < 2, "mantissa " + terms.hi()[t]);
            sawOverflow |= Double.isInfinite(q.doubleValue());
            t++;
        }
        // b_200 = 200! ≈ 7.9e374 is among them: the old double coefficients were infinite
        assertTrue(sawOverflow);
        BigInteger factorial = BigInteger.ONE;
        for (int i = 2; i <= 200; i++) {
            factorial = factorial.multiply(BigInteger.valueOf(i));
        }
        int top = List.copyOf(kp.terms().keySet()).indexOf(new KernelPolynomial.Exponents(0, 0, 200));
        assertEquals(factorial.bitLength() - 1, terms.exponent()[top]);
    }

    /** The solver on 2^k·A returns 2^k times its eigenvalues of A, bit for bit, for entries near 1e±200 too. */
    @Test
    void theDoubleDoubleSolverIsExactlyScaleEquivariant() {
        int n = 30;
        Random rnd = new Random(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rnd.nextGaussian() * Math.pow(10, -0.3 * (i + j));
                a[j][i] = a[i][j];
            }
        }
        DoubleDoubleEigenSolver.Result base = DoubleDoubleEigenSolver.solve(DDMatrix.of(a), DDMatrix.defaultPool(), null);
        for (int k : new int[] {700, -700, 1000}) {
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] = Math.scalb(a[i][j], k);
                }
            }
            // the old solver squared the off-diagonal of entries ≈ 1e210 to infinity and never returned
            DoubleDoubleEigenSolver.Result r = assertTimeoutPreemptively(HANG_GUARD,
                    () -> DoubleDoubleEigenSolver.solve(DDMatrix.of(s), DDMatrix.defaultPool(), null));
            for (int i = 0; i < n; i++) {
                assertEquals(Math.scalb(base.eigenvalue(i).hi(), k), r.eigenvalue(i).hi(), 0, "k = " + k + " i = " + i);
                assertEquals(Math.scalb(base.eigenvalue(i).lo(), k), r.eigenvalue(i).lo(),
                        Math.scalb(Double.MIN_VALUE, Math.max(k, 0)), "k = " + k + " i = " + i);
            }
            assertEquals(Math.scalb(base.absoluteErrorBound(), k), r.absoluteErrorBound(), 0);
        }
    }

    @Test
    void nonFiniteEntriesAreRefusedNotLoopedOn() {
        double[][] a = {{1, 2}, {2, Double.POSITIVE_INFINITY}};
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IllegalArgumentException.class,
                () -> DoubleDoubleEigenSolver.solve(DDMatrix.of(a), DDMatrix.defaultPool(), null)));
        for (DenseLinearAlgebra la : List.of(DenseLinearAlgebra.best(), OjAlgoLinearAlgebra.INSTANCE)) {
            assertThrows(IllegalArgumentException.class,
                    () -> la.symmetricEigenvalues(new double[] {1, 2, 2, Double.NaN}, 2), la.name());
        }
    }

    /** The dense double backends on 2^k·A: eigenvalues 2^k times those of A, within the backward-error bound. */
    @Test
    void theDoubleBackendsHandleEntriesNearTheEndsOfTheRange() {
        int n = 20;
        Random rnd = new Random(3);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i * n + j] = rnd.nextGaussian();
                a[j * n + i] = a[i * n + j];
            }
        }
        for (DenseLinearAlgebra la : List.of(DenseLinearAlgebra.best(), OjAlgoLinearAlgebra.INSTANCE)) {
            double[] base = la.symmetricEigenvalues(a.clone(), n);
            double norm = Math.max(Math.abs(base[0]), Math.abs(base[n - 1]));
            for (int k : new int[] {1016, -1000}) {
                double[] s = new double[n * n];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Math.scalb(a[i], k);
                }
                double[] ev = la.symmetricEigenvalues(s, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(base[i], Math.scalb(ev[i], -k), 8 * n * 0x1p-53 * norm, la.name() + " k = " + k);
                }
            }
        }
    }
}
