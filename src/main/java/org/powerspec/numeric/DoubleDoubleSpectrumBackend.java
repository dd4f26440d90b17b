package org.powerspec.numeric;

import java.util.function.DoubleConsumer;
import org.powerspec.numeric.dd.DDMatrix;
import org.powerspec.numeric.dd.DoubleDouble;
import org.powerspec.numeric.dd.DoubleDoubleArithmetic;
import org.powerspec.numeric.dd.DoubleDoubleEigenSolver;

/**
 * The spectrum pipeline's stages in double-double end to end, for tails that fall under double precision's floor
 * (≈ d·2^−53·λ_max): λ_j = j^(−α) formed in DD, G = Wᵀ·diag(λ)·W accumulated in DD over row blocks of the exact
 * double entries of W ({@link DoubleDoubleGram}), K' from G and the exact kernel coefficients in DD
 * ({@link DoubleDoubleKernel}), and all eigenvalues by DD Householder tridiagonalisation and Sturm bisection
 * ({@link DoubleDoubleEigenSolver}). No Java library offers a symmetric eigen-solver above double precision, so this
 * one is powerspec's own.
 *
 * <p>Error bound per eigenvalue: the solver's 8·d·u_DD·‖K'‖_G (Gershgorin norm; Wilkinson's practical bound for the
 * tridiagonalisation, see {@link DoubleDoubleEigenSolver}) plus (F + d)·u_DD·‖K'‖_G for forming G (a DD dot product
 * of length v per entry, its error amplified by the degree m of the kernel in G) and K, with u_DD = 2^−104 and
 * F = m·v + 2m + T ({@link SpectrumComputation#formingErrorFactor}); for p = 1 that is (v + d + 3)·u_DD·‖K'‖_G.
 *
 * <p>K is solved as K' = 2^−E·K with max_a K'_aa in [1, 2) ({@link KernelScaling}): unscaled, K's entries for y^p
 * pass 10^154 at p = 64 (α = 2, d = 16), where the squares in the solver's Sturm counts overflowed and the bisection
 * never ended.
 */
final class DoubleDoubleSpectrumBackend implements SpectrumBackend<DDMatrix> {

    /**
     * λ_j = j^(−α) in DD for j = 1..v by {@link DoubleDoubleArithmetic#pow(DoubleDouble, double)}: binary powering
     * and one division for integer α, DD exp/log otherwise.
     */
    static double[][] eigenvaluesOfH(double alpha, int v) {
        double[] hi = new double[v];
        double[] lo = new double[v];
        for (int j = 1; j <= v; j++) {
            DoubleDouble l = DoubleDoubleArithmetic.pow(DoubleDouble.of(j), -alpha);
            hi[j - 1] = l.hi();
            lo[j - 1] = l.lo();
        }
        return new double[][] {hi, lo};
    }

    @Override
    public String method() {
        return "double-double (Householder + Sturm bisection, powerspec's own)";
    }

    @Override
    public String stageSuffix() {
        return " in double-double";
    }

    @Override
    public Gram<DDMatrix> gram(PowerLawCovariance h, int d) {
        // rows beyond H's rank (a cut-off M < v) are never added, so λ is needed to the rank only
        double[][] lambda = eigenvaluesOfH(h.alpha(), h.rank());
        DDMatrix g = new DDMatrix(d);
        return new Gram<>() {
            @Override
            public void add(double[] w, int first, int rows, DoubleConsumer done) {
                DoubleDoubleGram.accumulate(g, w, rows, d, lambda[0], lambda[1], first, DDMatrix.defaultPool(), done);
            }

            @Override
            public DDMatrix result() {
                return g;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public double[] diagonal(DDMatrix g, int d) {
        return DoubleDoubleKernel.diagonal(g);
    }

    @Override
    public DDMatrix kernel(DDMatrix g, KernelScaling scaling, int d) {
        return DoubleDoubleKernel.buildScaled(g, scaling, d, DDMatrix.defaultPool());
    }

    @Override
    public Eigenvalues eigenvalues(DDMatrix k, int d, double forming, DoubleConsumer done) {
        DoubleDoubleEigenSolver.Result r = DoubleDoubleEigenSolver.solve(k, DDMatrix.defaultPool(), done);
        double norm = r.gershgorinBound();
        double factor = forming + d;
        double bound = r.absoluteErrorBound() + factor * DoubleDoubleArithmetic.UNIT_ROUNDOFF * norm;
        return new Eigenvalues(r.eigenvaluesHi(), r.eigenvaluesLo(), bound);
    }
}
