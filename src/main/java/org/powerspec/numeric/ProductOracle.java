package org.powerspec.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.powerspec.InvalidInputException;
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
 * <p><b>Enumeration.</b> The multisets of a level are enumerated lazily in decreasing order of μ_m by a priority
 * queue, never materialising the C(v+k−1, k) products: each non-decreasing tuple (i_1, …, i_k) ≠ (1, …, 1) has exactly
 * one parent, the tuple with its first entry greater than 1 lowered by one; so the children of a tuple are obtained
 * by raising entry t where all entries before t equal 1 and raising keeps the tuple non-decreasing. A child's value
 * is at most its parent's (λ is non-increasing), so popping the queue yields every multiset once, in order, with the
 * queue holding at most k entries per eigenvalue already produced. All levels share one queue. Ties (equal index
 * products) are ordered by level (higher first), then lexicographically: the output is deterministic.
 */
public final class ProductOracle {
    /** The most eigenvalues one call produces. */
    public static final int MAX_COUNT = 10_000_000;

    private ProductOracle() {
    }

    /**
     * The oracle's parameters.
     *
     * @param alpha      α > 1 in λ_i = i^(−α)
     * @param activation f
     * @param v          the data dimension
     * @param cutoff     the power law's cut-off M, or {@link PowerLawCovariance#NO_CUTOFF}
     * @param wVariance  W's entry variance σ²
     */
    public record Spec(double alpha, Activation activation, int v, int cutoff, double wVariance) {
        public Spec {
            new PowerLawCovariance(alpha, v, cutoff);
            if (!(wVariance > 0) || Double.isInfinite(wVariance)) {
                throw new InvalidInputException("--w-variance " + wVariance + " is not allowed: it must be a finite number > 0");
            }
        }

        /** The oracle of a finite-d spectrum's parameters (the same α, f, v, cut-off and σ²; d plays no part). */
        public static Spec of(SpectrumSpec s) {
            return new Spec(s.alpha(), s.activation(), s.v(), s.cutoff(), s.wVariance());
        }

        public PowerLawCovariance covariance() {
            return new PowerLawCovariance(alpha, v, cutoff);
        }

        public String describe() {
            return "alpha = " + alpha + ", f(y) = " + activation.label() + ", v = " + v
                    + (cutoff == PowerLawCovariance.NO_CUTOFF ? "" : ", cutoff = " + cutoff) + ", w_variance = " + wVariance;
        }
    }

    /**
     * A level: its exact coefficient and the coefficient's value at this H.
     *
     * @param level the exact ℓ_k as a polynomial in p_j = tr H^j
     * @param value ℓ_k at p_j = Σ_i (σ²λ_i)^j
     */
    public record Level(LevelCoefficients.Level level, double value) {
    }

    /**
     * The predicted eigenvalues, descending.
     *
     * @param spec       the parameters
     * @param levels     the levels with their coefficients
     * @param eigenvalue μ_1 ≥ μ_2 ≥ …
     * @param level      the level k each came from
     * @param multiset   its multiset of indices (1-based, non-decreasing; empty for level 0)
     */
    public record Prediction(Spec spec, List<Level> levels, double[] eigenvalue, int[] level, int[][] multiset) {
        public Prediction {
            levels = List.copyOf(levels);
            eigenvalue = eigenvalue.clone();
            level = level.clone();
            multiset = Arrays.stream(multiset).map(int[]::clone).toArray(int[][]::new);
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

        /** The multiset of μ_j, 1-based. */
        public int[] multiset(int j) {
            return multiset[j - 1].clone();
        }
    }

    private record Entry(double value, int level, int[] tuple, double coefficient) {
    }

    private static int compare(Entry a, Entry b) {
        int c = Double.compare(b.value, a.value);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.level, a.level);
        return c != 0 ? c : Arrays.compare(a.tuple, b.tuple);
    }

    /** Refuses a count outside 1..{@value #MAX_COUNT}. */
    public static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInputException("--count " + count + " is not allowed: it must be a whole number from 1 to " + MAX_COUNT);
        }
    }

    /** The level coefficients ℓ_k evaluated at H's power sums (with σ²). */
    public static List<Level> levels(Spec spec) {
        LevelCoefficients exact = LevelCoefficients.of(spec.activation());
        PowerLawCovariance h = spec.covariance();
        int maxJ = 0;
        for (LevelCoefficients.Level l : exact.levels()) {
            maxJ = Math.max(maxJ, l.maxPowerSum());
        }
        double[] powerSums = new double[maxJ + 1];
        for (int j = 1; j <= maxJ; j++) {
            powerSums[j] = Math.pow(spec.wVariance(), j) * h.powerSum(j);
        }
        List<Level> out = new ArrayList<>();
        for (LevelCoefficients.Level l : exact.levels()) {
            out.add(new Level(l, l.evaluate(powerSums)));
        }
        return out;
    }

    /**
     * The {@code count} largest predicted eigenvalues (fewer when the levels hold fewer multisets over rank H indices).
     *
     * @throws InvalidInputException when count is not in 1..{@value #MAX_COUNT}
     */
    public static Prediction predict(Spec spec, int count) {
        checkCount(count);
        List<Level> levels = levels(spec);
        int rank = spec.covariance().rank();
        double alpha = spec.alpha();
        double sigma2 = spec.wVariance();
        PriorityQueue<Entry> queue = new PriorityQueue<>(ProductOracle::compare);
        for (Level l : levels) {
            int k = l.level().k();
            int[] ones = new int[k];
            Arrays.fill(ones, 1);
            queue.add(new Entry(value(l.value(), ones, alpha, sigma2), k, ones, l.value()));
        }
        double[] mu = new double[count];
        int[] lev = new int[count];
        int[][] sets = new int[count][];
        int n = 0;
        while (n < count && !queue.isEmpty()) {
            Entry e = queue.poll();
            mu[n] = e.value;
            lev[n] = e.level;
            sets[n] = e.tuple;
            n++;
            int[] t = e.tuple;
            int k = t.length;
            for (int s = 0; s < k; s++) {
                if (s > 0 && t[s - 1] != 1) {
                    break;
                }
                if ((s == k - 1 || t[s] < t[s + 1]) && t[s] < rank) {
                    int[] child = t.clone();
                    child[s]++;
                    queue.add(new Entry(value(e.coefficient, child, alpha, sigma2), e.level, child, e.coefficient));
                }
            }
        }
        return new Prediction(spec, levels, Arrays.copyOf(mu, n), Arrays.copyOf(lev, n), Arrays.copyOf(sets, n));
    }

    /** ℓ·σ^(2k)·(i_1·…·i_k)^(−α), the index product formed exactly (as long as it stays below 2^53). */
    private static double value(double coefficient, int[] tuple, double alpha, double sigma2) {
        double product = 1;
        for (int i : tuple) {
            product *= i;
        }
        return coefficient * Math.pow(sigma2, tuple.length) * StrictMath.pow(product, -alpha);
    }
}
