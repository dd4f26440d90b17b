package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.InvalidInputException;

/**
 * The init file accepts exactly the overlaps that weights can have: symmetric q^ℓ, t^ℓ and positive semi-definite
 * blocks [[q^ℓ, r^ℓ], [r^ℓᵀ, t^ℓ]]; every other state, and every unknown key, is refused with one line naming the
 * eigenspace and entry. Each refusal has an accepted control that differs from it only in the fault.
 */
class OrderParameterFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The overlaps of seeded weights at L = N: every block has rank 1 (P_ℓ projects on one coordinate). */
    private static OrderParameters weights() {
        return Weights.draw(2, 2, 8, 8, 0.5, 1, 7).orderParameters();
    }

    private static Path write(Path dir, Object q, Object r, Object t) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("q", q);
        root.put("r", r);
        root.put("t", t);
        return Files.writeString(dir.resolve("init.json"), JSON.writeValueAsString(root));
    }

    private static String refusal(Path file) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrderParameterFile.read(file));
        assertEquals("init_file", e.field(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + file + "'"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theOverlapsOfWeightsAreAcceptedAsWrittenEvenWithRankOneBlocks(@TempDir Path dir) throws Exception {
        OrderParameters p = weights();
        OrderParameters back = OrderParameterFile.read(write(dir, p.q(), p.r(), p.t()));
        for (int l = 0; l < p.L(); l++) {
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(p.q()[l][i], back.q()[l][i]);
                assertArrayEquals(p.r()[l][i], back.r()[l][i]);
                assertArrayEquals(p.t()[l][i], back.t()[l][i]);
            }
        }
        // q = 0 (sigma_J = 0): a singular, but admissible, state
        OrderParameters zero = Weights.draw(2, 2, 8, 4, 0, 1, 7).orderParameters();
        OrderParameterFile.read(write(dir, zero.q(), zero.r(), zero.t()));
    }

    @Test
    void anAsymmetricQIsRefusedNotAveragedAndRoundingIsNot(@TempDir Path dir) throws Exception {
        OrderParameters p = weights();
        double[][][] q = p.q();
        double max = Math.max(Math.abs(q[3][0][0]), Math.max(Math.abs(q[3][1][1]), Math.abs(q[3][0][1])));
        // control: an asymmetry of 1e-14 of the largest entry (rounding) is accepted
        q[3][0][1] = q[3][1][0] + 1e-14 * max;
        OrderParameterFile.read(write(dir, q, p.r(), p.t()));
        q[3][0][1] = q[3][1][0] + 1e-9 * max;
        String m = refusal(write(dir, q, p.r(), p.t()));
        assertTrue(m.contains("\"q\"[3][0][1] = " + q[3][0][1] + " but \"q\"[3][1][0] = " + q[3][1][0]), m);
        assertTrue(m.contains("q must be symmetric, |q_ik - q_ki| <= 1e-12 * max|q[3]|"), m);
    }

    @Test
    void anAsymmetricTIsRefused(@TempDir Path dir) throws Exception {
        OrderParameters p = weights();
        double[][][] t = p.t();
        t[5][1][0] = 1.5 * t[5][1][0];
        String m = refusal(write(dir, p.q(), p.r(), t));
        assertTrue(m.contains("\"t\"[5][0][1] = ") && m.contains("t must be symmetric"), m);
    }

    @Test
    void aQThatIsNotPositiveSemiDefiniteIsRefusedByEigenspace(@TempDir Path dir) throws Exception {
        double[][][] q = {{{1, 0}, {0, 1}}, {{1, 2}, {2, 1}}};
        double[][][] r = {{{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}};
        double[][][] t = {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}};
        String m = refusal(write(dir, q, r, t));
        assertTrue(m.contains("eigenspace 1: the block [[q, r], [r^T, t]] has the eigenvalue -1 (largest 3)"), m);
        assertTrue(m.contains("\"q\"[1] itself has the eigenvalue -1"), m);
        assertTrue(m.contains("positive semi-definite") && m.contains(">= -1e-12 * the largest"), m);
        // control: the same file with q^1 = [[2, 1], [1, 2]] (eigenvalues 3, 1) is accepted
        q[1] = new double[][] {{2, 1}, {1, 2}};
        OrderParameterFile.read(write(dir, q, r, t));
    }

    @Test
    void aTThatIsNotPositiveSemiDefiniteIsRefused(@TempDir Path dir) throws Exception {
        double[][][] q = {{{1, 0}, {0, 1}}};
        double[][][] r = {{{0, 0}, {0, 0}}};
        double[][][] t = {{{1, 0}, {0, -0.25}}};
        String m = refusal(write(dir, q, r, t));
        assertTrue(m.contains("eigenspace 0") && m.contains("\"t\"[0] itself has the eigenvalue -0.25"), m);
    }

    @Test
    void anOverlapRLargerThanQAndTAllowIsRefusedWithItsWitness(@TempDir Path dir) throws Exception {
        // q = t = I are positive definite; |r_00| = 1.2 > sqrt(q_00 t_00) = 1: the block is not
        double[][][] q = {{{1, 0}, {0, 1}}};
        double[][][] r = {{{1.2, 0}, {0, 0.1}}};
        double[][][] t = {{{1, 0}, {0, 1}}};
        String m = refusal(write(dir, q, r, t));
        assertTrue(m.contains("eigenspace 0: the block [[q, r], [r^T, t]] has the eigenvalue -0.2"), m);
        assertTrue(m.contains("\"r\"[0] couples them too strongly (r[0][0][0]^2 = 1.44 > q[0][0][0] * t[0][0][0] = 1)"), m);
        // control: r_00 = 0.99 leaves the block positive definite
        r[0][0][0] = 0.99;
        OrderParameterFile.read(write(dir, q, r, t));
    }

    @Test
    void aBlockCanFailWithEveryPairWithinItsBound(@TempDir Path dir) throws Exception {
        // K = 2, M = 1: each r_i0^2 = 0.5 <= q_ii t_00 = 1, and q = I, t = 1 are fine, yet r_00 = r_10 = 0.75 gives
        // eigenvalue 1 - 0.75 sqrt 2 < 0 on (1, 1, -sqrt 2)/2
        double[][][] q = {{{1, 0}, {0, 1}}};
        double[][][] r = {{{0.75}, {0.75}}};
        double[][][] t = {{{1}}};
        String m = refusal(write(dir, q, r, t));
        assertTrue(m.contains("has the eigenvalue -0.0606602 (largest 2.06066)"), m);
        assertTrue(m.endsWith("each block with eigenvalues >= -1e-12 * the largest")
                && m.contains("\"r\"[0] couples them too strongly);"), m);
        r[0][0][0] = 0.7;
        r[0][1][0] = 0.7;
        OrderParameterFile.read(write(dir, q, r, t));
    }

    @Test
    void anUnknownTopLevelKeyIsRefused(@TempDir Path dir) throws Exception {
        OrderParameters p = weights();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("q", p.q());
        root.put("r", p.r());
        root.put("t", p.t());
        root.put("Q", p.q());
        Path f = Files.writeString(dir.resolve("init.json"), JSON.writeValueAsString(root));
        String m = refusal(f);
        assertTrue(m.endsWith("'" + f + "': \"Q\" is not a known key: allowed are q, r, t"), m);
        // control: the same object without the extra key
        root.remove("Q");
        OrderParameterFile.read(Files.writeString(dir.resolve("init.json"), JSON.writeValueAsString(root)));
    }
}
