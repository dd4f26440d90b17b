package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;
import org.powerspec.numeric.second.ProductOracle;
import org.powerspec.symbolic.Activation;

class CutoffSpectrumTest {
    static final int D = 128;
    static final int M = 16;

    static Spectrum spectrum(int p, int v, int cutoff, Precision precision, int d) {
        SpectrumSpec s = new SpectrumSpec(2, Activation.monomial(p), d, v, 1, null, 1, false, precision, cutoff);
        return SpectrumComputation.compute(s, SpectrumComputation.sketchFor(s), Progress.NONE);
    }

    /**
     * Independent truth: the seeded sketch's rows depend only on (seed, row), so the cut-off H with v = 4d has exactly
     * the G of the plain H with v = M (rows beyond M have λ = 0). Same bits, in double and in double-double.
     */
    @Test
    void cutoffEqualsTheTruncatedDimension() {
        assertArrayEquals(spectrum(2, M, 0, Precision.DOUBLE, D).hi(), spectrum(2, 4 * D, M, Precision.DOUBLE, D).hi());
        assertArrayEquals(spectrum(1, M, 0, Precision.HIGH, 24).lo(), spectrum(1, 96, M, Precision.HIGH, 24).lo());
        // negative control: without the cut-off the spectrum is different
        assertTrue(spectrum(2, 4 * D, 0, Precision.DOUBLE, D).eigenvalue(1) != spectrum(2, 4 * D, M, Precision.DOUBLE, D).eigenvalue(1));
    }

    /**
     * p = 1 has rank ≤ M: every λ_j, j > M, lies inside its error bound (|λ_j| ≤ bound, so 0 within rounding) and is
     * far below the control rate 0.01·j^(−α) that "p = 1 continues past M" would need. p = 2 continues: λ_j for
     * M < j ≤ 4M are reliable and within a factor 3 of the cut-off product oracle (measured 0.44–0.86 at d = 128, seed 1).
     */
    @Test
    void pOneCollapsesAtTheCutoffWhilePTwoContinues() {
        Spectrum one = spectrum(1, 4 * D, M, Precision.DOUBLE, D);
        for (int j = 1; j <= M; j++) {
            assertTrue(one.reliable(j), "j = " + j);
        }
        for (int j = M + 1; j <= D; j++) {
            assertTrue(!one.reliable(j), "p = 1, j = " + j + ": " + one.eigenvalue(j));
            assertTrue(Math.abs(one.eigenvalue(j)) + one.bound(j) < 0.01 * Math.pow(j, -2), "j = " + j);
        }
        Spectrum two = spectrum(2, 4 * D, M, Precision.DOUBLE, D);
        ProductOracle.Prediction o = ProductOracle.predict(new ProductOracle.Spec(2, Activation.monomial(2), 4 * D, M, 1), D);
        for (int j = M + 1; j <= 4 * M; j++) {
            double r = two.eigenvalue(j) / o.eigenvalue(j);
            assertTrue(two.reliable(j) && r > 1.0 / 3 && r < 3, "p = 2, j = " + j + ": ratio " + r);
        }
        assertEquals(M * (M + 1) / 2 + 1, ProductOracle.predict(o.spec(), ProductOracle.MAX_COUNT).size(),
                "the cut-off oracle for p = 2: M(M+1)/2 products and the mean");
    }

    @Test
    void badCutoffIsRefused() {
        SpectrumSpec s = new SpectrumSpec(2, Activation.monomial(1), 8, 32, 1, null, 1, false, Precision.DOUBLE);
        assertThrows(InvalidInputException.class, () -> s.withCutoff(0));
        assertEquals(5, s.withCutoff(5).cutoff());
        assertEquals(0, s.cutoff(), "the 9-argument constructor means no cut-off");
    }
}
