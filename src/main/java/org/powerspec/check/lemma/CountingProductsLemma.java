package org.powerspec.check.lemma;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Lemma;
import org.powerspec.check.core.Statement;
import org.powerspec.check.core.Verdict;
import org.powerspec.numeric.second.DivisorSummatory;
import org.powerspec.numeric.second.MultisetProducts;
import org.powerspec.symbolic.PiltzPolynomial;

/**
 * The counting-products lemma, the source of the log^(p−1) in the random-feature head rate: the number of ordered
 * k-tuples of indices whose product is at most N is D_k(N) = N·P_{k−1}(log N) + Δ_k(N) (Piltz; {@link PiltzPolynomial}),
 * checked against the exact count ({@link DivisorSummatory}) for several k and N.
 *
 * <p><b>PASS</b> means |Δ_k(N)| = |D_k(N) − N·P_{k−1}(log N)| ≤ C_k·N^θ_k·log^β_k N with
 * <ul>
 *   <li>k = 2: C = 0.961, θ = 1/2, β = 0 — a theorem for every x ≥ 1 (Berkane, Bordellès, Ramaré, "Explicit upper
 *       bounds for the remainder term in the divisor problem", Math. Comp. 81 (2012), Thm 1.1);</li>
 *   <li>k = 3: C = 2.968, θ = 2/3, β = 1/3 — a theorem for x ≥ 2 (S. Tudzi, "On the generalised divisor problem",
 *       arXiv:2506.21823);</li>
 *   <li>k = 4: C = 1, θ = 3/4, β = 3/4 — the shape of Tudzi's bound for k = 4, with a constant of ours, not a
 *       published one (the true order is O(N^(1/2+ε))): a check, not a theorem.</li>
 * </ul>
 * A row also counts the <em>multisets</em> {i_1 ≤ … ≤ i_k} with product ≤ N — what the product oracle enumerates —
 * by the oracle's own lazy enumeration ({@link MultisetProducts}) and checks the count equals Burnside's formula from
 * exact tuple counts (M_k = D_k/k! + O(N^(1/2)·log^(k−2) N), so the same N·log^(k−1)N/(k−1)!/k! growth).
 * <b>Negative controls</b> (each must FAIL at the largest N): P_{k−1} with its constant term raised by 1 (for k = 2,
 * Dirichlet's 2γ − 1 taken as 2γ), and for k ≥ 3 P_{k−1} computed without γ_1.
 */
public final class CountingProductsLemma {
    /** The default cases: k = 2, 3, 4 factors, N = 10^3 .. 10^7, multisets enumerated up to N = 10^4. */
    public static final List<Integer> DEFAULT_KS = List.of(2, 3, 4);
    public static final List<Long> DEFAULT_NS = List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
    public static final long DEFAULT_MULTISET_LIMIT = 10_000;

    private CountingProductsLemma() {
    }

    /**
     * The allowed error C·N^θ·log^β N and where it comes from.
     *
     * @param constant C
     * @param theta    θ
     * @param logPower β
     * @param source   the theorem, or "ours"
     */
    public record Bound(double constant, double theta, double logPower, String source) {
        public double at(long n) {
            return constant * Math.pow(n, theta) * Math.pow(Math.log(n), logPower);
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "%.4g*N^%.4g%s", constant, theta,
                    logPower == 0 ? "" : String.format(java.util.Locale.ROOT, "*log(N)^%.4g", logPower));
        }
    }

    /** The bound of the PASS rule for k (2, 3 or 4). */
    public static Bound bound(int k) {
        return switch (k) {
            case 2 -> new Bound(0.961, 0.5, 0, "Berkane-Bordelles-Ramare 2012, Thm 1.1 (x >= 1)");
            case 3 -> new Bound(2.968, 2.0 / 3, 1.0 / 3, "Tudzi, arXiv:2506.21823 (x >= 2)");
            case 4 -> new Bound(1, 0.75, 0.75, "Tudzi's shape for k = 4, constant ours (a check, not a theorem)");
            default -> throw new IllegalArgumentException("k = " + k + ": the lemma is stated for k = 2, 3, 4");
        };
    }

    /**
     * One row.
     *
     * @param k                 factors
     * @param n                 N
     * @param polynomial        the P_{k−1} used
     * @param control           whether this row is a negative control (must FAIL)
     * @param tuples            D_k(N), exact
     * @param mainTerm          N·P_{k−1}(log N)
     * @param allowed           the bound on |Δ_k(N)|
     * @param multisets         M_k(N) by the oracle's enumeration, or −1 when not counted (N above the limit, controls)
     * @param multisetsBurnside M_k(N) by Burnside's formula, or −1
     */
    public record Row(int k, long n, PiltzPolynomial polynomial, boolean control, long tuples, double mainTerm,
                      double allowed, long multisets, long multisetsBurnside) {
        public double error() {
            return tuples - mainTerm;
        }

        public boolean pass() {
            return Math.abs(error()) <= allowed && multisets == multisetsBurnside;
        }

        public boolean asExpected() {
            return pass() != control;
        }
    }

    /**
     * Checks every k against every N, the multiset count up to {@code multisetLimit}, and the controls at the largest
     * N of each k.
     */
    public static List<Row> check(List<Integer> ks, List<Long> ns, long multisetLimit) {
        List<Row> rows = new ArrayList<>();
        long largest = ns.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (int k : ks) {
            PiltzPolynomial p = PiltzPolynomial.of(k);
            for (long n : ns) {
                long m = -1;
                long burnside = -1;
                if (n <= multisetLimit) {
                    m = MultisetProducts.countUpTo(k, (int) n, n);
                    burnside = DivisorSummatory.multisets(k, n);
                }
                rows.add(row(k, n, p, false, m, burnside));
            }
            rows.add(row(k, largest, p.plusConstant(1), true, -1, -1));
            if (k >= 3) {
                rows.add(row(k, largest, PiltzPolynomial.withoutStieltjes(k, 1), true, -1, -1));
            }
        }
        return rows;
    }

    private static Row row(int k, long n, PiltzPolynomial p, boolean control, long m, long burnside) {
        return new Row(k, n, p, control, DivisorSummatory.tuples(k, n), p.mainTerm(n), bound(k).at(n), m, burnside);
    }

    /** HOLDS when every true row passes and every control fails, else FAILS. */
    public static Verdict verdict(List<Row> rows) {
        return rows.stream().allMatch(Row::asExpected) ? Verdict.HOLDS : Verdict.FAILS;
    }

    /** The rows of one run of the lemma. */
    public record Result(List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** The lemma as a statement over {@code ks} and {@code ns}, its key figures {@code figures}. */
    public static Statement statement(List<Integer> ks, List<Long> ns, long multisetLimit, String figures) {
        return new Lemma<Result>("counting-products", figures) {
            @Override
            protected Result compute(Context context) {
                return new Result(check(ks, ns, multisetLimit));
            }

            @Override
            protected Verdict verdict(Result r) {
                return CountingProductsLemma.verdict(r.rows());
            }
        };
    }
}
