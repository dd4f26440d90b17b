package org.powerspec.numeric.second;

import org.powerspec.symbolic.Partitions;

/**
 * Exact counts of products of indices, by exact integer arithmetic (no approximation anywhere).
 * <ul>
 *   <li>Ordered k-tuples: D_k(N) = #{(i_1, …, i_k) ∈ ℕ^k : i_1·…·i_k ≤ N} = Σ_{n ≤ N} d_k(n) (the Piltz divisor
 *       summatory function). D_1(N) = N; D_2(N) = 2·Σ_{i ≤ √N} ⌊N/i⌋ − ⌊√N⌋² (Dirichlet's hyperbola: the lattice
 *       points under ab = N, counted once below the diagonal and once above, the square counted twice); and
 *       D_k(N) = Σ_{i ≤ N} D_{k−1}(⌊N/i⌋) (fix the first factor), summed over the O(√N) distinct values of ⌊N/i⌋.</li>
 *   <li>Multisets (what the product oracle enumerates): M_k(N) = #{i_1 ≤ … ≤ i_k : i_1·…·i_k ≤ N}. By Burnside's
 *       lemma over the permutations of the k positions, M_k(N) = Σ_{λ ⊢ k} F_λ(N)/z_λ, where a permutation of
 *       cycle type λ fixes exactly the tuples that are constant on its cycles, F_λ(N) = #{(j_1, …, j_r) :
 *       Π_t j_t^{λ_t} ≤ N}, and z_λ = Π_m m^{c_m}·c_m! (c_m cycles of length m; see {@link Partitions}). For k = 2:
 *       M_2(N) = (D_2(N) + ⌊√N⌋)/2.</li>
 * </ul>
 */
public final class DivisorSummatory {
    /** The largest N accepted: D_4(N) still fits a long (1.8e12 at 10^9, counted in about 7 s). */
    public static final long MAX_N = 1_000_000_000L;

    private DivisorSummatory() {
    }

    /** D_k(N), k ≥ 1, 0 ≤ N ≤ {@value #MAX_N}. */
    public static long tuples(int k, long n) {
        if (k < 1 || n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("k = " + k + ", N = " + n);
        }
        if (n == 0) {
            return 0;
        }
        if (k == 1) {
            return n;
        }
        if (k == 2) {
            long r = isqrt(n);
            long s = 0;
            for (long i = 1; i <= r; i++) {
                s += n / i;
            }
            return 2 * s - r * r;
        }
        long s = 0;
        for (long i = 1; i <= n; ) {
            long q = n / i;
            long last = n / q;
            s += (last - i + 1) * tuples(k - 1, q);
            i = last + 1;
        }
        return s;
    }

    /** M_k(N), k ≥ 1, by Burnside's lemma over the cycle types of S_k. */
    public static long multisets(int k, long n) {
        long kFactorial = 1;
        for (int i = 2; i <= k; i++) {
            kFactorial *= i;
        }
        long sum = 0;
        for (int[] lambda : Partitions.of(k)) {
            // k!/z_λ permutations have cycle type λ
            sum += kFactorial / Partitions.z(lambda).longValueExact() * fixedTuples(lambda, 0, n);
        }
        return sum / kFactorial;
    }

    /** F_λ(N) for the parts λ[from..]: parts > 1 come first (partitions are listed descending), then D_r for the 1s. */
    private static long fixedTuples(int[] lambda, int from, long n) {
        if (from == lambda.length) {
            return 1;
        }
        if (lambda[from] == 1) {
            return tuples(lambda.length - from, n);
        }
        long s = 0;
        for (long j = 1; pow(j, lambda[from]) <= n; j++) {
            s += fixedTuples(lambda, from + 1, n / pow(j, lambda[from]));
        }
        return s;
    }

    private static long pow(long j, int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            r *= j;
        }
        return r;
    }

    /** ⌊√n⌋ exactly. */
    static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }
}
