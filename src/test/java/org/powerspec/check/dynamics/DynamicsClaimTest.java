package org.powerspec.check.dynamics;

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
import org.powerspec.Progress;
import org.powerspec.check.core.Verdict;

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
        assertEquals(0.5, fails.rows().get(30)[2], 1e-12);
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
    void pointsThatDetermineNoExponentNeverHold() {
        // four points: halves of two points each, too few to judge; identical x: the fit is NaN
        double[] x = {1, 2, 4, 8};
        double[] y = {1, 0.5, 0.25, 0.125};
        assertEquals(Verdict.INCONCLUSIVE, DynamicsClaimChecker.exponentVerdict(x, y, 1, 0.05, "x", "w", HEADER, "law").verdict());
        double[] same = {2, 2, 2, 2, 2, 2};
        double[] ys = {1, 1, 1, 1, 1, 1};
        assertEquals(Verdict.INCONCLUSIVE, DynamicsClaimChecker.exponentVerdict(same, ys, 1, 0.05, "x", "w", HEADER, "law").verdict());
    }

    @Test
    void aWindowOfLessThanADecadeIsUndecided() {
        String yaml = "name: x\nclaim: learning-curve-exponent\nmodel: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.01}\n"
                + "exponent: 1\ntolerance: 0.05\nwindow: {from: 100, to: 100*(1+10^-15)}\n";
        DynamicsClaimResult r = DynamicsClaimChecker.check(DynamicsClaimFile.parse(yaml, Path.of("c.yaml")), Progress.NONE);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.evidence());
        assertTrue(r.evidence().contains("less than a factor 10"), r.evidence());
    }

    /** {exponent, window.from, window.to} of a learning-curve-exponent claim with the given model and keys. */
    private static double[] exponentAndWindow(String rest) {
        DynamicsClaim.LearningCurveExponent c = (DynamicsClaim.LearningCurveExponent) DynamicsClaimFile.parse(
                "name: x\nclaim: learning-curve-exponent\n" + rest, Path.of("c.yaml"));
        java.util.Map<String, Double> s = DynamicsClaim.windowSymbols(c.model());
        return new double[] {c.exponent().value(s), c.from().value(s), c.to().value(s)};
    }

    @Test
    void plainNumbersAreReadAsDecimals() {
        // 0.00005 is 5.0E-5 to Java, which Symja would read as 5.0*E - 5; a window's 1e7 is a YAML string
        double[] v = exponentAndWindow("model: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.01}\n"
                + "exponent: 0.00005\ntolerance: 0.0001\nwindow: {from: 0.0001, to: 1e7}\n");
        assertEquals(5e-5, v[0], 1e-18);
        assertEquals(1e-4, v[1], 1e-18);
        assertEquals(1e7, v[2], 1e-6);
        // inside an expression too: Symja alone would read 5E-1 as 5*E - 1 and 1e-3 as an unknown name e; E alone stays
        // Euler's number
        v = exponentAndWindow("model: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.01}\n"
                + "exponent: 5E-1*(1+beta) + 0*E\ntolerance: 0.05\nwindow: {from: 1e-3*L, to: 2.5e+3*L/E}\n");
        assertEquals(1.0, v[0], 1e-15);
        assertEquals(0.064, v[1], 1e-15);
        assertEquals(2500 * 64 / Math.E, v[2], 1e-9);
    }

    @Test
    void anEigenvalueListSetsTheWindowByItsLargestAndSmallest() {
        double[] v = exponentAndWindow("model: {activation: linear, K: 1, M: 1, eigenvalues: [4, 2, 1, 0.5], eta: 0.01}\n"
                + "exponent: 1\ntolerance: 0.05\nwindow: {from: 1/lambda1, to: 1/lambdaL}\n");
        assertEquals(0.25, v[1], 1e-15);
        assertEquals(2, v[2], 1e-15);
    }

    @Test
    void trendsHoldFailWithTheFirstBrokenPairOrAreUndecided() {
        List<Integer> at = List.of(1, 4, 16);
        boolean[] all = {true, true, true};
        var holds = DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80}, all, DynamicsClaim.Trend.DECREASING, 0.02, "L",
                "length", 100, HEADER, List.of());
        assertEquals(Verdict.HOLDS, holds.verdict());
        var fails = DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 360}, all, DynamicsClaim.Trend.DECREASING, 0, "L",
                "length", 100, HEADER, List.of());
        assertEquals(Verdict.FAILS, fails.verdict());
        assertTrue(fails.evidence().contains("at L = 4, then 360.0 at L = 16"), fails.evidence());
        // a step smaller than the margin is no step: differences at integration noise do not count
        assertEquals(Verdict.FAILS, DynamicsClaimChecker.trendVerdict(at, new double[] {900, 890, 880}, all,
                DynamicsClaim.Trend.DECREASING, 0.02, "L", "length", 100, HEADER, List.of()).verdict());
        // lower bounds: the first length (not escaped) may be longer, so a decreasing trend still holds for sure ...
        boolean[] firstStuck = {false, true, true};
        assertEquals(Verdict.HOLDS, DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80}, firstStuck,
                DynamicsClaim.Trend.DECREASING, 0.02, "L", "length", 100, HEADER, List.of()).verdict());
        // ... but a later stuck length could be longer than it looks: undecided
        boolean[] lastStuck = {true, true, false};
        var undecided = DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80}, lastStuck, DynamicsClaim.Trend.DECREASING,
                0.02, "L", "length", 100, HEADER, List.of());
        assertEquals(Verdict.INCONCLUSIVE, undecided.verdict());
        assertTrue(undecided.evidence().contains("L = 16 has not left the plateau"), undecided.evidence());
        // an increasing claim broken between two exact lengths fails even though a later curve is stuck
        assertEquals(Verdict.FAILS, DynamicsClaimChecker.trendVerdict(at, new double[] {900, 360, 80}, lastStuck,
                DynamicsClaim.Trend.INCREASING, 0.02, "L", "length", 100, HEADER, List.of()).verdict());
    }

    /** Shipped claims that are undecided on purpose (the README says why). */
    static final java.util.Set<String> OPEN = java.util.Set.of("plateau-length-vs-L.yaml");

    /** The claims in proofs/dynamics against their published statements; each control must FAIL (not merely not hold). */
    @Test
    void theDynamicsProofsHoldAndTheirControlsFail() throws IOException {
        Path dir = Path.of("proofs", "dynamics");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> claims = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(claims.size() >= 5, claims.toString());
            for (Path f : claims) {
                DynamicsClaimResult r = DynamicsClaimChecker.check(DynamicsClaimFile.read(f), Progress.NONE);
                // an open claim, shipped as a finding: its length law is not one power law before the plateau vanishes
                Verdict expected = OPEN.contains(f.getFileName().toString()) ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
                assertEquals(expected, r.verdict(), f + ": " + r.figures() + " — " + r.evidence());
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
                        + "sizes: [500, 2001]\ntrend: decreasing\ntime: 3\ninit: {seed: 1}\n", "contains 2001: each N must be a multiple of L = 4"),
                Arguments.of("name: x\nclaim: finite-size\nmodel: {activation: erf, K: 2, M: 2, L: 4, beta: 1, eta: 0.5}\n"
                        + "sizes: [500, 2000]\ntrend: decreasing\ntime: 0.0001\ninit: {seed: 1}\n", "time = 1.0E-4 is too short"),
                Arguments.of("name: x\nclaim: finite-size\nmodel: {activation: erf, K: 2, M: 2, L: 4, beta: 1, eta: 0.5}\n"
                        + "sizes: [500, 2000]\ntrend: decreasing\ntime: 3\ninit: {N: 1024, seed: 1}\n", "init.N is not a known key"),
                Arguments.of(plateau + "model: {activation: erf, K: [3, 2], L: 1, beta: 1, eta: 0.1}\n", "model.K must be strictly ascending"),
                Arguments.of(plateau.replace("{seed: 1}", "{seed: 1, sigma_B: 2}") + "model: {activation: erf, K: 2, L: [1, 4], beta: 1, "
                        + "eta: 0.1}\n", "init.sigma_B is not a known key"),
                Arguments.of(lin.replace("beta/(1+beta)", "1").replace("L: 64, beta: 1", "eigenvalues: [1, 2]"),
                        "model.eigenvalues must be listed from the largest down"),
                Arguments.of(lin.replace("L: 64, beta: 1", "eigenvalues: [2, 1]"), "unknown name 'beta'"),
                Arguments.of(lin.replace("from: 1", "from: 1/(K-1)"), "window.from '1/(K-1)'"),
                Arguments.of(lin.replace("from: 1", "from: -1"), "window.from '-1' = -1.0 must be > 0"),
                Arguments.of(lin + "integrator: rkc\n", "integrator is not used by the closed form"),
                Arguments.of(lin + "exponent: 2\n", "duplicate key"),
                Arguments.of("name: x\nclaim: finite-size\nmodel: {activation: erf, K: 2, M: 2, L: 4, beta: 1, eta: 0.5}\n"
                        + "sizes: [500, 2000]\nseeds: 1\ntrend: decreasing\ntime: 3\ninit: {seed: 1}\n", "needs at least 3"),
                Arguments.of(lin.replace("exponent: beta/(1+beta)", "exponent: 1e-3*L*0 + E*q"), "unknown name 'q'"),
                Arguments.of("", "the file must be a mapping"),
                Arguments.of("name: x\nclaim: floor-exponent\nmodel: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.05}\n"
                        + "trainable: [4, 8, 16, 32, 64]\nexponent: beta\ntolerance: 0.1\n", "each N_l must be from 1 to L - 1 = 63"),
                Arguments.of("name: x\nclaim: floor-exponent\nmodel: {activation: linear, K: 1, M: 1, L: 64, beta: 1, eta: 0.05}\n"
                        + "trainable: [4, 8]\nexponent: beta\ntolerance: 0.1\n", "trainable needs at least 5 values"));
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
