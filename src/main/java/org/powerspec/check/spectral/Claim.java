package org.powerspec.check.spectral;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.Precision;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ClaimExpression;

/**
 * A spectral claim, as a user writes it in a YAML file under {@code proofs/}: for every d of a sweep and every seed,
 * on the j-range [from(d), to(d)], lower ≤ λ_j(K) / rate(j) ≤ upper, with constants that do not drift with d.
 * See the README ("Claims") for every key.
 *
 * @param file           where it was read from
 * @param name           a short identifier
 * @param statement      the statement in words, with its source
 * @param alpha          α of λ_j(H) = j^(−α)
 * @param activation     f (y^p or a polynomial)
 * @param v              the data dimension as an expression in d
 * @param wVariance      W's entry variance
 * @param centred        whether the mean feature's rank-one term is removed
 * @param rate           the rate, an expression in j, d, p, alpha and the claim's constants
 * @param from           the range's first j, an expression in d
 * @param to             the range's last j, an expression in d
 * @param constants      the claim's own names (range constants such as c1, and {@code parameters})
 * @param parameters     which of them come from {@code parameters}: the rate's free exponents, scanned in reports
 * @param lower          the lower constant, or null for a one-sided bound
 * @param upper          the upper constant, or null
 * @param ds             the sizes d of the sweep
 * @param seeds          seeds 1..seeds at every d
 * @param precision      double or high
 * @param driftTolerance the largest |log–log slope| of min r and max r against d still counted as constant
 * @param cutoff         H's cut-off M as an expression in d (λ_j = j^(−α) for j ≤ M, 0 beyond), or null for none
 * @param limit          {@code limit: oracle}: a claim about the d → ∞ limit, judged on the product oracle at v → ∞
 *                       alone (r_j = μ_j/rate(j), no sketch, no d; {@code ds} is empty)
 * @param chain          {@code chain: oracle}: also give the chained verdict through the oracle ({@link ChainCheck}),
 *                       or null
 */
public record Claim(Path file, String name, String statement, double alpha, Activation activation, ClaimExpression v,
                    double wVariance, boolean centred, ClaimExpression rate, ClaimExpression from, ClaimExpression to,
                    Map<String, Double> constants, List<String> parameters, Double lower, Double upper, List<Integer> ds, int seeds,
                    Precision precision, double driftTolerance, ClaimExpression cutoff, boolean limit, Chain chain) {

    /**
     * A chained verdict's reach: the size D it argues for (NaN: the largest d whose range the limit link can cover
     * with j ≤ {@code jMax}), the largest j of the limit link, and the j-range (expressions in d) on which the finite-d
     * link λ_j/μ_j is measured — null for the claim's own range.
     */
    public record Chain(double to, long jMax, ClaimExpression linkFrom, ClaimExpression linkTo) {
        /** The default largest j of a limit link or a limit claim: 10^7. */
        public static final long DEFAULT_J_MAX = 10_000_000L;
    }

    /** The default drift tolerance: a ratio changing by less than 10^0.1 ≈ 26 % per decade of d counts as constant. */
    public static final double DEFAULT_DRIFT_TOLERANCE = 0.1;

    public Claim {
        constants = Map.copyOf(constants);
        parameters = List.copyOf(parameters);
        ds = List.copyOf(ds);
    }

    /** The same claim at larger sizes: d = 2·max(d) added to the sweep and at least {@code seeds} seeds. */
    public Claim larger(int minSeeds) {
        if (limit) {
            return this;
        }
        List<Integer> more = new ArrayList<>(ds);
        more.add(2 * Collections.max(ds));
        return new Claim(file, name, statement, alpha, activation, v, wVariance, centred, rate, from, to, constants, parameters,
                lower, upper, limit ? ds : more, Math.max(seeds, minSeeds), precision, driftTolerance, cutoff, limit, chain);
    }

    /**
     * {@code rate: oracle}: r_j = λ_j / μ_j with μ_j the j-th largest eigenvalue of the infinite-width product oracle
     * of the same model ({@link org.powerspec.numeric.second.ProductOracle}).
     */
    public static final String ORACLE = "oracle";

    /** The rate that stands for the oracle. */
    public static ClaimExpression oracleRate() {
        return new ClaimExpression("rate", ORACLE, Set.of());
    }

    /** Whether the rate is the product oracle. */
    public boolean oracle() {
        return rate.source().equals(ORACLE) && rate.symbols().isEmpty();
    }

    /** H's cut-off at size d, or {@link PowerLawCovariance#NO_CUTOFF}. */
    public int cutoffAt(int d) {
        if (cutoff == null) {
            return PowerLawCovariance.NO_CUTOFF;
        }
        double m = cutoff.value(Map.of("d", (double) d));
        if (!(m >= 1) || m > Integer.MAX_VALUE) {
            throw new InvalidInputException(file + ": model.cutoff '" + cutoff.source() + "' is " + m
                    + " at d = " + d + ": the cut-off must be at least 1");
        }
        return (int) Math.round(m);
    }

    /** The same claim with one of its constants set to another value. */
    public Claim with(String constant, double value) {
        Map<String, Double> c = new HashMap<>(constants);
        c.put(constant, value);
        return new Claim(file, name, statement, alpha, activation, v, wVariance, centred, rate, from, to, c, parameters,
                lower, upper, ds, seeds, precision, driftTolerance, cutoff, limit, chain);
    }

    /** p = deg f. */
    public int p() {
        return activation.degree();
    }
}
