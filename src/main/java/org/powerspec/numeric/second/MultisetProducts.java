package org.powerspec.numeric.second;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The multisets {i_1 ≤ … ≤ i_k} of indices 1..n, enumerated lazily in increasing order of the product
 * i_1·…·i_k (ties lexicographically), never materialising the C(n+k−1, k) multisets.
 *
 * <p>Each non-decreasing tuple other than (1, …, 1) has exactly one parent: the tuple with its first entry greater
 * than 1 lowered by one (still non-decreasing, since every entry before it is 1). So the children of a tuple are
 * obtained by raising entry t where all entries before t equal 1 and raising keeps the tuple non-decreasing (and
 * within n). A child's product exceeds its parent's, so a priority queue seeded with (1, …, 1) pops every multiset
 * exactly once, in order; it holds at most k entries per multiset already popped. Products are formed in double,
 * exact while they stay below 2^53.
 */
public final class MultisetProducts {
    private record Entry(double product, int[] tuple) {
    }

    private final int n;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> {
        int c = Double.compare(a.product, b.product);
        return c != 0 ? c : Arrays.compare(a.tuple, b.tuple);
    });

    /**
     * @param k the multiset size, k ≥ 0 (k = 0: the empty multiset alone, product 1)
     * @param n the largest index, n ≥ 1
     */
    public MultisetProducts(int k, int n) {
        if (k < 0 || n < 1) {
            throw new IllegalArgumentException("k = " + k + ", n = " + n);
        }
        this.n = n;
        int[] ones = new int[k];
        Arrays.fill(ones, 1);
        queue.add(new Entry(1, ones));
    }

    public boolean hasNext() {
        return !queue.isEmpty();
    }

    /** The product of the next multiset (call only when {@link #hasNext()}). */
    public double peekProduct() {
        return queue.peek().product;
    }

    /** The next multiset, non-decreasing, 1-based (its own array). */
    public int[] next() {
        Entry e = queue.poll();
        int[] t = e.tuple;
        int k = t.length;
        for (int s = 0; s < k; s++) {
            if (s > 0 && t[s - 1] != 1) {
                break;
            }
            if ((s == k - 1 || t[s] < t[s + 1]) && t[s] < n) {
                int[] child = t.clone();
                child[s]++;
                queue.add(new Entry(e.product / t[s] * child[s], child));
            }
        }
        return t;
    }

    /** The number of multisets of size k from 1..n with product ≤ limit, counted by this enumeration. */
    public static long countUpTo(int k, int n, double limit) {
        MultisetProducts m = new MultisetProducts(k, n);
        long c = 0;
        while (m.hasNext() && m.peekProduct() <= limit) {
            m.next();
            c++;
        }
        return c;
    }
}
