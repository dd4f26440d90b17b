package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.InvalidInputException;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * Limit claims, chained verdicts, the head's end and convergence-aware drift, each against an exact case: for
 * f(y) = y the oracle is μ_j = j^(−α) exactly (one level, ℓ_1 = 1), so a rate j^(−α) gives r ≡ 1 and a rate
 * j^(−α)·log(j+1) gives r_j = 1/log(j+1), whose decade slopes are computed here independently.
 */
class LimitAndChainTest {

    private static ClaimResult check(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("claim.yaml");
        Files.writeString(f, yaml);
        return ClaimChecker.check(ClaimFile.read(f), line -> { });
    }

    private static String limit(String rate, String constants, String extra) {
        return "name: limit\nlimit: oracle\nmodel: {alpha: 2, p: 1}\nrate: \"" + rate + "\"\nrange: {from: 1, to: 1e5}\n"
                + "constants: {" + constants + "}\n" + extra;
    }

    @Test
    void aRateEqualToTheOracleGivesRatioOneExactly(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, limit("j^(-alpha)", "lower: 0.999, upper: 1.001", ""));
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
        LimitCheck.Study s = r.limit();
        assertEquals(1.0, s.minRatio(), 1e-13);
        assertEquals(1.0, s.maxRatio(), 1e-13);
        assertEquals(100_000, s.used());
        for (LimitCheck.Decade d : s.decades()) {
            assertTrue(Double.isNaN(d.slope()) || Math.abs(d.slope()) < 1e-12, d.toString());
        }
        // a constant a hair above 1 is broken at every j, exactly; one at 1 lies within the ratio's uncertainty
        ClaimResult above = check(dir, limit("j^(-alpha)", "lower: 1.000001", ""));
        assertEquals(Verdict.FAILS, above.verdict(), above.evidence());
        assertEquals(100_000, above.limit().breaches());
        ClaimResult at = check(dir, limit("j^(-alpha)", "lower: 1", ""));
        assertEquals(Verdict.INCONCLUSIVE, at.verdict(), at.evidence());
        assertTrue(at.evidence().contains("within its uncertainty (1.0e-12 relative"), at.evidence());
    }

    @Test
    void aRateOffByALogDriftsExactlyAsPredicted(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, limit("j^(-alpha)*Log[j+1]", "lower: 0.01, upper: 10", "sweep: {drift_tolerance: 0.2}\n"));
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
        for (LimitCheck.Decade d : r.limit().decades()) {
            if (d.count() < 2) {
                continue;
            }
            // least squares of log10(1/ln(j+1)) on log10 j over the decade, here
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (long j = d.from(); j <= d.to(); j++) {
                double x = Math.log10(j);
                double y = -Math.log10(Math.log(j + 1));
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            long n = d.to() - d.from() + 1;
            double expected = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            assertEquals(expected, d.slope(), 1e-9, d.toString());
            assertEquals(1 / Math.log(d.to() + 1), d.minRatio(), 1e-12);
        }
        // about -1/ln j per decade: beyond a tolerance of 0.05 at j ~ 10^4
        ClaimResult tight = check(dir, limit("j^(-alpha)*Log[j+1]", "lower: 0.01, upper: 10",
                "sweep: {drift_tolerance: 0.05}\n"));
        assertEquals(Verdict.FAILS, tight.verdict(), tight.evidence());
        assertTrue(tight.evidence().contains("min r drifts along j"), tight.evidence());
        assertTrue(tight.evidence().contains("decelerating"), tight.evidence());
    }

    /**
     * ℓ_1 of y³ − 3y is 9p₁² − 18p₁ + 18p₂ + 9: near p₁ = 1 its monomials cancel, and μ_1 is known to 1.6e−9 only
     * (50-digit mpmath: 4.98655033103e−11; double: 4.98655033908e−11). A lower constant between the two is false,
     * and must not HOLD on the double value.
     */
    @Test
    void aLimitRatioWhoseLevelCoefficientCancelsIsJudgedWithItsError(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, "name: cancel\nlimit: oracle\nmodel: {alpha: 1.0001, f: \"y^3-3*y\", "
                + "w_variance: 0.00010000922723790727}\nrate: \"j^(-alpha)\"\nrange: {from: 1, to: 100}\n"
                + "constants: {lower: 4.9865503350e-11}\n");
        assertTrue(r.verdict() != Verdict.HOLDS, r.evidence());
        assertTrue(r.limit().relativeError() > 1e-9, "the oracle's error bound: " + r.limit().relativeError());
    }

    @Test
    void aFewJPastADecadeDoNotMakeADrift(@TempDir Path dir) throws Exception {
        // j = 10^6..10^6 + 10 spans 4e-6 of a decade: no slope is read from it
        ClaimResult r = check(dir, "name: short\nlimit: oracle\nmodel: {alpha: 2, p: 2}\n"
                + "rate: \"(Log[j+1]^(p-1)/j)^alpha\"\nrange: {from: 1, to: 100010}\nconstants: {lower: 0.01, upper: 100}\n");
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
    }

    @Test
    void aChainOverRangesThatAreNotMonotoneInDDecidesNothing(@TempDir Path dir) throws Exception {
        // the range's end peaks at d = 2048 between the computed sizes and D: the limit link must not miss it
        ClaimResult r = check(dir, "name: peak\nmodel: {alpha: 2, p: 1, v: \"4*d\"}\nrate: \"j^(-alpha)\"\n"
                + "range: {from: 1, to: \"Min[d/4, 2^20/d]\"}\nconstants: {lower: 0.1, upper: 10}\n"
                + "sweep: {d: [128, 256, 512], seeds: 3, drift_tolerance: 0.5}\n"
                + "chain: {through: oracle, to: 1e5, j_max: 1000000}\n");
        assertEquals(Verdict.INCONCLUSIVE, r.chain().verdict(), r.chain().evidence());
        assertTrue(r.chain().evidence().contains("not monotone in d"), r.chain().evidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v: \"d/2\"}\nrange: {from: 1, to: \"d\"}", "v: \"4*d\"}\nrange: {from: 1, to: \"2*d\"}"})
    void aChainNeverPassesOverJTheComputedSizesLeaveUndecided(String model, @TempDir Path dir) throws Exception {
        // v = d/2: K has rank d/2, so lambda_j = 0 past it (false for any lower constant); to = 2d: j past d
        ClaimResult r = check(dir, "name: rank\nmodel: {alpha: 2, p: 1, " + model + "\nrate: \"j^(-alpha)\"\n"
                + "constants: {lower: 1e-13, upper: 100}\nsweep: {d: [128, 256, 512], seeds: 3, drift_tolerance: 0.5}\n"
                + "chain: {through: oracle, to: 1e5, j_max: 1000000, link_from: 1, link_to: \"d/4\"}\n");
        assertTrue(r.verdict() != Verdict.HOLDS, r.evidence());
        assertTrue(r.chain().verdict() != Verdict.HOLDS, r.chain().evidence());
    }

    @Test
    void aChainMustArguePastTheComputedSizes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, SKETCH + "rate: \"j^(-alpha)\"\nconstants: {lower: 0.1}\nchain: {through: oracle, to: 100}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClaimFile.read(f));
        assertTrue(e.getMessage().contains("chain.to = 100 is not allowed"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep: {d: [64]}\n", "chain: oracle\n"})
    void aLimitClaimRefusesSizesAndChains(String extra, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, limit("j^(-alpha)", "lower: 0.5", extra));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClaimFile.read(f));
        assertTrue(e.getMessage().contains(extra.startsWith("sweep") ? "sweep.d is not a known key" : "chain is for a "
                + "finite-d claim"), e.getMessage());
    }

    @Test
    void theShippedLimitClaimsHoldAndTheirControlsFail() {
        for (String name : List.of("limit-head-p2-alpha2.yaml", "limit-head-p3-alpha2.yaml")) {
            ClaimResult r = ClaimChecker.check(ClaimFile.read(Path.of("proofs", name)), line -> { });
            assertEquals(Verdict.HOLDS, r.verdict(), name + ": " + r.evidence());
        }
        for (String name : List.of("limit-log-p-p2.yaml", "limit-head-p3-lower-1.yaml")) {
            ClaimResult r = ClaimChecker.check(ClaimFile.read(Path.of("proofs", "controls", name)), line -> { });
            assertEquals(Verdict.FAILS, r.verdict(), name + ": " + r.evidence());
        }
    }

    private static final String SKETCH = "name: sketch\nmodel: {alpha: 2, p: 1, v: \"4*d\"}\nrange: {from: 1, to: \"d/2\"}\n"
            + "sweep: {d: [128, 256, 512, 1024], seeds: 3, drift_tolerance: 0.5}\n";

    @Test
    void theSketchLemmaChainsThroughTheOracle(@TempDir Path dir) throws Exception {
        // p = 1: lambda_j/mu_j is the sketch lemma's ratio (no drift), mu_j/rate(j) = 1 exactly
        ClaimResult r = check(dir, SKETCH + "rate: \"j^(-alpha)\"\nconstants: {lower: 0.1, upper: 10}\n"
                + "chain: {through: oracle, j_max: 100000}\n");
        assertNotNull(r.chain());
        assertEquals(Verdict.HOLDS, r.chain().verdict(), r.chain().evidence());
        assertEquals(2e5, r.chain().to(), 0, "the largest d whose range d/2 ends by j_max = 1e5");
        assertEquals(1.0, r.chain().limit().minRatio(), 1e-13);
        assertTrue(r.evidence().contains("plain verdict at the computed sizes: "), r.evidence());
        assertTrue(r.evidence().contains("under the assumption that lambda_j/mu_j stays in"), r.evidence());
    }

    @Test
    void aLinkRangeThatLeavesOutPartOfTheClaimsRangeDecidesNothing(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, SKETCH + "rate: \"j^(-alpha)\"\nconstants: {lower: 0.1, upper: 10}\n"
                + "chain: {through: oracle, j_max: 100000, link_from: 16}\n");
        assertEquals(Verdict.INCONCLUSIVE, r.chain().verdict(), r.chain().evidence());
        assertTrue(r.chain().evidence().contains("does not cover the claim's range"), r.chain().evidence());
    }

    @Test
    void aChainPredictsTheViolationThatTheComputedSizesDoNotReach(@TempDir Path dir) throws Exception {
        // r_j = (lambda_j/mu_j)/log(j+1): inside lower = 0.11 up to d = 1024 (j <= 512), but mu_j/rate(j) = 1/log(j+1)
        // is 0.072 at j = 10^6, so even the largest link ratio (about 1.4) cannot keep r_j above 0.11 by d = 2e6
        ClaimResult r = check(dir, SKETCH + "rate: \"j^(-alpha)*Log[j+1]\"\nconstants: {lower: 0.11}\n"
                + "chain: {through: oracle, j_max: 1000000}\n");
        ClaimResult plain = check(dir, SKETCH + "rate: \"j^(-alpha)*Log[j+1]\"\nconstants: {lower: 0.11}\n");
        assertTrue(plain.verdict() != Verdict.FAILS, plain.evidence());
        assertEquals(Verdict.FAILS, r.chain().verdict(), r.chain().evidence());
        assertTrue(r.chain().evidence().contains("under the assumption that the finite-d link stays in"), r.chain().evidence());
    }

    @Test
    void aRatioDecayingLikeAPowerOfLogDNeverHoldsOnItsSmallSlope() {
        // r ~ log^(-1/3) d: slope -(1/3)/ln d, about -0.05 per decade here, inside the tolerance 0.1
        List<Run> decaying = new ArrayList<>();
        List<Run> flat = new ArrayList<>();
        int[] sizes = {256, 512, 1024, 2048, 4096};
        for (int d : sizes) {
            for (int seed = 1; seed <= 3; seed++) {
                double noise = 1 + 0.002 * (seed - 2);
                decaying.add(run(d, Math.pow(Math.log(d), -1.0 / 3) * noise));
                flat.add(run(d, 0.5 * noise));
            }
        }
        ClaimResult.Drift down = DriftTest.drift(decaying, "min r", Side.LOWER, 0.1, 0.2);
        assertEquals(DriftStatus.TOWARD, down.status(), down.toString());
        assertNotNull(down.convergence());
        assertTrue(down.convergence().decelerating());
        assertTrue(Double.isFinite(down.convergence().crossing()) && down.convergence().crossing() > 4096);
        assertEquals(DriftStatus.ABSENT, DriftTest.drift(flat, "min r", Side.LOWER, 0.1, 0.2).status());
    }

    @Test
    void theHeadEndRecoversC1FromExactEnds() {
        List<Run> runs = new ArrayList<>();
        for (int d : new int[] {256, 512, 1024, 2048}) {
            int star = (int) Math.round(3.0 * d / Math.pow(Math.log(d), 3));
            runs.add(run(d, 1).with(0, star));
        }
        Claim c = ClaimFile.parse("name: x\nmodel: {alpha: 2, p: 2}\nrate: \"j^(-alpha)\"\nrange: {from: 1, to: \"d/2\"}\n"
                + "constants: {lower: 0.1}\nsweep: {d: [256, 512]}\n", Path.of("x.yaml"));
        ClaimResult.HeadEnd h = HeadEndEstimate.of(c, runs);
        assertEquals(3.0, h.c1(), 0.05);
        assertTrue(h.slopeLo() <= 1 && 1 <= h.slopeHi(), h.toString());
        assertTrue(h.finding().startsWith("j* scales as d/log^(p+1) d"), h.finding());
        // j* = sqrt(d) does not scale so
        List<Run> other = new ArrayList<>();
        for (int d : new int[] {256, 512, 1024, 2048, 4096, 8192}) {
            other.add(run(d, 1).with(0, (int) Math.round(Math.sqrt(d))));
        }
        assertTrue(HeadEndEstimate.of(c, other).finding().startsWith("j* does not scale"),
                HeadEndEstimate.of(c, other).finding());
    }

    private static Run run(int d, double ratio) {
        double[] ten = new double[10];
        java.util.Arrays.fill(ten, ratio);
        return new Run(d, 1, 4 * d, 1, d, 1, 10, 10, 0, 0, 0, 0, ratio, 1, ratio, 1, List.of(),
                java.util.stream.IntStream.rangeClosed(1, 10).toArray(), ten, ten, new boolean[10], ten, new double[10], 10,
                null, null, 0);
    }
}
