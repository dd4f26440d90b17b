package org.powerspec.numeric;

import java.util.function.DoubleConsumer;
import org.powerspec.numeric.linalg.DenseLinearAlgebra;

/**
 * The spectrum pipeline's stages in IEEE double on a {@link DenseLinearAlgebra} (native OpenBLAS/LAPACK syrk and
 * syevd where they load, ojAlgo otherwise): G by a Gram accumulation of the blocks √λ_j·w_j, K' in place over G's upper
 * triangle ({@link RandomFeatureKernel}), the eigenvalues by the backward-stable symmetric solver.
 *
 * <p>Error bound: the solver's eigenvalues are exact for K' + E, ‖E‖₂ ≤ c·d·ε·‖K'‖₂, and forming G and K' adds a
 * perturbation of norm about F·ε·‖K'‖₂; by Weyl's inequality every eigenvalue moves by at most (d + F)·ε·λ_max, with
 * ε = 2^−53 and λ_max the largest |eigenvalue| computed.
 */
final class DoubleSpectrumBackend implements SpectrumBackend<double[]> {
    private final DenseLinearAlgebra la;

    DoubleSpectrumBackend(DenseLinearAlgebra la) {
        this.la = la;
    }

    @Override
    public String method() {
        return "double: " + la.name();
    }

    @Override
    public String stageSuffix() {
        return "";
    }

    @Override
    public Gram<double[]> gram(PowerLawCovariance h, int d) {
        DenseLinearAlgebra.GramAccumulator acc = la.gram(d);
        return new Gram<>() {
            @Override
            public void add(double[] z, int first, int rows, DoubleConsumer done) {
                for (int r = 0; r < rows; r++) {
                    double s = Math.sqrt(h.eigenvalue(first + r + 1));
                    for (int a = 0; a < d; a++) {
                        z[r * d + a] *= s;
                    }
                }
                acc.add(z, rows);
                done.accept(1);
            }

            @Override
            public double[] result() {
                return acc.result();
            }

            @Override
            public void close() {
                acc.close();
            }
        };
    }

    @Override
    public double[] diagonal(double[] g, int d) {
        return RandomFeatureKernel.diagonal(g, d);
    }

    @Override
    public double[] kernel(double[] g, KernelScaling scaling, int d) {
        RandomFeatureKernel.buildScaledInPlace(g, d, scaling);
        return g;
    }

    @Override
    public Eigenvalues eigenvalues(double[] k, int d, double forming, DoubleConsumer done) {
        double[] ascending = la.symmetricEigenvalues(k, d);
        done.accept(1);
        double[] hi = new double[d];
        double maxAbs = 0;
        for (int j = 0; j < d; j++) {
            hi[j] = ascending[d - 1 - j];
            maxAbs = Math.max(maxAbs, Math.abs(ascending[d - 1 - j]));
        }
        return new Eigenvalues(hi, new double[d], (d + forming) * Precision.DOUBLE.unitRoundoff() * maxAbs);
    }
}
