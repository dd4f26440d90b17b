package org.powerspec.numeric.second;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.RandomFeatureModel;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.LevelCoefficients;

/**
 * The infinite-width product oracle: the largest predicted eigenvalues of the kernel operator
 * κ(x, x′) = E_w[f(wᵀx) f(wᵀx′)] on L²(N(0, H)) that K's spectrum tends to as d → ∞ ("Hermite eigenstructure",
 * arXiv:2510.14878; Wortsman &amp; Loureiro, arXiv:2510.04780). Each level k (chaos degree, h_k ≢ 0) contributes one
 * eigenvalue per multiset m = {i_1 ≤ … ≤ i_k} of indices of H,
 * <pre>
 *   μ_m = ℓ_k · λ_{i_1}·…·λ_{i_k},   λ_i = σ²·i^(−α) (i ≤ rank H),
 * </pre>
 * with the exact level coefficients ℓ_k of {@link LevelCoefficients} (ℓ_k = (k!)²·E_w[h_k(s_w)²]; 4 for the top
 * level of y², ℓ_0 = p_1² + 2p_2 for its mean level). σ² (W's entry variance) enters as H → σ²H. What this neglects —
 * the couplings inside a level's block, the norm's correlation with the leading directions, and the mixing of levels
 * (the mean term above all) — acts at small j; see {@link LevelCoefficients}.
 *
 * <p><b>Enumeration.</b> Each level's multisets come lazily in decreasing order of μ_m from a {@link MultisetProducts}
 * (increasing index product, so decreasing λ-product), never materialising the C(v+k−1, k) products; the levels are
 * merged by a priority queue over their next values. Ties (equal values) are ordered by level (higher first), then
 * lexicographically: the output is deterministic.
 */
public final class ProductOracle {
    /** The most eigenvalues one call produces. */
    public static final int MAX_COUNT = 2_000_000;

    /** The most eigenvalues one {@link #stream} produces (nothing is held per eigenvalue: memory stays bounded). */
    public static final long MAX_STREAM = 100_000_000L;

    /**
     * v = {@value} in a {@link Spec} stands for the limit v → ∞: H = diag(i^(−α)), i = 1, 2, …, with the power sums
     * p_j = Σ_i (σ²i^(−α))^j summed to infinity (exactly to 10^6 terms, the tail by Euler–Maclaurin).
     */
    public static final int INFINITE_V = Integer.MAX_VALUE;

    /** Terms of a power sum added one by one; the rest of a longer sum by Euler–Maclaurin. */
    static final int EXACT_TERMS = 1_000_000;

    private ProductOracle() {
    }

    /**
     * The oracle's parameters: the model (α, f, v or {@link #INFINITE_V}, the cut-off, σ²) and the centring.
     *
     * @param model   the random-feature model; f's degree at most {@link LevelCoefficients#MAX_DEGREE}
     * @param centred without level 0: centring removes each feature's mean h_0(s_w), i.e. the mean level and its
     *                couplings (as {@code spectrum --centred} removes the k = 0 terms of the kernel)
     */
    public record Spec(RandomFeatureModel model, boolean centred) {
        public Spec {
            LevelCoefficients.checkDegree(model.activation());
        }

        /**
         * The oracle of α, f, v, the cut-off M (or {@link PowerLawCovariance#NO_CUTOFF}) and σ². Errors name H's
         * parameters first, then f's degree, then σ².
         */
        public Spec(double alpha, Activation activation, int v, int cutoff, double wVariance, boolean centred) {
            this(model(alpha, activation, v, cutoff, wVariance), centred);
        }

        /** The uncentred oracle (the mean level included). */
        public Spec(double alpha, Activation activation, int v, int cutoff, double wVariance) {
            this(alpha, activation, v, cutoff, wVariance, false);
        }

        /** The model, with f's degree checked between H's parameters and σ² (the order the errors have always come in). */
        private static RandomFeatureModel model(double alpha, Activation activation, int v, int cutoff,
                                                double wVariance) {
            new PowerLawCovariance(alpha, v, cutoff);
            LevelCoefficients.checkDegree(activation);
            return new RandomFeatureModel(alpha, activation, v, cutoff, wVariance);
        }

        /** The oracle of a finite-d spectrum's parameters (its model and centring; d plays no part). */
        public static Spec of(SpectrumSpec s) {
            return new Spec(s.model(), s.centred());
        }

        /** The oracle in the limit v → ∞ ({@link #INFINITE_V}): the d → ∞ operator of the theorem, where v ≥ d. */
        public static Spec limit(double alpha, Activation activation, int cutoff, double wVariance, boolean centred) {
            return new Spec(alpha, activation, INFINITE_V, cutoff, wVariance, centred);
        }

        public double alpha() {
            return model.alpha();
        }

        public Activation activation() {
            return model.activation();
        }

        /** v, or {@link #INFINITE_V}. */
        public int v() {
            return model.v();
        }

        public int cutoff() {
            return model.cutoff();
        }

        public double wVariance() {
            return model.wVariance();
        }

        public PowerLawCovariance covariance() {
            return model.covariance();
        }

        public String describe() {
            return "alpha = " + alpha() + ", f(y) = " + activation().label() + ", v = "
                    + (v() == INFINITE_V ? "infinity" : v())
                    + (cutoff() == PowerLawCovariance.NO_CUTOFF ? "" : ", cutoff = " + cutoff()) + ", w_variance = "
                    + wVariance() + (centred ? ", centred" : "");
        }
    }

    /**
     * A level: its exact coefficient and the coefficient's value at this H.
     *
     * @param level         the exact ℓ_k as a polynomial in p_j = tr H^j
     * @param value         ℓ_k at p_j = Σ_i (σ²λ_i)^j
     * @param relativeError a bound on value's relative error ({@link LevelCoefficients.Level#relativeError} with
     *                      p_j to {@link #POWER_SUM_ERROR})
     */
    public record Level(LevelCoefficients.Level level, double value, double relativeError) {
    }

    /**
     * The predicted eigenvalues, descending: μ_1 ≥ μ_2 ≥ …, the level k each came from and its multiset of indices
     * (1-based, non-decreasing; empty for level 0). Built only by {@link #predict}, which hands over its arrays: up to
     * {@value #MAX_COUNT} multisets are held once, never copied; read access copies one multiset at a time.
     */
    public static final class Prediction {
        private final Spec spec;
        private final List<Level> levels;
        private final double[] eigenvalue;
        private final int[] level;
        private final int[][] multiset;

        private Prediction(Spec spec, List<Level> levels, double[] eigenvalue, int[] level, int[][] multiset) {
            this.spec = spec;
            this.levels = List.copyOf(levels);
            this.eigenvalue = eigenvalue;
            this.level = level;
            this.multiset = multiset;
        }

        /** The parameters. */
        public Spec spec() {
            return spec;
        }

        /** The levels with their coefficients. */
        public List<Level> levels() {
            return levels;
        }

        public int size() {
            return eigenvalue.length;
        }

        /** μ_j, 1-based. */
        public double eigenvalue(int j) {
            return eigenvalue[j - 1];
        }

        /** The level of μ_j, 1-based. */
        public int level(int j) {
            return level[j - 1];
        }

        /** The multiset of μ_j, 1-based (a copy). */
        public int[] multiset(int j) {
            return multiset[j - 1].clone();
        }
    }

    /** One level's stream: its coefficient, its enumeration, and the value of its next multiset. */
    private static final class LevelStream {
        final double scale;
        final MultisetProducts multisets;

        LevelStream(double scale, MultisetProducts multisets) {
            this.scale = scale;
            this.multisets = multisets;
        }

        double peekValue(double alpha) {
            return scale * StrictMath.pow(multisets.peekProduct(), -alpha);
        }
    }

    private record Head(double value, int level, LevelStream stream) {
    }

    private static int compare(Head a, Head b) {
        int c = Double.compare(b.value, a.value);
        return c != 0 ? c : Integer.compare(b.level, a.level);
    }

    /** Refuses a count outside 1..{@value #MAX_COUNT}. */
    public static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInputException("count", count + " is not allowed: it must be a whole number from 1 to " + MAX_COUNT);
        }
    }

    /**
     * The heap a prediction of {@code count} eigenvalues holds, in bytes, for multisets of at most {@code maxK}
     * indices: a row is μ (8 B), its level (4 B), a reference to its multiset (8 B at most) and the multiset (an int
     * array: 16 B of header and 4 B an index, padded to a multiple of 8 B).
     */
    public static long heapBytes(int count, int maxK) {
        long multiset = (16 + 4L * maxK + 7) / 8 * 8;
        return count * (8 + 4 + 8 + multiset);
    }

    /** The level coefficients ℓ_k evaluated at H's power sums (with σ²). */
    public static List<Level> levels(Spec spec) {
        LevelCoefficients exact = LevelCoefficients.of(spec.activation());
        int maxJ = 0;
        for (LevelCoefficients.Level l : exact.levels()) {
            maxJ = Math.max(maxJ, l.maxPowerSum());
        }
        double[] powerSums = powerSums(spec, maxJ);
        List<Level> out = new ArrayList<>();
        for (LevelCoefficients.Level l : exact.levels()) {
            if (!(spec.centred() && l.k() == 0)) {
                out.add(new Level(l, l.evaluate(powerSums), l.relativeError(powerSums, POWER_SUM_ERROR)));
            }
        }
        return out;
    }

    /** p_j = Σ_i (σ²λ_i)^j for j = 1..maxJ (index 0 unused), all j in one pass, smallest terms first. */
    static double[] powerSums(Spec spec, int maxJ) {
        PowerLawCovariance h = spec.covariance();
        double[] powerSums = new double[maxJ + 1];
        int rank = h.rank();
        int summed = Math.min(rank, EXACT_TERMS);
        for (int j = 1; j <= maxJ && summed < rank; j++) {
            double sj = Math.pow(spec.wVariance(), j);
            powerSums[j] = sj * tail(spec.alpha() * j, summed, rank == INFINITE_V ? Double.POSITIVE_INFINITY : rank);
        }
        // compensated (Neumaier) summation: each p_j to about 2u relative, whatever the number of terms
        double[] compensation = new double[maxJ + 1];
        for (int i = summed; i >= 1; i--) {
            double x = spec.wVariance() * h.eigenvalue(i);
            double power = x;
            for (int j = 1; j <= maxJ; j++) {
                double t = powerSums[j] + power;
                compensation[j] += Math.abs(powerSums[j]) >= Math.abs(power) ? (powerSums[j] - t) + power
                        : (power - t) + powerSums[j];
                powerSums[j] = t;
                power *= x;
            }
        }
        for (int j = 1; j <= maxJ; j++) {
            powerSums[j] += compensation[j];
        }
        return powerSums;
    }

    /** The relative error of each p_j: compensated summation, pow of each term (j roundings), the tail's truncation. */
    static final double POWER_SUM_ERROR = 0x1p-53 * 64;

    /**
     * A bound on the relative error of every μ_j the oracle computes: the worst level coefficient's
     * ({@link LevelCoefficients.Level#relativeError}, large where its monomials cancel), plus a few roundings for
     * σ^(2k) and the power of the index product.
     */
    public static double relativeError(Spec spec) {
        return relativeError(levels(spec));
    }

    private static double relativeError(List<Level> levels) {
        return levels.stream().mapToDouble(Level::relativeError).max().orElse(0) + 8 * 0x1p-53;
    }

    /**
     * Σ_{i=n+1}^{r} i^(−s) for s &gt; 1 by Euler–Maclaurin (r may be +∞): ∫_n^r x^(−s)dx + (f(r) − f(n))/2
     * + B₂/2!·(f′(r) − f′(n)) + B₄/4!·(f‴(r) − f‴(n)), f(x) = x^(−s); with n = 10^6 the next term is below
     * s⁵·n^(−s−5) ≈ 1e−30 of the sum's scale.
     */
    static double tail(double s, double n, double r) {
        double integral = (Math.pow(n, 1 - s) - (Double.isInfinite(r) ? 0 : Math.pow(r, 1 - s))) / (s - 1);
        double fn = Math.pow(n, -s);
        double fr = Double.isInfinite(r) ? 0 : Math.pow(r, -s);
        double d1n = -s * Math.pow(n, -s - 1);
        double d1r = Double.isInfinite(r) ? 0 : -s * Math.pow(r, -s - 1);
        double d3n = -s * (s + 1) * (s + 2) * Math.pow(n, -s - 3);
        double d3r = Double.isInfinite(r) ? 0 : -s * (s + 1) * (s + 2) * Math.pow(r, -s - 3);
        return integral + (fr - fn) / 2 + (d1r - d1n) / 12 - (d3r - d3n) / 720;
    }

    /** Receives the predicted eigenvalues of {@link #stream} one at a time, descending. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param j        1-based rank of μ_j
         * @param mu       μ_j
         * @param level    the level k it came from
         * @param multiset its indices (1-based, non-decreasing; its own array)
         * @return whether to go on
         */
        boolean accept(long j, double mu, int level, int[] multiset);
    }

    /**
     * μ_1, μ_2, … up to μ_count (or fewer, when the levels hold fewer multisets over rank H indices), handed to
     * {@code sink} one at a time in decreasing order and never stored: the memory is the enumeration's frontier, not
     * the count. Returns how many were produced.
     */
    public static long stream(Spec spec, long count, Sink sink) {
        return stream(spec, levels(spec), count, sink);
    }

    private static long stream(Spec spec, List<Level> levels, long count, Sink sink) {
        if (count < 1 || count > MAX_STREAM) {
            throw new InvalidInputException("count " + count + " is not allowed: it must be a whole number from 1 to "
                    + MAX_STREAM);
        }
        int rank = spec.covariance().rank();
        double alpha = spec.alpha();
        PriorityQueue<Head> queue = new PriorityQueue<>(ProductOracle::compare);
        for (Level l : levels) {
            int k = l.level().k();
            LevelStream st = new LevelStream(l.value() * Math.pow(spec.wVariance(), k), new MultisetProducts(k, rank));
            queue.add(new Head(st.peekValue(alpha), k, st));
        }
        long n = 0;
        while (n < count && !queue.isEmpty()) {
            Head h = queue.poll();
            int[] set = h.stream.multisets.next();
            n++;
            if (h.stream.multisets.hasNext()) {
                queue.add(new Head(h.stream.peekValue(alpha), h.level, h.stream));
            }
            if (!sink.accept(n, h.value, h.level, set)) {
                break;
            }
        }
        return n;
    }

    /**
     * μ_1, …, μ_d for a finite-d spectrum's parameters ({@link Spec#of(SpectrumSpec)}, count = d), 0 past the last
     * multiset (a cut-off can leave fewer than d): the rate against which λ_j(K)/μ_j is read.
     */
    public static double[] rate(SpectrumSpec s) {
        return Arrays.copyOf(predict(Spec.of(s), s.d()).eigenvalue, s.d());
    }

    /**
     * The {@code count} largest predicted eigenvalues (fewer when the levels hold fewer multisets over rank H indices).
     *
     * @throws InvalidInputException when count is not in 1..{@value #MAX_COUNT}
     */
    public static Prediction predict(Spec spec, int count) {
        checkCount(count);
        double[] mu = new double[count];
        int[] lev = new int[count];
        int[][] sets = new int[count][];
        List<Level> levels = levels(spec);
        int n = (int) stream(spec, levels, count, (j, value, level, set) -> {
            mu[(int) j - 1] = value;
            lev[(int) j - 1] = level;
            sets[(int) j - 1] = set;
            return true;
        });
        return new Prediction(spec, levels, Arrays.copyOf(mu, n), Arrays.copyOf(lev, n), Arrays.copyOf(sets, n));
    }
}
