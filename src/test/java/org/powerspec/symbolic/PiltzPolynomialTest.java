package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PiltzPolynomialTest {
    static final double GAMMA = 0.5772156649015329;
    static final double GAMMA1 = -0.0728158454836767;

    /** The closed forms written out by hand: P_0 = 1, P_1 = L + 2γ − 1, P_2 = L²/2 + (3γ−1)L + 3γ² − 3γ − 3γ_1 + 1. */
    @Test
    void lowOrderPolynomialsMatchTheirClosedForms() {
        assertArrayEquals(new double[] {1}, PiltzPolynomial.of(1).coefficients(), 0);
        assertArrayEquals(new double[] {2 * GAMMA - 1, 1}, PiltzPolynomial.of(2).coefficients(), 1e-15);
        assertArrayEquals(new double[] {3 * GAMMA * GAMMA - 3 * GAMMA - 3 * GAMMA1 + 1, 3 * GAMMA - 1, 0.5},
                PiltzPolynomial.of(3).coefficients(), 1e-15);
        // leading coefficient 1/(k−1)!
        assertEquals(1.0 / 6, PiltzPolynomial.of(4).coefficients()[3], 1e-16);
    }

    /** Controls differ from the truth exactly where they should. */
    @Test
    void controlsAreWrongPolynomials() {
        assertArrayEquals(PiltzPolynomial.of(2).coefficients(), PiltzPolynomial.withoutStieltjes(2, 1).coefficients(), 0,
                "gamma_1 does not enter P_1");
        assertEquals(3 * GAMMA1, PiltzPolynomial.withoutStieltjes(3, 1).coefficients()[0]
                - PiltzPolynomial.of(3).coefficients()[0], 1e-15);
        assertTrue(PiltzPolynomial.of(2).plusConstant(1).label().contains("+1"));
        assertEquals(PiltzPolynomial.of(2).mainTerm(100) + 100, PiltzPolynomial.of(2).plusConstant(1).mainTerm(100), 1e-9);
    }
}
