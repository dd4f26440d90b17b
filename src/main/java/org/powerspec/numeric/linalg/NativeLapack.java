package org.powerspec.numeric.linalg;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Native BLAS/LAPACK through the OpenBLAS build bundled in {@code org.bytedeco:openblas} (nothing to install):
 * {@code dsyrk} accumulates the Gram matrix block by block in off-heap memory, {@code dsyevd} (divide and conquer,
 * eigenvalues only) solves the spectrum. OpenBLAS picks the kernels for the CPU it runs on and uses every core.
 */
public final class NativeLapack implements DenseLinearAlgebra {
    static final NativeLapack INSTANCE = new NativeLapack();

    private static final Throwable LOAD_FAILURE = load();

    private NativeLapack() {
    }

    private static Throwable load() {
        if (Boolean.getBoolean("powerspec.noNative")) {
            return new UnsatisfiedLinkError("disabled by -Dpowerspec.noNative=true");
        }
        try {
            Loader.load(openblas.class);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** True when the native library loaded on this machine. */
    public static boolean available() {
        return LOAD_FAILURE == null;
    }

    /** Why the native library did not load, or null. */
    public static String loadFailure() {
        return LOAD_FAILURE == null ? null : LOAD_FAILURE.toString();
    }

    @Override
    public String name() {
        return openblas.OPENBLAS_VERSION.trim() + " (native dsyrk/dsyevd)";
    }

    /** Below this order OpenBLAS runs on one thread (see {@link #threadsFor}). */
    static final int ONE_THREAD_BELOW = 1536;

    private static boolean singleThreaded;

    /**
     * Runs OpenBLAS on one thread for the rest of the process, whatever the order: for callers that run several
     * independent spectra at once and so already keep every core busy.
     */
    public static synchronized void oneThread() {
        if (available() && !singleThreaded) {
            openblas.blas_set_num_threads(1);
            singleThreaded = true;
        }
    }

    /**
     * Below order {@value #ONE_THREAD_BELOW} OpenBLAS is switched to one thread for the rest of the process. Measured
     * on 2 cores: between Java's own parallel loops (the sketch, the kernel) OpenBLAS's waiting threads and the
     * JIT's compiler threads compete for the cores, and a 2-thread {@code dsyevd} at n = 512 then takes 1–3 s instead
     * of 0.02–0.05 s on one thread; at n ≥ 2048 its two threads are worth it (0.41 s against 0.66 s). The switch is
     * one way: asking OpenBLAS for two threads again made it slower still.
     */
    private static void threadsFor(int n) {
        if (n < ONE_THREAD_BELOW) {
            oneThread();
        }
    }

    @Override
    public GramAccumulator gram(int d) {
        threadsFor(d);
        return new GramAccumulator() {
            private final DoublePointer g = new DoublePointer((long) d * d).zero();
            private DoublePointer z;
            private int zCapacity;

            @Override
            public void add(double[] block, int rows) {
                if (zCapacity < rows) {
                    if (z != null) {
                        z.close();
                    }
                    z = new DoublePointer((long) rows * d);
                    zCapacity = rows;
                }
                z.put(block, 0, rows * d);
                // C := Zᵀ Z + C on the upper triangle of the row-major C
                openblas.cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, d, rows, 1.0, z, d, 1.0, g, d);
            }

            @Override
            public double[] result() {
                double[] out = new double[d * d];
                g.get(out);
                return out;
            }

            @Override
            public void close() {
                g.close();
                if (z != null) {
                    z.close();
                }
            }
        };
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        threadsFor(n);
        int scale = DenseLinearAlgebra.scaleUpperTriangle(a, n);
        try (DoublePointer m = new DoublePointer(a); DoublePointer w = new DoublePointer(n)) {
            // the row-major upper triangle is the column-major lower one: this spares LAPACKE a transposed copy
            int info = openblas.LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, m, n, w);
            if (info != 0) {
                throw new ArithmeticException("LAPACK dsyevd failed to converge (info = " + info + ")");
            }
            double[] out = new double[n];
            w.get(out);
            return DenseLinearAlgebra.unscale(out, scale);
        }
    }

    /**
     * The machine's measured dense peak through this library: GFlop/s of a square {@code dgemm} of order n (2n³
     * flops), best of three. The yardstick against which the spectrum's syrk (d²·v flops) and syevd
     * (about 4/3·d³ flops, half of them in memory-bound matrix–vector products) are judged.
     */
    public static double gemmGflops(int n) {
        double best = 0;
        try (DoublePointer a = new DoublePointer((long) n * n); DoublePointer c = new DoublePointer((long) n * n)) {
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    row[j] = Math.sin(i + 0.5 * j);
                }
                a.position((long) i * n).put(row, 0, n);
            }
            a.position(0);
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                openblas.cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, n, n, 1.0, a, n, a, n, 0.0, c, n);
                best = Math.max(best, 2.0 * n * n * n / (System.nanoTime() - t0));
            }
        }
        return best;
    }

    /** Starts loading the native library on a background thread, so that it overlaps the JVM's other start-up work. */
    public static void preloadInBackground() {
        Thread t = new Thread(NativeLapack::available, "powerspec-native-preload");
        t.setDaemon(true);
        t.start();
    }
}
