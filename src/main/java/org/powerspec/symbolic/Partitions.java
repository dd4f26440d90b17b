package org.powerspec.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The integer partitions λ ⊢ n (λ_1 ≥ λ_2 ≥ … ≥ 1, Σ λ_i = n) and the number z_λ = Π_m m^{c_m}·c_m!, c_m the number
 * of parts equal to m. A permutation of S_n of cycle type λ commutes with exactly z_λ permutations (it may rotate
 * each cycle, m^{c_m}, and permute the cycles of one length, c_m!), so n!/z_λ permutations have cycle type λ and
 * Σ_{λ ⊢ n} n!/z_λ = n!. z_λ is what Burnside's lemma over S_k weighs the cycle types with (the multiset counts of
 * {@code org.powerspec.numeric.second.DivisorSummatory}) and what the moments of a Gaussian quadratic form are written
 * with ({@link LevelCoefficients#quadraticFormMoment}).
 */
public final class Partitions {
    private Partitions() {
    }

    /** The partitions of n ≥ 0, each as its parts in descending order, (n) first and (1, …, 1) last. */
    public static List<int[]> of(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("partitions of a negative number: " + n);
        }
        List<int[]> out = new ArrayList<>();
        collect(n, n, new int[n], 0, out);
        return out;
    }

    private static void collect(int remaining, int maxPart, int[] parts, int length, List<int[]> out) {
        if (remaining == 0) {
            out.add(Arrays.copyOf(parts, length));
            return;
        }
        for (int part = Math.min(remaining, maxPart); part >= 1; part--) {
            parts[length] = part;
            collect(remaining - part, part, parts, length + 1, out);
        }
    }

    /** c_1, …, c_n of a partition λ ⊢ n: c[m] = the number of parts equal to m, for m = 1..n (c[0] = 0). */
    public static int[] multiplicities(int[] parts) {
        int n = 0;
        for (int part : parts) {
            n += part;
        }
        int[] c = new int[n + 1];
        for (int part : parts) {
            c[part]++;
        }
        return c;
    }

    /** z_λ = Π_m m^{c_m}·c_m!, the order of the centraliser in S_n of a permutation of cycle type λ. */
    public static BigInteger z(int[] parts) {
        int[] c = multiplicities(parts);
        BigInteger z = BigInteger.ONE;
        for (int m = 1; m < c.length; m++) {
            z = z.multiply(BigInteger.valueOf(m).pow(c[m])).multiply(Rationals.factorial(c[m]));
        }
        return z;
    }
}
