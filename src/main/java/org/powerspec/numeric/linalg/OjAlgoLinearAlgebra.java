package org.powerspec.numeric.linalg;

import java.util.Arrays;
import org.ojalgo.array.Array1D;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.scalar.ComplexNumber;

/**
 * The pure-Java fallback: ojAlgo's dense multiply for the Gram matrix and its symmetric eigenvalue solver
 * (Householder tridiagonalisation and implicit QL), about 8× slower than native LAPACK at n = 2000 but needing no
 * native code. Used, and said to be used, where OpenBLAS cannot load; also a second double-precision method for tests.
 */
public final class OjAlgoLinearAlgebra implements DenseLinearAlgebra {
    public static final OjAlgoLinearAlgebra INSTANCE = new OjAlgoLinearAlgebra();

    private OjAlgoLinearAlgebra() {
    }

    @Override
    public String name() {
        return "ojAlgo 57.1.0 (pure Java)";
    }

    @Override
    public GramAccumulator gram(int d) {
        return new GramAccumulator() {
            private final double[] g = new double[d * d];

            @Override
            public void add(double[] z, int rows) {
                // ojAlgo stores column-major: the row-major rows×d block read as a d×rows matrix is Zᵀ
                R064Store zt = R064Store.wrap(Arrays.copyOf(z, rows * d), d);
                MatrixStore<Double> product = zt.multiply(zt.transpose());
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        g[i * d + j] += product.doubleValue(i, j);
                    }
                }
            }

            @Override
            public double[] result() {
                return g.clone();
            }

            @Override
            public void close() {
                // heap only
            }
        };
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        int scale = DenseLinearAlgebra.scaleUpperTriangle(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i * n + j] = a[j * n + i];
            }
        }
        Eigenvalue<Double> evd = Eigenvalue.R064.make(n, true);
        if (!evd.computeValuesOnly(R064Store.wrap(a, n))) {
            throw new ArithmeticException("ojAlgo's symmetric eigenvalue solver failed");
        }
        Array1D<ComplexNumber> values = evd.getEigenvalues();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values.get(i).getReal();
        }
        Arrays.sort(out);
        return DenseLinearAlgebra.unscale(out, scale);
    }
}
