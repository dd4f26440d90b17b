package org.powerspec.numeric;

/**
 * A sketch matrix W ∈ R^{v×d}, read in row blocks so that nothing of size v·d need be held at once: the Gram
 * matrix WᵀHW is accumulated block by block in O(d²) memory whatever v is.
 */
public interface Sketch {
    /** v, the number of rows (the data dimension). */
    int rows();

    /** d, the number of columns (the number of random features). */
    int columns();

    /**
     * Writes rows {@code first … first+count−1} (0-based) into {@code out}, row-major, {@code count·d} values.
     * The values depend only on the row index, never on how the rows are requested or on the thread count.
     */
    void fill(int first, int count, double[] out);

    /** One line saying where W comes from, echoed into every result. */
    String describe();
}
