package org.powerspec.numeric.linalg;

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
     * each is exact for some A + E with ‖E‖₂ of order n·ε·‖A‖₂. The matrix is solved as 2^−s·A with its largest
     * entry in [1, 2) ({@link #scaleUpperTriangle}) and the eigenvalues multiplied back by 2^s, exactly.
     *
     * @throws IllegalArgumentException when an entry of the upper triangle is not finite
     * @throws ArithmeticException when an eigenvalue is beyond double's range
     */
    double[] symmetricEigenvalues(double[] a, int n);

    /**
     * Multiplies the upper triangle of the row-major n×n {@code a} by 2^−s, s the binary exponent of its largest
     * entry (0 for a zero matrix), and returns s. A power of two changes no rounding, so eigenvalues solved from the
     * scaled matrix are those of a, times 2^−s, but no step of the solver can overflow (LAPACK's dsyevd fails with
     * info &gt; 0 on infinite entries, as unscaled kernels for y^p had from p = 114 at α = 2, d = 16).
     *
     * @throws IllegalArgumentException when an entry of the upper triangle is NaN or infinite
     */
    static int scaleUpperTriangle(double[] a, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double x = a[i * n + j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") of the matrix is not finite: " + x);
                }
                max = Math.max(max, Math.abs(x));
            }
        }
        int s = max == 0 ? 0 : Math.getExponent(max);
        if (s != 0) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    a[i * n + j] = Math.scalb(a[i * n + j], -s);
                }
            }
        }
        return s;
    }

    /** Multiplies eigenvalues solved from 2^−s·A back by 2^s, refusing to return an overflowed one. */
    static double[] unscale(double[] eigenvalues, int s) {
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = Math.scalb(eigenvalues[i], s);
            if (Double.isInfinite(eigenvalues[i])) {
                throw new ArithmeticException("an eigenvalue (2^" + s + " times " + Math.scalb(eigenvalues[i], -s)
                        + ") is beyond double's range");
            }
        }
        return eigenvalues;
    }

    /** The best backend this machine offers: native where it loads, else the pure-Java fallback. */
    static DenseLinearAlgebra best() {
        return NativeLapack.available() ? NativeLapack.INSTANCE : OjAlgoLinearAlgebra.INSTANCE;
    }
}
