package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.InvalidInputException;

class SymjaEngineTest {
    private final SymjaEngine symja = SymjaEngine.get();

    @Test
    void parsesPolynomialsWithRationalCoefficients() {
        assertEquals(new Polynomial(List.of(BigFraction.ZERO, new BigFraction(-3), BigFraction.ZERO, BigFraction.ONE)),
                symja.parsePolynomial("y^3-3*y", "y"));
        assertEquals(new Polynomial(List.of(BigFraction.ZERO, new BigFraction(3, 4), BigFraction.ONE_HALF)),
                symja.parsePolynomial(" y^2/2 + 3/4*y ", "y"));
        assertEquals(new Polynomial(List.of(BigFraction.ONE, BigFraction.TWO, BigFraction.ONE)),
                symja.parsePolynomial("(y+1)^2", "y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5*y", "Sqrt[2]*y", "x+y", "Sin[y]", "y^3-", "", "1/y", "y^(1/2)", "Y^2+y^3"})
    void rejectsWhatIsNotAPolynomialInYWithRationalCoefficients(String bad) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> symja.parsePolynomial(bad, "y"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void symjaHermiteHGivesTheProbabilistsPolynomialsAfterRescaling() {
        for (int k = 0; k <= 12; k++) {
            String he = symja.expand("2^(-" + k + "/2)*HermiteH[" + k + ", y/Sqrt[2]]");
            assertEquals(HermiteChaos.hermite(k), symja.parsePolynomial(he, "y"), "He_" + k);
        }
    }

    @Test
    void expandsAndWritesLatex() {
        assertTrue(symja.isIdenticallyZero("(sa*sb+c)^2 - sa^2*sb^2 - 2*c*sa*sb - c^2"));
        assertFalse(symja.isIdenticallyZero("(sa+c)^2 - sa^2 - c^2"));
        String tex = symja.latex("9*c*sa^2*sb^2");
        assertTrue(tex.contains("s_a") && tex.contains("s_b") && !tex.contains("cdot"), tex);
    }
}
