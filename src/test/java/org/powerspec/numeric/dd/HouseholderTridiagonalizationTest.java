package org.powerspec.numeric.dd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Householder reduction on its own: T = QᵀAQ keeps A's trace, Frobenius norm and eigenvalues. The checks are
 * exact decimal arithmetic on T's double-double entries, against the backward-error model the solver's bound rests
 * on (T is exactly similar to A + E, ‖E‖₂ ≤ 8·n·u_DD·‖A‖_G): |tr T − tr A| ≤ n·‖E‖₂,
 * |‖T‖_F² − ‖A‖_F²| ≤ 2·‖A‖_F·√n·‖E‖₂ + n·‖E‖₂², and every eigenvalue of T within ‖E‖₂ of one of A.
 */
class HouseholderTridiagonalizationTest {
    private static final MathContext MC = new MathContext(100);

    private static BigDecimal exact(double hi, double lo) {
        return new BigDecimal(hi).add(new BigDecimal(lo));
    }

    private static double[][] randomSymmetric(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = 2 * r.nextDouble() - 1;
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    private static BigDecimal trace(Tridiagonal t) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < t.n(); i++) {
            s = s.add(exact(t.dHi()[i], t.dLo()[i]));
        }
        return s;
    }

    private static BigDecimal frobeniusSquared(Tridiagonal t) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < t.n(); i++) {
            BigDecimal d = exact(t.dHi()[i], t.dLo()[i]);
            s = s.add(d.multiply(d));
            if (i + 1 < t.n()) {
                BigDecimal e = exact(t.eHi()[i], t.eLo()[i]);
                s = s.add(e.multiply(e).multiply(BigDecimal.valueOf(2)));
            }
        }
        return s;
    }

    /** The backward error ‖E‖₂ the solver's bound allows: 8·n·u_DD·‖A‖_G. */
    private static double backwardError(DDMatrix a) {
        return DoubleDoubleEigenSolver.errorBound(a.n(), DoubleDoubleEigenSolver.gershgorinBound(a));
    }

    private static Tridiagonal reduce(DDMatrix a) {
        return HouseholderTridiagonalization.reduce(a, DDMatrix.defaultPool(), f -> { });
    }

    /** Whether trace and Frobenius norm of t match those of a within the backward-error model. */
    private static boolean keepsInvariants(double[][] a, Tridiagonal t, double e) {
        int n = a.length;
        BigDecimal traceA = BigDecimal.ZERO;
        BigDecimal frobeniusA = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            traceA = traceA.add(new BigDecimal(a[i][i]));
            for (int j = 0; j < n; j++) {
                frobeniusA = frobeniusA.add(new BigDecimal(a[i][j]).multiply(new BigDecimal(a[i][j])));
            }
        }
        double traceError = trace(t).subtract(traceA).abs().doubleValue();
        double frobeniusError = frobeniusSquared(t).subtract(frobeniusA).abs().doubleValue();
        double normF = Math.sqrt(frobeniusA.doubleValue());
        System.out.printf(java.util.Locale.ROOT, "Householder n = %d: |tr T - tr A| = %.2e, |‖T‖F² - ‖A‖F²| = %.2e"
                + " (allowed %.2e, %.2e)%n", n, traceError, frobeniusError, n * e,
                2 * normF * Math.sqrt(n) * e + n * e * e);
        return traceError <= n * e && frobeniusError <= 2 * normF * Math.sqrt(n) * e + n * e * e;
    }

    @Test
    void reductionKeepsTraceAndFrobeniusNorm() {
        double[][] a = randomSymmetric(40, 7);
        DDMatrix m = DDMatrix.of(a);
        Tridiagonal t = reduce(m);
        assertEquals(40, t.n());
        assertTrue(keepsInvariants(a, t, backwardError(m)));
    }

    @Test
    void aChangedEntryBreaksTheInvariants() {
        // negative control: the tridiagonal of A with a_00 changed by 2^−70 (far below double's resolution of A,
        // far above the model's allowance) does not pass as A's
        double[][] a = randomSymmetric(40, 7);
        double[][] changed = randomSymmetric(40, 7);
        changed[0][0] = 0;
        DDMatrix m = DDMatrix.of(changed);
        m.hiArray()[0] = a[0][0];
        m.loArray()[0] = 0x1p-70;
        assertFalse(keepsInvariants(a, reduce(m), backwardError(DDMatrix.of(a))));
    }

    /** Sylvester's Hadamard matrix of order n (a power of two): entries ±1, H·Hᵀ = n·I. */
    private static int[][] hadamard(int n) {
        int[][] h = {{1}};
        for (int m = 1; m < n; m *= 2) {
            int[][] g = new int[2 * m][2 * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    g[i][j] = h[i][j];
                    g[i][j + m] = h[i][j];
                    g[i + m][j] = h[i][j];
                    g[i + m][j + m] = -h[i][j];
                }
            }
            h = g;
        }
        return h;
    }

    /** The chosen spectrum: distinct, both signs, magnitudes from 2^−20 to 16, all dyadic. */
    private static final double[] SPECTRUM = {16, 11, 9, 6, 5, 3, 2, 1, 0.5, 0.25, 3 * 0x1p-10, 0x1p-20, -0.125, -1,
        -2.5, -7};

    /** A = H·diag(λ)·Hᵀ/16: orthogonally similar to diag(λ), and every entry (a sum of ±λ_k over 16) exact. */
    private static double[][] knownSpectrum() {
        int n = SPECTRUM.length;
        int[][] h = hadamard(n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += h[i][k] * h[j][k] * SPECTRUM[k];
                }
                a[i][j] = s / n;
            }
        }
        return a;
    }

    /** The number of eigenvalues of t below x, from the exact LDLᵀ pivots of T − xI (100 digits). */
    private static int countBelow(Tridiagonal t, BigDecimal x) {
        int below = 0;
        BigDecimal q = null;
        for (int i = 0; i < t.n(); i++) {
            BigDecimal d = exact(t.dHi()[i], t.dLo()[i]).subtract(x);
            if (i > 0) {
                BigDecimal e = exact(t.eHi()[i - 1], t.eLo()[i - 1]);
                d = d.subtract(e.multiply(e).divide(q, MC));
            }
            q = d.signum() == 0 ? new BigDecimal("-1e-90") : d;
            below += q.signum() < 0 ? 1 : 0;
        }
        return below;
    }

    /** Whether each known eigenvalue has exactly one eigenvalue of t within e of it (the spectrum's gaps exceed 2e). */
    private static boolean hasSpectrum(Tridiagonal t, double e) {
        double[] ascending = SPECTRUM.clone();
        java.util.Arrays.sort(ascending);
        BigDecimal margin = new BigDecimal(e);
        for (int k = 0; k < ascending.length; k++) {
            BigDecimal l = new BigDecimal(ascending[k]);
            if (countBelow(t, l.subtract(margin)) != k || countBelow(t, l.add(margin)) != k + 1) {
                return false;
            }
        }
        return true;
    }

    @Test
    void tridiagonalOfAKnownSpectrumHasIt() {
        double[][] a = knownSpectrum();
        DDMatrix m = DDMatrix.of(a);
        double e = backwardError(m);
        assertTrue(e < 0x1p-21 / 2, "the margin must separate the eigenvalues");
        Tridiagonal t = reduce(m);
        assertTrue(hasSpectrum(t, e), "an eigenvalue of T is more than " + e + " from the known one");
        // the reduction did work: T is not A's own tridiagonal part (A is dense)
        assertTrue(a[2][0] != 0 && a[5][1] != 0);
    }

    @Test
    void aPerturbedOffDiagonalLosesTheKnownSpectrum() {
        // negative control: T with one off-diagonal entry changed by 2^−60·‖A‖ (its low part) fails the same check
        Tridiagonal t = reduce(DDMatrix.of(knownSpectrum()));
        double e = backwardError(DDMatrix.of(knownSpectrum()));
        assertTrue(hasSpectrum(t, e));
        t.eLo()[7] += 0x1p-56;
        assertFalse(hasSpectrum(t, e));
    }
}
