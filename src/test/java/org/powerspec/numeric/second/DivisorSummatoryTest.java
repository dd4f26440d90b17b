package org.powerspec.numeric.second;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DivisorSummatoryTest {

    /** Literal enumeration: every tuple (ordered, or non-decreasing when {@code sorted}) with product ≤ n. */
    static long enumerate(int k, long n, long from, boolean sorted) {
        if (k == 0) {
            return 1;
        }
        long c = 0;
        for (long i = sorted ? from : 1; i <= n; i++) {
            c += enumerate(k - 1, n / i, i, sorted);
        }
        return c;
    }

    @Test
    void tupleAndMultisetCountsEqualLiteralEnumeration() {
        for (int k = 1; k <= 4; k++) {
            for (long n : new long[] {1, 2, 3, 10, 17, 100, 720, 1000, 2021}) {
                assertEquals(enumerate(k, n, 1, false), DivisorSummatory.tuples(k, n), "D_" + k + "(" + n + ")");
                assertEquals(enumerate(k, n, 1, true), DivisorSummatory.multisets(k, n), "M_" + k + "(" + n + ")");
                assertEquals(enumerate(k, n, 1, true), MultisetProducts.countUpTo(k, (int) n, n), "oracle's M_" + k + "(" + n + ")");
            }
        }
        assertEquals(0, DivisorSummatory.tuples(3, 0));
    }

    /** Negative control: counting ordered tuples as if they were multisets (D_k/k!) is wrong, even for k = 2. */
    @Test
    void multisetsAreNotTuplesOverKFactorial() {
        long n = 1000;
        assertNotEquals(DivisorSummatory.tuples(2, n) / 2, DivisorSummatory.multisets(2, n));
        assertEquals((DivisorSummatory.tuples(2, n) + DivisorSummatory.isqrt(n)) / 2, DivisorSummatory.multisets(2, n));
    }

    @Test
    void enumerationComesInIncreasingProductOrderWithinTheIndexRange() {
        MultisetProducts m = new MultisetProducts(3, 5);
        double last = 0;
        int count = 0;
        while (m.hasNext()) {
            double p = m.peekProduct();
            int[] t = m.next();
            assertEquals(p, (double) t[0] * t[1] * t[2]);
            assertEquals(true, p >= last && t[0] <= t[1] && t[1] <= t[2] && t[2] <= 5);
            last = p;
            count++;
        }
        assertEquals(35, count, "C(5+3-1, 3)");
    }
}
