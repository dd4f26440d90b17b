package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.InvalidInputException;
import org.powerspec.check.core.Verdict;

class ClaimCheckerTest {
    static final Path PROOFS = Path.of("proofs");

    static Stream<Path> controls() throws Exception {
        return Files.list(PROOFS.resolve("controls")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("controls")
    void everyControlIsRejected(Path control) {
        ClaimResult r = ClaimChecker.check(ClaimFile.read(control), line -> { });
        assertNotEquals(Verdict.HOLDS, r.verdict(), control + ": " + r.evidence());
        if (r.verdict() == Verdict.INCONCLUSIVE) {
            assertTrue(!r.evidence().isBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sketch-p1-alpha1_5.yaml", "sketch-p1-alpha2.yaml", "sketch-p1-alpha3.yaml"})
    void theSketchLemmaHolds(String name) {
        ClaimResult r = ClaimChecker.check(ClaimFile.read(PROOFS.resolve(name)), line -> { });
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
        // the fitted exponent is near the claim's alpha (the ratio is ~constant)
        assertTrue(Math.abs(r.fit().alpha() - r.claim().alpha()) < 0.4, "alpha-hat " + r.fit().alpha());
    }

    /** Issue 6's done-when: the oracle claim holds where j^(−α) fails, and the cut-off collapse is certified. */
    @ParameterizedTest
    @ValueSource(strings = {"oracle-p2-alpha2.yaml", "cutoff-collapse-p1.yaml"})
    void theSecondMethodsClaimsHold(String name) {
        ClaimResult r = ClaimChecker.check(ClaimFile.read(PROOFS.resolve(name)), line -> { });
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
    }

    /**
     * The cut-off's continuation by a nonlinear feature map: every ratio is inside the constants, but max r rises
     * 0.05 per decade of d with an interval above 0 — a real drift toward the upper constant, within the tolerance:
     * decelerating, and continuing it would reach the constant only near d ~ 1e17, yet a HOLDS may not rest on that.
     */
    @Test
    void aDriftTowardAConstantWithinTheToleranceIsNotAHolds() {
        ClaimResult r = ClaimChecker.check(ClaimFile.read(PROOFS.resolve("cutoff-continues-p2.yaml")), line -> { });
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.evidence());
        assertTrue(r.evidence().contains("max r drifts toward the upper constant"), r.evidence());
        assertTrue(r.evidence().contains("decelerating: evidence of convergence, not proof"), r.evidence());
        assertTrue(r.evidence().contains("would reach the upper constant at d ~"), r.evidence());
    }

    @Test
    void anEigenvalueUnderItsBoundDecidesOnlyWhatItsBoundCertifies(@TempDir Path dir) throws Exception {
        // p = 1 cut off at M = 16: beyond M every eigenvalue is zero to rounding, under its error bound
        String common = "model: {alpha: 2, p: 1, v: \"4*d\", cutoff: 16}\nrate: \"j^(-alpha)\"\n"
                + "range: {from: 17, to: \"d/2\"}\nsweep: {d: [64, 128], seeds: 1}\n";
        Path upper = dir.resolve("upper.yaml");
        Files.writeString(upper, "name: upper\n" + common + "constants: {upper: 1e-6}\n");
        Path lower = dir.resolve("lower.yaml");
        Files.writeString(lower, "name: lower\n" + common + "constants: {lower: 1e-6}\n");
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, "name: both\n" + common + "constants: {lower: 1e-30, upper: 1e-6}\n");
        assertEquals(Verdict.HOLDS, ClaimChecker.check(ClaimFile.read(upper), line -> { }).verdict());
        assertEquals(Verdict.FAILS, ClaimChecker.check(ClaimFile.read(lower), line -> { }).verdict());
        // a lower constant below the bound cannot be certified either way: nothing usable, INCONCLUSIVE
        ClaimResult r = ClaimChecker.check(ClaimFile.read(both), line -> { });
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.evidence());
    }

    @Test
    void anEmptyHeadRangeIsInconclusiveWithItsReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("empty.yaml");
        Files.writeString(f, """
                name: empty-head
                model: {alpha: 2.0, p: 3}
                rate: "(Log[j+1]^(p-1)/j)^alpha"
                range: {from: "1", to: "c1*d/Log[d]^(p+1)", c1: 1}
                constants: {lower: 0.1, upper: 10}
                sweep: {d: [64, 128], seeds: 1}
                """);
        ClaimResult r = ClaimChecker.check(ClaimFile.read(f), line -> { });
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(r.evidence().contains("range is empty"), r.evidence());
    }

    @Test
    void driftIsPresentAbsentOrUndecidedByItsInterval() {
        List<ClaimResult.Run> falling = List.of(run(100, 1.0), run(1000, 0.5), run(10000, 0.25), run(100, 1.01),
                run(1000, 0.49), run(10000, 0.26));
        assertEquals(DriftStatus.PRESENT, DriftTest.drift(falling, "min r", Side.LOWER, 0.1).status());
        assertEquals(DriftStatus.ABSENT, DriftTest.drift(falling, "max r", Side.UPPER, 0.1).status());
        List<ClaimResult.Run> flat = List.of(run(100, 1.0), run(1000, 1.01), run(10000, 0.99), run(100, 1.02));
        assertEquals(DriftStatus.ABSENT, DriftTest.drift(flat, "min r", Side.LOWER, 0.1).status());
        List<ClaimResult.Run> two = List.of(run(100, 1.0), run(1000, 0.9));
        assertEquals(DriftStatus.UNDECIDED, DriftTest.drift(two, "min r", Side.LOWER, 0.1).status());
    }

    private static ClaimResult.Run run(int d, double ratio) {
        double[] ten = new double[10];
        java.util.Arrays.fill(ten, ratio);
        return new ClaimResult.Run(d, 1, 4 * d, 1, d, 1, 10, 10, 0, 0, 0, 0, ratio, 1, ratio, 1, List.of(),
                java.util.stream.IntStream.rangeClosed(1, 10).toArray(), ten, ten, new boolean[10], ten, new double[10], 10, null, null, 0);
    }

    static Stream<Arguments> badClaims() {
        String ok = "name: x\nmodel: {alpha: 2.0, p: 1}\nrate: \"j^(-alpha)\"\nrange: {from: \"1\", to: \"d/2\"}\n"
                + "constants: {lower: 0.1, upper: 10}\nsweep: {d: [64, 128], seeds: 1}\n";
        return Stream.of(
                Arguments.of(ok + "colour: blue\n", "colour"),
                Arguments.of(ok.replace("j^(-alpha)", "j^(-beta)"), "j^(-beta)' uses the unknown name"),
                Arguments.of(ok.replace("j^(-alpha)", "j^(-alpha"), "rate 'j^(-alpha' is not a valid expression"),
                Arguments.of(ok.replace("j^(-alpha)", "Foo[j]"), "rate"),
                Arguments.of(ok.replace("alpha: 2.0", "alpha: 0.5"), "model.alpha"),
                Arguments.of(ok.replace("p: 1", "p: 0"), "model.p"),
                Arguments.of(ok.replace("constants: {lower: 0.1, upper: 10}", "constants: {}"), "constants"),
                Arguments.of(ok.replace("d: [64, 128]", "d: [64, x]"), "sweep.d"),
                Arguments.of(ok.replace("d/2", "d/q"), "'q'"),
                Arguments.of("name: [unclosed\n", "YAML"));
    }

    @ParameterizedTest
    @MethodSource("badClaims")
    void badClaimsAreOneClearError(String text, String named, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClaimFile.read(f));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
