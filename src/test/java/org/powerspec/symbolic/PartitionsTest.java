package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    /** p(n) for n = 0..15, OEIS A000041. */
    private static final int[] PARTITION_COUNTS = {1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176};

    @Test
    void partitionsAreDistinctDescendingAndAsManyAsOeisSays() {
        for (int n = 0; n < PARTITION_COUNTS.length; n++) {
            List<int[]> all = Partitions.of(n);
            assertEquals(PARTITION_COUNTS[n], all.size(), "p(" + n + ")");
            Set<List<Integer>> seen = new HashSet<>();
            for (int[] parts : all) {
                assertEquals(n, Arrays.stream(parts).sum());
                for (int i = 1; i < parts.length; i++) {
                    assertTrue(parts[i] <= parts[i - 1] && parts[i] >= 1, Arrays.toString(parts));
                }
                assertTrue(seen.add(Arrays.stream(parts).boxed().toList()), "repeated " + Arrays.toString(parts));
            }
        }
        assertArrayEquals(new int[] {4}, Partitions.of(4).get(0));
        assertArrayEquals(new int[] {1, 1, 1, 1}, Partitions.of(4).get(4));
        assertArrayEquals(new int[] {0, 2, 1, 0, 0}, Partitions.multiplicities(new int[] {2, 1, 1}));
    }

    /** n!/z_λ against the cycle types of every permutation of S_n, enumerated one by one (n ≤ 7). */
    @Test
    void nFactorialOverZCountsThePermutationsOfEachCycleType() {
        for (int n = 1; n <= 7; n++) {
            Map<List<Integer>, Integer> byType = new HashMap<>();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            do {
                byType.merge(cycleType(perm), 1, Integer::sum);
            } while (nextPermutation(perm));
            assertEquals(Partitions.of(n).size(), byType.size());
            for (int[] lambda : Partitions.of(n)) {
                BigInteger count = Rationals.factorial(n).divide(Partitions.z(lambda));
                assertEquals(BigInteger.valueOf(byType.get(Arrays.stream(lambda).boxed().toList())), count,
                        "n = " + n + ", lambda = " + Arrays.toString(lambda));
            }
        }
        // z_(1,1) = 1^2·2! = 2: without the c_m! factor the identity of S_2 would count twice
        assertEquals(BigInteger.valueOf(2), Partitions.z(new int[] {1, 1}));
        assertEquals(BigInteger.valueOf(4 * 2 * 6), Partitions.z(new int[] {2, 2, 1, 1, 1}), "2^2·2!·1^3·3!");
    }

    private static List<Integer> cycleType(int[] perm) {
        boolean[] seen = new boolean[perm.length];
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < perm.length; i++) {
            int length = 0;
            for (int j = i; !seen[j]; j = perm[j]) {
                seen[j] = true;
                length++;
            }
            if (length > 0) {
                out.add(length);
            }
        }
        out.sort((a, b) -> Integer.compare(b, a));
        return out;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
