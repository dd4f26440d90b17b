package org.powerspec.check.dynamics;

import java.util.List;
import org.powerspec.check.core.Verdict;

/**
 * The verdict on one {@link DynamicsClaim} with its evidence.
 *
 * @param claim    the claim
 * @param verdict  HOLDS, FAILS or INCONCLUSIVE
 * @param figures  the key numbers in one line (fitted exponent and window, or the sequence)
 * @param evidence why: the witness of a failure, the reason a claim is undecided, or what held
 * @param header   the columns of {@code rows}
 * @param rows     the numbers behind the verdict, one row per point (NaN where a column has no value)
 * @param seconds  computing time
 */
public record DynamicsClaimResult(DynamicsClaim claim, Verdict verdict, String figures, String evidence, List<String> header,
        List<double[]> rows, double seconds) {
    public DynamicsClaimResult {
        header = List.copyOf(header);
        rows = rows.stream().map(double[]::clone).toList();
    }

    /** Row {@code i}, a copy. */
    public double[] row(int i) {
        return rows.get(i).clone();
    }
}
