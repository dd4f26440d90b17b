package org.powerspec.numeric.dd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The DD matrix container: symmetric by construction, exact copies. */
class DoubleDoubleMatrixTest {

    @Test
    void setWritesBothTrianglesAndGetReadsThePair() {
        DDMatrix m = new DDMatrix(3);
        DoubleDouble third = DoubleDouble.of(1).divide(DoubleDouble.of(3));
        m.set(2, 0, third);
        assertEquals(third, m.get(0, 2));
        assertEquals(third, m.get(2, 0));
        assertEquals(third.hi(), m.hi(0, 2));
        assertEquals(third.lo(), m.lo(2, 0));
        assertEquals(DoubleDouble.ZERO, m.get(1, 1));
        assertEquals(3, m.n());
    }

    @Test
    void factoriesRejectAsymmetricOrRaggedInput() {
        assertThrows(IllegalArgumentException.class, () -> DDMatrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> DDMatrix.of(new double[][] {{1, 2}, {2}}));
        assertThrows(IllegalArgumentException.class,
                () -> DDMatrix.of(new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 1e-20}, {0, 0}}));
        assertThrows(IndexOutOfBoundsException.class, () -> new DDMatrix(2).get(2, 0));
    }

    @Test
    void copiesAndRoundingToDouble() {
        DDMatrix m = DDMatrix.of(new double[][] {{1, 0.5}, {0.5, 2}}, new double[][] {{1e-20, 0}, {0, -1e-18}});
        DDMatrix c = m.copy();
        assertTrue(c.bitEquals(m));
        c.set(0, 0, DoubleDouble.ZERO);
        assertTrue(!c.bitEquals(m));
        assertArrayEquals(new double[] {1, 0.5}, m.toDoubleArray()[0]);
        assertEquals(new DoubleDouble(2, -1e-18), m.get(1, 1));
    }
}
