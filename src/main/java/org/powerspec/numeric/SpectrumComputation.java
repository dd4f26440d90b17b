package org.powerspec.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.MemoryBudget;
import org.powerspec.Progress;
import org.powerspec.numeric.linalg.DenseLinearAlgebra;
import org.powerspec.numeric.linalg.NativeLapack;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;

/**
 * From parameters to the whole spectrum of K: the sketch W (seeded or the user's), G = WᵀHW accumulated over row
 * blocks of W (memory O(d²) whatever v is), K in closed form from G and the exact kernel polynomial, and all d
 * eigenvalues with error bounds — in double (native syrk/syevd) or double-double. One pipeline runs the three
 * stages over a {@link SpectrumBackend} chosen by precision ({@link DoubleSpectrumBackend},
 * {@link DoubleDoubleSpectrumBackend}); the block loop, the kernel's scaling and range check, the timings and the
 * warnings are the pipeline's, the arithmetic is the back end's.
 *
 * <p>Error bound in double precision: the eigen-solver is backward stable (the computed eigenvalues are exact for
 * K + E, ‖E‖₂ ≤ c·d·ε·‖K‖₂), and forming G and K in floating point perturbs K by a further matrix of norm about
 * F·ε·‖K‖₂, F = m·v + 2m + T ({@link #formingErrorFactor}); by Weyl's inequality every eigenvalue then moves by at
 * most (d + F)·ε·λ_max. That is the bound reported for each eigenvalue (ε = 2^−53); the tests check it against
 * double-double spectra, up to p = 150. For p = 1 (m = 1, T = 1) it is (d + v + 3)·ε·λ_max.
 *
 * <p>K is formed and solved as K' = 2^−E·K ({@link KernelScaling}): its entries for f = y^p grow like
 * (1/d)·(2p − 1)!!·G_aa^p and, unscaled, overflow double from p = 114 at α = 2, σ = 1, d = 16 (and LAPACK then fails), while
 * K' has max_a K'_aa in [1, 2). Eigenvalues and bounds are multiplied back by 2^E, exactly. A spectrum whose
 * eigenvalues cannot be doubles at all is refused, before K is formed, by {@link #requireRepresentable}.
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
     * In double-double ({@link DoubleDoubleSpectrumBackend}) no stage holds more than two d×d DD matrices, 4·d²:
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
        return run(spec, sketch, backend(spec.precision()), progress);
    }

    /** Computes the spectrum the spec describes, W from {@code sketch}, in double precision on {@code la}. */
    public static Spectrum computeDouble(SpectrumSpec spec, Sketch sketch, DenseLinearAlgebra la, Progress progress) {
        return run(spec, sketch, new DoubleSpectrumBackend(la), progress);
    }

    /** The back end of a precision: the best double-precision kernels, or double-double throughout. */
    static SpectrumBackend<?> backend(Precision precision) {
        return precision == Precision.HIGH ? new DoubleDoubleSpectrumBackend()
                : new DoubleSpectrumBackend(DenseLinearAlgebra.best());
    }

    /**
     * The pipeline, once for every back end: G over row blocks of W, K' = 2^−E·K after the range check, the
     * eigenvalues of K' and their bound, multiplied back by 2^E (exact); stage timings and warnings.
     */
    static <M> Spectrum run(SpectrumSpec spec, Sketch sketch, SpectrumBackend<M> backend, Progress progress) {
        checkShape(spec, sketch);
        int d = spec.d();
        int v = spec.v();
        int block = blockRows(v, d);
        PowerLawCovariance h = spec.covariance();
        // rows beyond H's rank (a cut-off M < v) have λ_j = 0 and add exactly nothing to G: they are never read
        int rank = h.rank();
        Map<String, Double> seconds = new HashMap<>();

        long t0 = System.nanoTime();
        String gramStage = "building G = W'HW" + backend.stageSuffix();
        M g;
        try (SpectrumBackend.Gram<M> acc = backend.gram(h, d)) {
            double[] w = new double[block * d];
            for (int first = 0; first < rank; first += block) {
                int rows = Math.min(block, rank - first);
                sketch.fill(first, rows, w);
                int before = first;
                acc.add(w, first, rows, f -> progress.update(gramStage, (before + f * rows) / rank));
            }
            g = acc.result();
        }
        long t1 = System.nanoTime();
        KernelTerms terms = KernelTerms.of(KernelPolynomial.of(HermiteChaos.expand(spec.activation())), spec.centred());
        KernelScaling scaling = KernelScaling.of(backend.diagonal(g, d), terms, d);
        requireRepresentable(spec, scaling);
        M k = backend.kernel(g, scaling, d);
        g = null; // G is not needed once K is built (4·d² doubles in double-double, see heapBytes)
        long t2 = System.nanoTime();
        String solveStage = "solving for " + d + " eigenvalues" + backend.stageSuffix();
        progress.update(solveStage, 0);
        SpectrumBackend.Eigenvalues e = backend.eigenvalues(k, d, formingErrorFactor(terms, v),
                f -> progress.update(solveStage, f));
        long t3 = System.nanoTime();

        // eigenvalues and bound of K' = 2^−E·K, multiplied back by 2^E (exact)
        double[] hi = e.hi();
        double[] lo = e.lo();
        for (int j = 0; j < d; j++) {
            hi[j] = scaling.unscale(hi[j]);
            lo[j] = scaling.unscale(lo[j]);
        }
        double[] bound = new double[d];
        java.util.Arrays.fill(bound, scaling.unscale(e.bound()));
        seconds.put("gram", (t1 - t0) / 1e9);
        seconds.put("kernel", (t2 - t1) / 1e9);
        seconds.put("eigenvalues", (t3 - t2) / 1e9);
        return new Spectrum(spec, sketch.describe(), backend.method(), hi, lo, bound, seconds, warnings(spec, v, d));
    }

    /**
     * F = m·v + 2m + T: the error of forming G and then K, in unit roundoffs times ‖K‖, with m = max_t n_t/2 the
     * degree of the kernel polynomial in the entries of G (p for y^p) and T its number of terms.
     *
     * <p>Each G_ab is a dot product of length v with positive weights λ_j, so |Ĝ_ab − G_ab| ≤ v·u·Σ_j λ_j·|W_ja W_jb|
     * ≤ v·u·√(G_aa G_bb). A term of K of degree n_t/2 in G turns a relative error γ of its arguments into n_t/2·γ of
     * itself: K ∝ G^p for y^p, so the error of G reaches K multiplied by m (at p = 150 leaving it out let the double
     * spectrum's error exceed its bound sevenfold). Evaluating a term takes at most 2m + 3 roundings (its powers of s
     * and c and three products) and summing the T terms T − 1 more. The errors are relative to the majorant
     * Σ_t |q_t|·s_a^{i_t+k_t}·s_b^{j_t+k_t}/d, which for y^p is √(K_aa K_bb); the bound takes its norm as ‖K‖ (as it
     * always has for the dot product's v·u), which the tests check against double-double spectra.
     */
    static double formingErrorFactor(KernelTerms terms, int v) {
        double m = terms.maxGramDegree();
        return m * v + 2 * m + terms.size();
    }

    /**
     * Refuses, before K is formed, a spectrum that cannot be reported in doubles (see
     * {@link KernelScaling#representable()}): trace K ≥ 2^1023 (the largest eigenvalue or its bound may overflow) or
     * max_a K_aa &lt; 2^−800 (they underflow). One line names f, d and both bounds of λ_max and, when the kernel is
     * homogeneous in G of degree m (f = y^p: m = p), the entry variance of W that brings the spectrum into range:
     * K scales as (σ²)^m.
     *
     * @throws org.powerspec.InvalidInputException when the spectrum is out of range
     */
    static void requireRepresentable(SpectrumSpec spec, KernelScaling scaling) {
        if (scaling.representable()) {
            return;
        }
        boolean large = !(scaling.log2Trace() < KernelScaling.MAX_LOG2);
        String f = spec.activation().monomial() ? "p = " + spec.p() : "f(y) = " + spec.activation().label();
        StringBuilder m = new StringBuilder();
        m.append(f).append(" at d = ").append(spec.d()).append(" is beyond the range of doubles, in which eigenvalues")
                .append(" and their bounds are reported: the largest eigenvalue of K lies between max_a K_aa = ")
                .append(powerOfTwo(scaling.log2MaxDiagonal())).append(" and trace K = ")
                .append(powerOfTwo(scaling.log2Trace()));
        if (large) {
            m.append(", and trace K must stay below 2^").append(KernelScaling.MAX_LOG2).append(" = ")
                    .append(powerOfTwo(KernelScaling.MAX_LOG2));
        } else {
            m.append(", and max_a K_aa must be at least 2^").append(KernelScaling.MIN_LOG2).append(" = ")
                    .append(powerOfTwo(KernelScaling.MIN_LOG2));
        }
        KernelTerms terms = scaling.terms();
        int degree2 = terms.size() == 0 ? 0 : terms.gramDegree2(0);
        for (int t = 1; t < terms.size(); t++) {
            if (terms.gramDegree2(t) != degree2) {
                degree2 = 0;
            }
        }
        String direction = large ? " or less" : " or more";
        if (degree2 > 0) {
            // K ∝ (σ²)^m, m = degree2/2: the factor on σ² that brings log₂ of the bound one bit inside the limit
            double m2 = degree2 / 2.0;
            double log2Factor = large ? (KernelScaling.MAX_LOG2 - 1 - scaling.log2Trace()) / m2
                    : (KernelScaling.MIN_LOG2 + 1 - scaling.log2MaxDiagonal()) / m2;
            String degree = spec.activation().monomial() ? "p" : degree2 % 2 == 0 ? "" + degree2 / 2 : degree2 + "/2";
            if (spec.sketchFile() == null) {
                m.append("; K scales as (sigma^2)^").append(degree).append(" with W's entry variance sigma^2: sigma^2 = ")
                        .append(roundTo2(spec.wVariance() * Math.pow(2, log2Factor), large)).append(direction)
                        .append(" brings it into range");
            } else {
                m.append("; K scales as t^(2*").append(degree).append(") when W is multiplied by t: the sketch ")
                        .append("file's entries times ").append(roundTo2(Math.pow(2, log2Factor / 2), large))
                        .append(direction).append(" bring it into range");
            }
            m.append(large ? ", as does a smaller p" : "");
        } else {
            m.append(large ? "; a smaller p or smaller entries of W bring it into range"
                    : "; larger entries of W bring it into range");
        }
        throw new org.powerspec.InvalidInputException(m.toString());
    }

    /** 2^x as decimal text, for x beyond double's range too, e.g. "4.1e+338". */
    static String powerOfTwo(double log2) {
        if (!Double.isFinite(log2)) {
            return log2 > 0 ? "infinity" : "0";
        }
        double log10 = log2 * Math.log10(2);
        double e = Math.floor(log10);
        double mantissa = Math.pow(10, log10 - e);
        if (mantissa >= 9.95) {
            mantissa = 1;
            e += 1;
        }
        return String.format(java.util.Locale.ROOT, "%.1fe%+d", mantissa, (long) e);
    }

    /** x to two significant digits, rounded down (or up): a value on the safe side of the limit. */
    static String roundTo2(double x, boolean down) {
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(2,
                down ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.CEILING));
        return r.stripTrailingZeros().toString();
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
