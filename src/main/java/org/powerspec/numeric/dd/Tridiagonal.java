package org.powerspec.numeric.dd;

/**
 * A real symmetric tridiagonal matrix T in double-double: the diagonal d_i = T(i, i), i = 0..n−1, and the
 * off-diagonal e_i = T(i+1, i) = T(i, i+1), i = 0..n−2, each as (hi, lo) pairs. What
 * {@link HouseholderTridiagonalization} makes of a symmetric matrix and {@link SturmBisection} finds the eigenvalues
 * of.
 *
 * @param dHi high parts of the diagonal
 * @param dLo low parts of the diagonal
 * @param eHi high parts of the off-diagonal (length n − 1, or 0 for n = 0)
 * @param eLo low parts of the off-diagonal
 */
record Tridiagonal(double[] dHi, double[] dLo, double[] eHi, double[] eLo) {

    /** The order n. */
    int n() {
        return dHi.length;
    }
}
