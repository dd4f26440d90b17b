package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.InvalidInputException;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.symbolic.ClaimExpression;

/**
 * A bank of false claims, one class of each hole through which a false claim was once judged HOLDS, each rejected;
 * beside each its twin that decides (double-double for a floor, the same claim with the built-in's value written out
 * for a name), so the rejection is shown to be about the hole and not a checker that refuses everything.
 */
class VerdictSoundnessTest {

    private static Claim claim(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("claim.yaml");
        Files.writeString(f, yaml);
        return ClaimFile.read(f);
    }

    private static ClaimResult check(Path dir, String yaml) throws Exception {
        return ClaimChecker.check(claim(dir, yaml), line -> { });
    }

    /**
     * Hole 1: a lower bound whose range lies mostly under double precision's error floor. Each claim is false (its
     * double-double twin FAILS with a certified witness); in double it used to HOLD on the few measured eigenvalues.
     */
    static Stream<Arguments> underTheFloor() {
        return Stream.of(
                // p = 1 at v = d (the square sketch's hard edge), large alpha: lambda_d d^alpha ~ 1e-5
                Arguments.of("name: edge\nmodel: {alpha: 8, p: 1, v: \"d\"}\nrate: \"j^(-alpha)\"\n"
                        + "range: {from: 1, to: \"d\"}\nconstants: {lower: 0.1}\nsweep: {d: [64, 128, 256], seeds: 2"),
                // a cut-off model: K has rank <= M = 16, so lambda_j = 0 past M, and 0.005 j^(-alpha) is under the floor
                Arguments.of("name: rank\nmodel: {alpha: 10, p: 1, v: \"4*d\", cutoff: 16}\nrate: \"j^(-alpha)\"\n"
                        + "range: {from: 1, to: \"d\"}\nconstants: {lower: 0.005}\nsweep: {d: [64, 128, 256], seeds: 2"),
                // p = 2, alpha = 8 against the oracle: the finite-d tail falls far below mu_j, under the floor
                Arguments.of("name: oracle\nmodel: {alpha: 8, p: 2}\nrate: oracle\n"
                        + "range: {from: 16, to: \"d\"}\nconstants: {lower: 0.1}\nsweep: {d: [128, 256], seeds: 1"));
    }

    @ParameterizedTest
    @MethodSource("underTheFloor")
    void aRangeUnderTheFloorIsInconclusiveInDoubleAndFailsInDoubleDouble(String yaml, @TempDir Path dir)
            throws Exception {
        ClaimResult inDouble = check(dir, yaml + "}\n");
        assertEquals(Verdict.INCONCLUSIVE, inDouble.verdict(), inDouble.evidence());
        assertTrue(inDouble.evidence().contains("under the error floor"), inDouble.evidence());
        assertTrue(inDouble.evidence().contains("precision: high would measure them"), inDouble.evidence());
        assertTrue(inDouble.evidence().matches(".*\\[\\d+ of \\d+ j used over \\d+ runs]$"), inDouble.evidence());
        assertTrue(inDouble.runs().stream().anyMatch(r -> r.underFloor() > 0));
        for (Run r : inDouble.runs()) {
            assertEquals(r.rangeSize(), r.used() + r.undecided(), "every j is used or undecided");
        }
        ClaimResult inDoubleDouble = check(dir, yaml + ", precision: high}\n");
        assertEquals(Verdict.FAILS, inDoubleDouble.verdict(), inDoubleDouble.evidence());
    }

    @Test
    void aTrueClaimUnderTheFloorInDoubleStillHoldsWhereEveryBoundCertifies(@TempDir Path dir) throws Exception {
        // the negative control of the rule: an upper bound that every eigenvalue under the floor certifiably meets
        ClaimResult r = check(dir, "name: upper\nmodel: {alpha: 10, p: 1, v: \"4*d\", cutoff: 16}\n"
                + "rate: \"1\"\nrange: {from: 17, to: \"d\"}\nconstants: {upper: 1e-6}\nsweep: {d: [64, 128], seeds: 1}\n");
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
        assertTrue(r.evidence().endsWith("[160 of 160 j used over 2 runs]"), r.evidence());
    }

    @Test
    void aRangePastDIsNotDecidedByTheEigenvaluesThatExist(@TempDir Path dir) throws Exception {
        // K has d eigenvalues: "for all j <= 2d" says something about j the spectrum does not have
        String yaml = "name: past\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha)\"\nrange: {from: 1, to: \"2*d\"}\n"
                + "constants: {upper: 10}\nsweep: {d: [64, 128, 256], seeds: 2}\n";
        ClaimResult r = check(dir, yaml);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.evidence());
        assertTrue(r.evidence().contains("at d = 64, of 256 j (2 seeds): 128 beyond d (K has only d eigenvalues)"), r.evidence());
        assertTrue(r.evidence().endsWith("[896 of 1792 j used over 6 runs]"), r.evidence());
        ClaimResult within = check(dir, yaml.replace("2*d", "d"));
        assertEquals(Verdict.HOLDS, within.verdict(), within.evidence());
    }

    /** The per-j rule on made-up numbers: the interval [λ − b, λ + b]/rate (or [0, |λ| + b]/rate) decides or not. */
    @Test
    void eachJIsJudgedByAnIntervalThatSurelyHoldsItsRatio(@TempDir Path dir) throws Exception {
        Claim c = claim(dir, "name: x\nmodel: {alpha: 2, p: 1}\nrate: \"1\"\nrange: {from: 1, to: \"d\"}\n"
                + "constants: {lower: 1, upper: 10}\nsweep: {d: [64, 128]}\n");
        double[] lambda = {5, 1.05, 0.5, 20, 1e-20, 1e-20, 5};
        double[] bound = {0.1, 0.1, 0.1, 0.1, 1e-15, 1e-15, 0.1};
        double[] rate = {1, 1, 1, 1, 1, 1e-16, Double.NaN};
        Run r = RunJudgement.judge(c, 64, 1, 256, 1, 7, 1, 7, lambda, bound, rate, 0);
        // j = 1 inside; j = 2 straddles the lower constant (0.95..1.15); j = 3 and 4 certified violations;
        // j = 5 under the floor, [0, 1e-15] < 1: a certified violation; j = 6 under the floor, [0, 10]: undecided;
        // j = 7 has no rate
        assertEquals(4, r.used());
        assertEquals(1, r.straddling());
        assertEquals(1, r.underFloor());
        assertEquals(1, r.noRate());
        assertEquals(List.of(3, 4, 5), r.violations().stream().map(ClaimResult.Violation::j).toList());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, r.js());
        // the same eigenvalues against a rate that makes every j decide: all used, none undecided
        Run all = RunJudgement.judge(c, 64, 1, 256, 1, 7, 1, 7, lambda, bound, new double[] {1, 0.5, 0.1, 4, 1e-10,
                1e-10, 1}, 0);
        assertEquals(0, all.undecided());
        assertEquals(7, all.used());
    }

    @Test
    void aParameterScanJudgesEveryJAgainWithEachRate(@TempDir Path dir) throws Exception {
        // the stated b leaves j under the floor undecided; a b that puts every bound above the lower constant must not
        // be counted as holding on the measured j alone
        ClaimResult r = check(dir, "name: scan\nmodel: {alpha: 8, p: 1, v: \"d\"}\nrate: \"j^(-alpha)*Log[d]^b\"\n"
                + "parameters: {b: 0}\nrange: {from: 1, to: \"d\"}\nconstants: {lower: 0.1}\n"
                + "sweep: {d: [64, 128, 256], seeds: 2}\n");
        assertNotEquals(Verdict.HOLDS, r.verdict());
        ClaimResult.ParameterRange scan = r.scans().get(0);
        assertTrue(Double.isNaN(scan.holdsMin()), "no b holds while j are undecided: " + scan);
    }

    /** Hole 2: every name Symja knows as a constant, declared by the claim, means the claim's value, in any case. */
    @ParameterizedTest
    @ValueSource(strings = {"e", "E", "pi", "Pi", "PI", "EulerGamma", "eulergamma", "GoldenRatio", "Khinchin",
            "Glaisher", "Degree", "degree", "I", "i", "Catalan", "catalan", "Infinity", "Log", "Sqrt"})
    void aDeclaredNameMeansTheClaimsValueEvenWhereSymjaHasABuiltIn(String name) {
        ClaimExpression e = ClaimExpression.parseUnprobed("rate", "j*" + name + " + " + name.toUpperCase() + "^2",
                Set.of("j", name));
        assertArrayEquals(new double[] {2 * 1 + 4, 2 * 2 + 4, 2 * 3 + 4}, e.values("j", 1, 3, Map.of(name, 2.0)), 1e-15);
        assertEquals(Set.of("j", name), e.symbols());
    }

    @Test
    void undeclaredConstantsKeepTheirMeaningAndScientificNotationIsANumber() {
        assertEquals(Math.E * Math.PI, ClaimExpression.parse("rate", "E*Pi", Set.of()).value(Map.of()), 1e-15);
        ClaimExpression e = ClaimExpression.parseUnprobed("rate", "2e*(0.5) + e", Set.of("e"));
        assertEquals(2 * 3 * 0.5 + 3, e.value(Map.of("e", 3.0)), 1e-15);
    }

    @Test
    void aClaimWithEDeclaredIsJudgedWithItsValue(@TempDir Path dir) throws Exception {
        String common = "model: {alpha: 2, p: 1}\nconstants: {lower: 0.1, upper: 10}\nsweep: {d: [64, 128], seeds: 1}\n";
        ClaimResult withE = check(dir, "name: e\n" + common + "rate: \"j^(-alpha)*Log[d]^e\"\nparameters: {e: 0}\n"
                + "range: {from: 1, to: \"q2*d\", q2: 0.25}\n");
        ClaimResult plain = check(dir, "name: plain\n" + common + "rate: \"j^(-alpha)\"\nrange: {from: 1, to: \"d/4\"}\n");
        for (int i = 0; i < plain.runs().size(); i++) {
            assertArrayEquals(plain.runs().get(i).ratios(), withE.runs().get(i).ratios(), 0);
        }
        ClaimResult eInRange = check(dir, "name: e\n" + common + "rate: \"j^(-alpha)\"\nrange: {from: 1, to: \"e*d\", e: 0.25}\n");
        assertEquals(List.of(16, 32), eInRange.runs().stream().map(Run::jTo).toList());
        ClaimResult.ParameterRange scan = withE.scans().get(0);
        assertEquals(0.0, scan.stated());
        assertTrue(scan.notFailsMin() <= 0 && scan.notFailsMax() >= 0, scan.toString());
    }

    /** Hole 2 and 3: names and values that are not allowed are refused when the file is read, naming the key. */
    static Stream<Arguments> refused() {
        String ok = "name: x\nmodel: {alpha: 2.0, p: 1}\nrate: \"j^(-alpha)\"\nrange: {from: \"1\", to: \"d/2\"}\n"
                + "constants: {lower: 0.1, upper: 10}\nsweep: {d: [64, 128], seeds: 1}\n";
        return Stream.of(
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", c_1: 2}"), "range.c_1 is not allowed as a name: a name is a letter followed by letters and digits"),
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", c1: 2, C1: 3}"), "declares the name C1 again"),
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", e1: 2}"), "reads as scientific notation"),
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", D: 2}"), "range.D is reserved"),
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", log: 2}").replace("j^(-alpha)", "Log[j+1]*j^(-alpha)"),
                        "uses the claim's name 'log' as a function"),
                Arguments.of(ok.replace("j^(-alpha)", "j^(-alpha)*x_"), "contains '_'"),
                Arguments.of(ok.replace("lower: 0.1", "lower: .nan"), "constants.lower = NaN is not allowed: a constant bounds the positive ratio r_j, so it must be a finite number > 0"),
                Arguments.of(ok.replace("lower: 0.1", "lower: -1"), "constants.lower = -1 is not allowed"),
                Arguments.of(ok.replace("lower: 0.1", "lower: 0"), "constants.lower = 0 is not allowed"),
                Arguments.of(ok.replace("upper: 10", "upper: .inf"), "constants.upper = Infinity is not allowed"),
                Arguments.of(ok.replace("seeds: 1", "seeds: 1, drift_tolerance: .inf"), "sweep.drift_tolerance = Infinity is not allowed: it must be in (0, 0.5]"),
                Arguments.of(ok.replace("seeds: 1", "seeds: 1, drift_tolerance: 5"), "sweep.drift_tolerance = 5 is not allowed"),
                Arguments.of(ok.replace("seeds: 1", "seeds: 1, drift_tolerance: 0"), "sweep.drift_tolerance = 0 is not allowed"),
                Arguments.of(ok.replace("d: [64, 128]", "d: []"), "sweep.d is empty"),
                Arguments.of(ok.replace("d: [64, 128]", "d: [64, 64]"), "sweep.d lists d = 64 twice"),
                Arguments.of(ok.replace("p: 1}", "p: 1, v: \"d-100\"}"), "model.v 'd-100' is -36.0 at d = 64"),
                Arguments.of(ok.replace("j^(-alpha)", "j^(-alpha)*(j-10)"), "rate 'j^(-alpha)*(j-10)' is -9.0 at j = 1, d = 64: a rate must be positive"),
                Arguments.of(ok.replace("j^(-alpha)", "Sqrt[j-3]^(-5)"), "rate 'Sqrt[j-3]^(-5)' is not a finite real number at j = 1"),
                Arguments.of(ok.replace("to: \"d/2\"}", "to: \"d/2\", c: .nan}"), "range.c = NaN is not allowed: a constant of the claim must be a finite number"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void valuesThatAreNotAllowedAreOneLineNamingTheKey(String text, String says, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClaimFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("--"), e.getMessage());
    }

    @Test
    void theFastEvaluatorLeavesToTheEngineWhatItWouldComputeOtherwise() {
        // Round ties to even in Symja's engine (Round[2.5] = 2); the fast evaluator would round half up
        ClaimExpression e = ClaimExpression.parseUnprobed("rate", "1 + Round[j/2]", Set.of("j"));
        assertArrayEquals(new double[] {1, 2, 3, 3, 3, 4}, e.values("j", 1, 6, Map.of()), 0);
    }

    @Test
    void aRangeToAnyLengthIsUndecidedPastD(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, "name: far\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha)*Log[d]^b\"\n"
                + "parameters: {b: 0}\nrange: {from: 1, to: \"10^300\"}\nconstants: {upper: 10}\n"
                + "sweep: {d: [64, 128], seeds: 1}\n");
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), r.evidence());
        assertTrue(r.runs().get(0).rangeSize() > 0 && r.runs().get(0).beyondD() > 1_000_000, r.evidence());
    }

    @Test
    void aRateDefinedOnlyOnItsRangeIsAccepted(@TempDir Path dir) throws Exception {
        Claim c = claim(dir, "name: x\nmodel: {alpha: 2.0, p: 1}\nrate: \"Sqrt[j-3]^(-5)\"\nrange: {from: 4, to: \"d/2\"}\n"
                + "constants: {upper: 1e9}\nsweep: {d: [64, 128]}\n");
        assertEquals("Sqrt[j-3]^(-5)", c.rate().source());
    }

    @Test
    void aRatioThatGrowsWithDFailsAtTheLargestTolerance(@TempDir Path dir) throws Exception {
        // r_j ~ j: max r grows like d, a slope 1 beyond the largest tolerance 0.5 (a tolerance of 5 is refused)
        ClaimResult r = check(dir, "name: grows\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha-1)\"\n"
                + "range: {from: 1, to: \"d/2\"}\nconstants: {lower: 0.001, upper: 1000}\n"
                + "sweep: {d: [64, 128, 256], seeds: 2, drift_tolerance: 0.5}\n");
        assertEquals(Verdict.FAILS, r.verdict(), r.evidence());
        assertTrue(r.evidence().contains("max r drifts with d"), r.evidence());
    }
}
