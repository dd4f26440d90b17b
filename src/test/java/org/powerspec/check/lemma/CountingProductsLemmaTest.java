package org.powerspec.check.lemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.check.core.Verdict;
import org.powerspec.numeric.second.DivisorSummatory;
import org.powerspec.symbolic.PiltzPolynomial;

class CountingProductsLemmaTest {

    @Test
    void holdsForTheTruePolynomialsAndRejectsEveryControl() {
        List<CountingProductsLemma.Row> rows = CountingProductsLemma.check(List.of(2, 3, 4), List.of(1000L, 100_000L, 1_000_000L), 20_000);
        assertEquals(Verdict.HOLDS, CountingProductsLemma.verdict(rows));
        assertEquals(3 * 3 + 5, rows.size(), "3 true rows per k, controls: 1 for k = 2, 2 each for k = 3, 4");
        for (CountingProductsLemma.Row r : rows) {
            assertEquals(!r.control(), r.pass(), r.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> r.multisets() > 0 && r.multisets() == r.multisetsBurnside()));
    }

    /** The bound has teeth: the true P_1 at N = 10^6 errs by 92.1, so a bound 20× tighter than Berkane et al.'s (48) fails. */
    @Test
    void aTooTightBoundOrAWrongPolynomialFails() {
        long n = 1_000_000;
        long d = DivisorSummatory.tuples(2, n);
        double err = d - PiltzPolynomial.of(2).mainTerm(n);
        assertTrue(Math.abs(err) <= CountingProductsLemma.bound(2).at(n));
        assertFalse(Math.abs(err) <= CountingProductsLemma.bound(2).at(n) / 20);
        CountingProductsLemma.Row wrong = new CountingProductsLemma.Row(2, n, PiltzPolynomial.of(2).plusConstant(0.01), false, d,
                PiltzPolynomial.of(2).plusConstant(0.01).mainTerm(n), CountingProductsLemma.bound(2).at(n), -1, -1);
        assertFalse(wrong.pass(), "a constant off by 0.01 moves N*P by 10^4 > 961");
        assertEquals(Verdict.FAILS, CountingProductsLemma.verdict(List.of(wrong)));
    }
}
