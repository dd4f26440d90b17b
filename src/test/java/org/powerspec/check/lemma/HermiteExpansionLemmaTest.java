package org.powerspec.check.lemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.lemma.HermiteExpansionLemma.Part;
import org.powerspec.check.lemma.HermiteExpansionLemma.Row;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ChaosExpansion;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.SymjaEngine;

class HermiteExpansionLemmaTest {
    private final HermiteExpansionLemma lemma = new HermiteExpansionLemma(SymjaEngine.get());

    private static boolean passes(Row row, Part part) {
        return row.parts().stream().filter(r -> r.part() == part).findFirst().orElseThrow().pass();
    }

    @Test
    void everyPowerFromOneToTwentyPasses() {
        List<Row> rows = lemma.checkAll(IntStream.rangeClosed(1, 20).mapToObj(Activation::monomial).toList());
        for (Row r : rows) {
            assertTrue(r.passes(), r.toString());
        }
        assertEquals(Verdict.HOLDS, rows.stream().map(Row::verdict).reduce(Verdict.HOLDS, Verdict::and));
        assertTrue(rows.get(9).parts().get(1).detail().contains("654729075"), "(2*10-1)!! = 19!!");
    }

    @Test
    void polynomialActivationsPass() {
        SymjaEngine symja = SymjaEngine.get();
        for (String f : List.of("y^3-3*y", "2*y^2+y", "y^5/3-y/2+1")) {
            Row r = lemma.check(HermiteChaos.expand(Activation.polynomial(f, symja.parsePolynomial(f, "y"))));
            assertTrue(r.passes(), r.toString());
        }
    }

    @Test
    void negativeControlCorruptedCoefficientFailsEveryPart() {
        // y^4 = He_4 + 6 He_2 + 3: replace c_2 = 6 by 7
        ChaosExpansion bad = HermiteChaos.expand(Activation.monomial(4)).withCoefficient(2, new BigFraction(7));
        Row r = lemma.check(bad);
        assertFalse(r.passes());
        assertEquals(Verdict.FAILS, r.verdict());
        for (Part p : Part.values()) {
            assertFalse(passes(r, p), p + " must reject c_2 = 7 for y^4: " + r);
        }
    }

    @Test
    void negativeControlWrongSignIsCaughtByTheAlgebraButNotBySquares() {
        // flipping the sign of c_1 for y^3 leaves b_k = k! c_k^2 (and so (b), (c), (d) at the level of b_k) unchanged
        // for a monomial; part (a) sees it.
        ChaosExpansion bad = HermiteChaos.expand(Activation.monomial(3)).withCoefficient(1, new BigFraction(-3));
        Row r = lemma.check(bad);
        assertFalse(passes(r, Part.A), r.toString());
        assertTrue(passes(r, Part.B), "sum of squares cannot see a sign: " + r);
        assertFalse(r.passes());
    }

    @Test
    void negativeControlOffParityCoefficientIsRejected() {
        // a spurious c_0 = 1 for y^3 (odd f has no even chaos)
        Row r = lemma.check(HermiteChaos.expand(Activation.monomial(3)).withCoefficient(0, BigFraction.ONE));
        assertFalse(passes(r, Part.A));
        assertFalse(passes(r, Part.B));
        assertFalse(passes(r, Part.C));
        assertFalse(passes(r, Part.D));
    }
}
