package org.powerspec.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * From parameters to the whole spectrum of K: the sketch W (seeded or the user's), G = WᵀHW accumulated over row
 * blocks of W (memory O(d²) whatever v is), K in closed form from G and the exact kernel polynomial, and all d
 * eigenvalues with error bounds — in double (native syrk/syevd) or double-double.
 *
 * <p>Error bound in double precision: the eigen-solver is backward stable (the computed eigenvalues are exact for
 * K + E, ‖E‖₂ ≤ c·d·ε·‖K‖₂), and forming G and K in floating point perturbs K by a further matrix whose norm is of
 * order v·ε·‖K‖₂ in the worst case; by Weyl's inequality every eigenvalue then moves by at most
 * (d + v)·ε·λ_max. That is the bound reported for each eigenvalue (ε = 2^−53); the tests check it against
 * double-double spectra.
 */
public final class SpectrumComputation {
    private SpectrumComputation() {
    }

    /** The sketch the spec describes: the user's file or the seeded Gaussian. */
    public static Sketch sketchFor(SpectrumSpec spec) {
        return spec.sketchFile() != null ? SketchFile.read(spec.sketchFile())
                : new SeededGaussianSketch(spec.seed(), spec.v(), spec.d(), spec.wVariance());
    }

    /** Refuses a sketch whose shape is not the spec's v × d (a caller's error: H and the output follow the spec). */
    static void checkShape(SpectrumSpec spec, Sketch sketch) {
        if (sketch.rows() != spec.v() || sketch.columns() != spec.d()) {
            throw new IllegalArgumentException("the sketch is " + sketch.rows() + " x " + sketch.columns() + " but the spec says v = "
                    + spec.v() + ", d = " + spec.d());
        }
    }

    /** Rows of W per block: a multiple of the sketch's stream block, about d, so the block is no bigger than G. */
    static int blockRows(int v, int d) {
        int b = Math.max(SeededGaussianSketch.BLOCK, (d / SeededGaussianSketch.BLOCK) * SeededGaussianSketch.BLOCK);
        return Math.min(b, v);
    }

    /**
     * The heap a spectrum needs at its peak, counted in doubles (8 bytes each), with b·d the doubles of one block of W.
     * In double: G (d²), its read-back from native memory (d²) and two blocks of W (2·b·d).
     * In double-double ({@link HighPrecisionSpectrum}) no stage holds more than two d×d DD matrices, 4·d²:
     * building G holds G (2·d²), the block of W and its per-row copy (2·b·d); building K holds G and K (4·d²) — G is
     * dropped once K is built; solving holds K, still referenced by the caller, and the solver's working copy of it
     * (4·d²) while the block of W stays in scope (b·d). Throughout, λ_j of H in DD (2·rank H). Hence
     * 4·d² + 2·b·d + 2·rank H doubles; everything else is O(d).
     */
    public static long heapBytes(SpectrumSpec spec) {
        long d2 = (long) spec.d() * spec.d();
        long block = (long) blockRows(spec.v(), spec.d()) * spec.d();
        long lambda = 2L * spec.covariance().rank();
        return spec.precision() == Precision.HIGH ? 8 * (4 * d2 + 2 * block + lambda) : 8 * (2 * d2 + 2 * block);
    }

    /** Refuses, before any work, a spectrum that cannot fit in this JVM's memory. */
    public static void checkResources(SpectrumSpec spec) {
        MemoryBudget.require(heapBytes(spec), "a " + spec.precision().userName() + "-precision spectrum at d = " + spec.d());
    }

    /** Computes the spectrum the spec describes, W from {@code sketch}, in the spec's precision. */
    public static Spectrum compute(SpectrumSpec spec, Sketch sketch, Progress progress) {
        checkResources(spec);
        if (spec.precision() == Precision.HIGH) {
            return HighPrecisionSpectrum.compute(spec, sketch, progress);
        }
        return computeDouble(spec, sketch, DenseLinearAlgebra.best(), progress);
    }

    /** Computes the spectrum the spec describes, W from {@code sketch}, in double precision. */
    public static Spectrum computeDouble(SpectrumSpec spec, Sketch sketch, DenseLinearAlgebra la, Progress progress) {
        checkShape(spec, sketch);
        int d = spec.d();
        int v = spec.v();
        int block = blockRows(v, d);
        PowerLawCovariance h = spec.covariance();
        // rows beyond H's rank (a cut-off M < v) have λ_j = 0 and add exactly nothing to G: they are never read
        int rank = h.rank();
        Map<String, Double> seconds = new HashMap<>();

        long t0 = System.nanoTime();
        double[] g;
        try (DenseLinearAlgebra.GramAccumulator acc = la.gram(d)) {
            double[] z = new double[block * d];
            for (int first = 0; first < rank; first += block) {
                int rows = Math.min(block, rank - first);
                sketch.fill(first, rows, z);
                for (int r = 0; r < rows; r++) {
                    double s = Math.sqrt(h.eigenvalue(first + r + 1));
                    for (int a = 0; a < d; a++) {
                        z[r * d + a] *= s;
                    }
                }
                acc.add(z, rows);
                progress.update("building G = W'HW", (double) (first + rows) / rank);
            }
            g = acc.result();
        }
        long t1 = System.nanoTime();
        KernelPolynomial kernel = KernelPolynomial.of(HermiteChaos.expand(spec.activation()));
        RandomFeatureKernel.buildInPlace(g, d, KernelTerms.of(kernel, spec.centred()));
        long t2 = System.nanoTime();
        progress.update("solving for " + d + " eigenvalues", 0);
        double[] ascending = la.symmetricEigenvalues(g, d);
        long t3 = System.nanoTime();
        progress.update("solving for " + d + " eigenvalues", 1);

        double[] hi = new double[d];
        double maxAbs = 0;
        for (int j = 0; j < d; j++) {
            hi[j] = ascending[d - 1 - j];
            maxAbs = Math.max(maxAbs, Math.abs(hi[j]));
        }
        double[] bound = new double[d];
        java.util.Arrays.fill(bound, ((double) d + v) * Precision.DOUBLE.unitRoundoff() * maxAbs);
        seconds.put("gram", (t1 - t0) / 1e9);
        seconds.put("kernel", (t2 - t1) / 1e9);
        seconds.put("eigenvalues", (t3 - t2) / 1e9);
        return new Spectrum(spec, sketch.describe(), "double: " + la.name(), hi, new double[d], bound, seconds,
                warnings(spec, v, d));
    }

    static List<String> warnings(SpectrumSpec spec, int v, int d) {
        List<String> w = new ArrayList<>();
        if (v < SpectrumSpec.SMALL_V_PER_D * d) {
            w.add("v/d = " + String.format(java.util.Locale.ROOT, "%.3g", (double) v / d) + " < "
                    + SpectrumSpec.SMALL_V_PER_D + ": for p = 1 the smallest eigenvalues collapse as v -> d");
        }
        if (!NativeLapack.available() && spec.precision() == Precision.DOUBLE) {
            w.add("native OpenBLAS could not load (" + NativeLapack.loadFailure() + "): using the pure-Java ojAlgo fallback");
        }
        return w;
    }
}
