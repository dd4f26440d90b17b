package org.powerspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.Progress;

class DynamicsClaimTest {
    private static final List<String> HEADER = List.of("x", "y", "local");

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
        }
        return x;
    }

    @Test
    void anExactPowerLawHoldsAtItsExponentAndFailsAwayFromIt() {
        double[] x = grid(1, 1000, 61);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * Math.pow(x[i], -0.5);
        }
        assertEquals(Verdict.HOLDS, DynamicsClaimChecker.exponentVerdict(x, y, 0.5, 1e-9, "x", "w", HEADER, "law").verdict());
        var fails = DynamicsClaimChecker.exponentVerdict(x, y, 0.6, 0.05, "x", "w", HEADER, "law");
        assertEquals(Verdict.FAILS, fails.verdict());
        assertTrue(fails.evidence().contains("0.5000") && fails.evidence().contains("0.6000"), fails.evidence());
        // the local exponent column is exactly 0.5 everywhere
        assertEquals("0.5000", fails.rows().get(30).get(2));
    }

    @Test
    void aBrokenPowerLawWhoseAverageFitsIsUndecided() {
        // y ~ x^-0.3 up to x = 31.6, then x^-0.7 (continuous): the whole window averages 0.5, the halves 0.3 and 0.7
        double[] x = grid(1, 1000, 61);
        double knee = Math.sqrt(1000);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] <= knee ? Math.pow(x[i], -0.3) : Math.pow(knee, -0.3) * Math.pow(x[i] / knee, -0.7);
        }
        var o = DynamicsClaimChecker.exponentVerdict(x, y, 0.5, 0.05, "x", "w", HEADER, "law");
        assertEquals(Verdict.INCONCLUSIVE, o.verdict(), o.figures());
        assertTrue(o.evidence().contains("halves"), o.evidence());
        y[7] = 0;
        assertEquals(Verdict.INCONCLUSIVE, DynamicsClaimChecker.exponentVerdict(x, y, 0.5, 0.05, "x", "w", HEADER, "law").verdict());
    }

    @Test
    void trendsHoldFailWithTheFirstBrokenPairOrAreUndecided() {
        List<Integer> at = List.of(1, 4, 16);
        var holds = DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80}, DynamicsClaim.Trend.DECREASING, "L", "length",
                null, HEADER, List.of());
        assertEquals(Verdict.HOLDS, holds.verdict());
        var fails = DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 360}, DynamicsClaim.Trend.DECREASING, "L",
                "length", null, HEADER, List.of());
        assertEquals(Verdict.FAILS, fails.verdict());
        assertTrue(fails.evidence().contains("at L = 4, then 360.0 at L = 16"), fails.evidence());
        assertEquals(Verdict.INCONCLUSIVE, DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80},
                DynamicsClaim.Trend.DECREASING, "L", "length", "not escaped", HEADER, List.of()).verdict());
    }

    /** The claims in proofs/dynamics against their published statements; each control must FAIL (not merely not hold). */
    @Test
    void theDynamicsProofsHoldAndTheirControlsFail() throws IOException {
        Path dir = Path.of("proofs", "dynamics");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> claims = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(claims.size() >= 5, claims.toString());
            for (Path f : claims) {
                DynamicsClaimResult r = DynamicsClaimChecker.check(DynamicsClaimFile.read(f), Progress.NONE);
                assertEquals(Verdict.HOLDS, r.verdict(), f + ": " + r.figures() + " — " + r.evidence());
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("controls"))) {
            List<Path> controls = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(controls.size() >= 4, controls.toString());
            for (Path f : controls) {
                DynamicsClaimResult r = DynamicsClaimChecker.check(DynamicsClaimFile.read(f), Progress.NONE);
                assertEquals(Verdict.FAILS, r.verdict(), f + ": " + r.figures() + " — " + r.evidence());
                assertTrue(r.evidence().startsWith("witness:"), r.evidence());
            }
        }
    }

    static Stream<Arguments> badFiles() {
        String lin = "name: x\nclaim: learning-curve-exponent\nmodel: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.01}\n"
                + "exponent: beta/(1+beta)\ntolerance: 0.05\nwindow: {from: 1, to: 100}\n";
        String plateau = "name: x\nclaim: plateau-trend\ntrend: decreasing\ntime: 100\ninit: {seed: 1}\n";
        return Stream.of(
                Arguments.of("name: x\nclaim: plateau-length\nmodel: {}\n", "claim 'plateau-length' is not known"),
                Arguments.of(lin + "sizes: [500, 2000]\n", "sizes is not a known key"),
                Arguments.of(lin.replace("linear", "erf"), "init is missing"),
                Arguments.of(lin.replace("beta/(1+beta)", "beta/(1+gamma)"), "unknown name 'gamma'"),
                Arguments.of(lin.replace("eta: 0.01", "eta: -1"), "model: eta -1.0 is not allowed"),
                Arguments.of(lin.replace("tolerance: 0.05", "tolerance: 0"), "tolerance = 0.0 must be a finite number > 0"),
                Arguments.of(plateau + "model: {activation: erf, K: [2, 3], L: [1, 4], beta: 1, eta: 0.1}\n",
                        "exactly one of K and L as a list"),
                Arguments.of(plateau + "model: {activation: erf, K: 2, L: [1, 4], M: 3, beta: 1, eta: 0.1}\n", "model.M is not used"),
                Arguments.of(plateau.replace("decreasing", "sideways") + "model: {activation: erf, K: 2, L: [1, 4], beta: 1, eta: 0.1}\n",
                        "trend 'sideways' is not known"),
                Arguments.of("name: x\nclaim: finite-size\nmodel: {activation: erf, K: 2, M: 2, L: 4, beta: 1, eta: 0.5}\n"
                        + "sizes: [500, 300]\ntrend: decreasing\ntime: 3\ninit: {seed: 1}\n", "sizes must be strictly ascending"),
                Arguments.of("name: x\nclaim: finite-size\nmodel: {activation: erf, K: 2, M: 2, L: 4, beta: 1, eta: 0.5}\n"
                        + "sizes: [500, 2001]\ntrend: decreasing\ntime: 3\ninit: {seed: 1}\n", "contains 2001: each N must be a multiple of L = 4"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesAreOneLineErrorsNamingTheKey(String yaml, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamicsClaimFile.parse(yaml, Path.of("c.yaml")));
        assertTrue(e.getMessage().startsWith("c.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
