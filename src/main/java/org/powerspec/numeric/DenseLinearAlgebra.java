package org.powerspec.numeric;

/**
 * The two dense double-precision kernels the spectrum needs, behind one small interface so a factory can choose how:
 * native OpenBLAS/LAPACK ({@link NativeLapack}) where it loads, pure-Java ojAlgo ({@link OjAlgoLinearAlgebra})
 * where it does not. Matrices are row-major {@code double[]} of length n·n; symmetric ones are represented by their
 * upper triangle (entries (i, j) with j ≥ i), the rest is not referenced.
 */
public interface DenseLinearAlgebra {

    /** A short name, echoed into results ("OpenBLAS 0.3.31 syrk/syevd", "ojAlgo (pure Java)"). */
    String name();

    /** A running Gram accumulation G = Σ_blocks Z_bᵀ Z_b. */
    interface GramAccumulator extends AutoCloseable {
        /** Adds Zᵀ Z for the block Z ({@code rows} × d, row-major). */
        void add(double[] z, int rows);

        /** G as a row-major d×d array whose upper triangle holds G (the lower is unspecified). */
        double[] result();

        @Override
        void close();
    }

    /** Starts a Gram accumulation for d columns. */
    GramAccumulator gram(int d);

    /**
     * All eigenvalues of the symmetric matrix whose upper triangle is in {@code a} (n×n, row-major; destroyed),
     * ascending. Backward stable:
     * each is exact for some A + E with ‖E‖₂ of order n·ε·‖A‖₂.
     */
    double[] symmetricEigenvalues(double[] a, int n);

    /** The best backend this machine offers: native where it loads, else the pure-Java fallback. */
    static DenseLinearAlgebra best() {
        return NativeLapack.available() ? NativeLapack.INSTANCE : OjAlgoLinearAlgebra.INSTANCE;
    }
}
