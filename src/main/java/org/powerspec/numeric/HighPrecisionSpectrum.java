package org.powerspec.numeric;

import java.util.HashMap;
import java.util.Map;
import org.powerspec.Progress;
import org.powerspec.numeric.dd.DD;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDouble;
import org.powerspec.numeric.dd.DoubleDoubleEigenSolver;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * The spectrum of K in double-double end to end, for tails that fall under double precision's floor
 * (≈ d·2^−53·λ_max): λ_j = j^(−α) formed in DD, G = Wᵀ·diag(λ)·W accumulated in DD over row blocks of the exact
 * double entries of W ({@link DoubleDoubleGram}), K from G and the exact kernel coefficients in DD
 * ({@link DoubleDoubleKernel}), and all eigenvalues by DD Householder tridiagonalisation and Sturm bisection
 * ({@link DoubleDoubleEigenSolver}). No Java library offers a symmetric eigen-solver above double precision, so this
 * one is powerspec's own.
 *
 * <p>Error bound per eigenvalue: the solver's 8·d·u_DD·‖K‖_G (Gershgorin norm; Wilkinson's practical bound for the
 * tridiagonalisation, see {@link DoubleDoubleEigenSolver}) plus (F + d)·u_DD·‖K‖_G for forming G (a DD dot product of
 * length v per entry, its error amplified by the degree m of the kernel in G) and K, with u_DD = 2^−104 and
 * F = m·v + 2m + T ({@link SpectrumComputation#formingErrorFactor}); for p = 1 that is (v + d + 3)·u_DD·‖K‖_G.
 *
 * <p>K is formed and solved as K' = 2^−E·K with max_a K'_aa in [1, 2) ({@link KernelScaling}); eigenvalues and the
 * bound are multiplied back by 2^E, exactly. Unscaled, K's entries for y^p pass 10^154 at p = 64 (α = 2, d = 16),
 * where the squares in the solver's Sturm counts overflowed and the bisection never ended.
 */
final class HighPrecisionSpectrum {
    private HighPrecisionSpectrum() {
    }

    /**
     * λ_j = j^(−α) in DD for j = 1..v by {@link DoubleDouble#pow(DD, double)}: binary powering and one division for
     * integer α, DD exp/log otherwise.
     */
    static double[][] eigenvaluesOfH(double alpha, int v) {
        double[] hi = new double[v];
        double[] lo = new double[v];
        for (int j = 1; j <= v; j++) {
            DD l = DoubleDouble.pow(DD.of(j), -alpha);
            hi[j - 1] = l.hi();
            lo[j - 1] = l.lo();
        }
        return new double[][] {hi, lo};
    }

    static Spectrum compute(SpectrumSpec spec, Sketch sketch, Progress progress) {
        SpectrumComputation.checkShape(spec, sketch);
        int d = spec.d();
        int v = spec.v();
        int block = SpectrumComputation.blockRows(v, d);
        Map<String, Double> seconds = new HashMap<>();

        long t0 = System.nanoTime();
        // rows beyond H's rank (a cut-off M < v) have λ_j = 0 and add exactly nothing to G: they are never read
        int rank = spec.covariance().rank();
        double[][] lambda = eigenvaluesOfH(spec.alpha(), rank);
        DDMatrix g = new DDMatrix(d);
        double[] w = new double[block * d];
        for (int first = 0; first < rank; first += block) {
            int rows = Math.min(block, rank - first);
            sketch.fill(first, rows, w);
            int before = first;
            DoubleDoubleGram.accumulate(g, w, rows, d, lambda[0], lambda[1], first, DDMatrix.defaultPool(),
                    f -> progress.update("building G = W'HW in double-double", (before + f * rows) / rank));
        }
        long t1 = System.nanoTime();
        KernelTerms terms = KernelTerms.of(KernelPolynomial.of(HermiteChaos.expand(spec.activation())), spec.centred());
        KernelScaling scaling = KernelScaling.of(DoubleDoubleKernel.diagonal(g), terms, d);
        SpectrumComputation.requireRepresentable(spec, scaling);
        DDMatrix k = DoubleDoubleKernel.buildScaled(g, scaling, d, DDMatrix.defaultPool());
        g = null;
        long t2 = System.nanoTime();
        String stage = "solving for " + d + " eigenvalues in double-double";
        progress.update(stage, 0);
        DoubleDoubleEigenSolver.Result r = DoubleDoubleEigenSolver.solve(k, DDMatrix.defaultPool(),
                fraction -> progress.update(stage, fraction));
        long t3 = System.nanoTime();

        // eigenvalues and bound of K' = 2^−E·K, multiplied back by 2^E (exact)
        double norm = r.gershgorinBound();
        double forming = SpectrumComputation.formingErrorFactor(terms, v) + d;
        double bound = scaling.unscale(r.absoluteErrorBound() + forming * DoubleDouble.UNIT_ROUNDOFF * norm);
        double[] bounds = new double[d];
        java.util.Arrays.fill(bounds, bound);
        double[] hi = r.eigenvaluesHi();
        double[] lo = r.eigenvaluesLo();
        for (int j = 0; j < d; j++) {
            hi[j] = scaling.unscale(hi[j]);
            lo[j] = scaling.unscale(lo[j]);
        }
        seconds.put("gram", (t1 - t0) / 1e9);
        seconds.put("kernel", (t2 - t1) / 1e9);
        seconds.put("eigenvalues", (t3 - t2) / 1e9);
        return new Spectrum(spec, sketch.describe(), "double-double (Householder + Sturm bisection, powerspec's own)",
                hi, lo, bounds, seconds, SpectrumComputation.warnings(spec, v, d));
    }
}
