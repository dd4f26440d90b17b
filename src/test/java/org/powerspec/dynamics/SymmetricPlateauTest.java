package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;
import org.powerspec.LineFit;
import org.powerspec.Progress;

class SymmetricPlateauTest {
    private static TwoLayerModel model(int k, int l, double eta) {
        return new TwoLayerModel(Nonlinearity.ERF, k, k, EigenspaceSpectrum.powerLaw(l, 1), eta, OutputScaling.NONE);
    }

    private static double[][] identity(int k) {
        double[][] t = new double[k][k];
        for (int i = 0; i < k; i++) {
            t[i][i] = 1;
        }
        return t;
    }

    /** The largest real eigenvalue of the full per-eigenspace Jacobian at the plateau's fixed point, by LAPACK dgeev. */
    static double fullJacobianRate(TwoLayerModel m, SymmetricPlateau p) {
        double sum = 0;
        for (double l : m.spectrum().values()) {
            sum += l;
        }
        OrderParameters fixed = SymmetricPlateau.spread(p.Q(), p.R(), p.T(), m.L(), sum);
        OrderParameterOde ode = new OrderParameterOde(m, fixed);
        double[][] j = SymmetricPlateau.jacobian(ode, ode.pack(fixed));
        int n = j.length;
        double[] a = new double[n * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(j[r], 0, a, r * n, n);
        }
        double[] wr = new double[n];
        double[] wi = new double[n];
        Loader.load(openblas.class);
        int info = openblas.LAPACKE_dgeev(openblas.LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'N', n, a, n, wr, wi, new double[1], 1,
                new double[1], 1);
        assertEquals(0, info, "dgeev");
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Math.abs(wi[i]) <= 1e-12 * Math.max(1, Math.abs(wr[i]))) {
                best = Math.max(best, wr[i]);
            }
        }
        return best;
    }

    @Test
    void escapeRateIsTheFullJacobiansLargestRealEigenvalue() {
        // K = 2..5 with T = I (the escape modes come (K-1)^2 at a time) and a random teacher (T != I) at K = 3
        for (int k = 2; k <= 5; k++) {
            for (int l : new int[] {1, 4, 16}) {
                TwoLayerModel m = model(k, l, 0.1);
                SymmetricPlateau p = SymmetricPlateau.of(m, identity(k));
                assertEquals(fullJacobianRate(m, p), p.escapeRate(), 1e-7 * p.escapeRate(), "K = " + k + ", L = " + l);
            }
        }
        TwoLayerModel m = model(3, 4, 0.1);
        SymmetricPlateau random = SymmetricPlateau.of(m, Weights.draw(3, 3, 1024, 4, 0.01, 1, 7).orderParameters());
        double full = fullJacobianRate(m, random);
        assertEquals(full, random.escapeRate(), 1e-7 * full);
        // control: the same comparison tells a neighbouring learning rate apart
        SymmetricPlateau other = SymmetricPlateau.of(model(3, 4, 0.105), random.T());
        assertTrue(Math.abs(other.escapeRate() - full) > 1e-3 * full, other.escapeRate() + " vs " + full);
    }

    @Test
    void fixedPointIsSymmetricAndFixedForARandomTeacher() {
        TwoLayerModel m = model(3, 8, 0.1);
        OrderParameters init = Weights.draw(3, 3, 1024, 8, 0.01, 1, 3).orderParameters();
        SymmetricPlateau p = SymmetricPlateau.of(m, init);
        assertTrue(p.residual() < 1e-12, "residual " + p.residual());
        for (int i = 0; i < 3; i++) {
            assertEquals(p.Q()[0][0], p.Q()[i][i], 1e-12);
            for (int n = 0; n < 3; n++) {
                assertEquals(p.R()[0][n], p.R()[i][n], 1e-12, "R_" + i + n);
            }
        }
        assertEquals(p.Q()[0][1], p.Q()[1][2], 1e-12);
        // the teacher is the run's own: T = sum_l lambda_l t^l, not I
        double[][] t = init.bigT(m.spectrum());
        assertEquals(t[0][1], p.T()[0][1], 0);
        assertTrue(Math.abs(t[0][0] - 1) > 1e-3, "a random teacher at N = 1024 has T != I: " + t[0][0]);
    }

    @Test
    void heightAtTheIdentityTeacherIsSaadSollasPlateau() {
        for (int k = 2; k <= 4; k++) {
            // at eta = 0.1: the integration on the symmetric subspace for 60/eta alone (a second method: no Newton),
            // settled to ~1e-9 relative by then
            double settled = GeneralisationError.symmetricPlateau(k, 0.1, OutputScaling.NONE);
            assertEquals(settled, SymmetricPlateau.of(model(k, 1, 0.1), identity(k)).height(), 1e-8 * settled);
            // eta -> 0: the closed form eps* = (K/pi)(pi/6 - K arcsin(1/(2K)))
            double exact = GeneralisationError.symmetricPlateau(k, OutputScaling.NONE);
            double small = SymmetricPlateau.of(model(k, 4, 1e-4), identity(k)).height();
            assertEquals(exact, small, 1e-3 * exact, "K = " + k);
            // control: at eta = 0.1 the height is measurably above eps* (4 % for K = 2)
            assertTrue(settled > 1.03 * exact);
        }
    }

    @Test
    void aDisplacementFromTheFixedPointGrowsAtTheEscapeRate() {
        TwoLayerModel m = model(2, 4, 0.1);
        SymmetricPlateau p = SymmetricPlateau.of(m, identity(2));
        OrderParameters fixed = SymmetricPlateau.spread(p.Q(), p.R(), p.T(), 4, 4);
        OrderParameterOde ode = new OrderParameterOde(m, fixed);
        double[] y0 = ode.pack(fixed);
        double[] y = y0.clone();
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < y.length; i++) {
            y[i] += 1e-9 * rnd.nextGaussian();
        }
        // the state at times 200..800 (the growth is e^(mu t), mu = 0.014: a factor 4e3, still far below O(1))
        double[] times = {0, 200, 400, 600, 800};
        double[][] states = new double[times.length][];
        new DormandPrinceSampler(1e-20, 1e-12).integrate(ode, y, times, (j, s) -> states[j] = s.clone(), t -> { });
        double[] x = new double[times.length - 1];
        double[] logDev = new double[x.length];
        for (int j = 1; j < times.length; j++) {
            double d = 0;
            for (int i = 0; i < y0.length; i++) {
                d += (states[j][i] - y0[i]) * (states[j][i] - y0[i]);
            }
            x[j - 1] = times[j];
            logDev[j - 1] = 0.5 * Math.log(d);
        }
        double slope = LineFit.of(x, logDev).slope();
        assertEquals(p.escapeRate(), slope, 0.01 * p.escapeRate(), "growth of the displacement");
        // control: 10 % off is told apart
        assertTrue(Math.abs(1.1 * p.escapeRate() - slope) > 0.05 * p.escapeRate());
    }

    @Test
    void theBandFollowsTheRunsTeacher() {
        // K = 2, L = 1, seed 2 at N = 1024: the random teacher lifts the plateau 15 % above eps*_eta of T = I, out of the
        // old band; centred on the run's own fixed point the band holds the whole plateau
        PlateauStudy.Settings s = new PlateauStudy.Settings(1, 0.1, OutputScaling.NONE, 1024, 0.01, 2, 2000, 0.1, 40, Integrator.DP853);
        PlateauStudy.Row r = PlateauStudy.run(List.of(2), List.of(1), s, Progress.NONE).rows().get(0);
        assertTrue(r.fixed().height() > 1.12 * r.epsEta(), r.fixed().height() + " vs " + r.epsEta());
        Plateau old = Plateau.of(r.curve(), r.epsEta(), 0.1, 1e-9);
        assertTrue(r.plateau().length() > 700, "length " + r.plateau().length());
        assertTrue(old.length() < 0.3 * r.plateau().length(), "the band of T = I: " + old.length());
        assertEquals(r.fixed().height(), r.plateau().height(), 0.01 * r.fixed().height(), "the curve's median in the band");
        // about six escape times long (Saad & Solla: the plateau is set by the escape)
        assertTrue(r.lengthTimesRate() > 4 && r.lengthTimesRate() < 9, "length x rate " + r.lengthTimesRate());
    }
}
