package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.ParameterRange;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * The parameter scan against exact identities: with rate j^(−α)·d^b, changing b by δ multiplies every r_j at size d
 * by d^(−δ), so the log–log drift slopes shift by exactly −δ; the scan's ends are where the verdict turns to FAILS.
 */
class ParameterScanTest {
    private static Claim claim(Path dir, double b) throws Exception {
        Path f = dir.resolve("scan-" + b + ".yaml");
        Files.writeString(f, "name: scan\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha)*d^b\"\nparameters: {b: " + b + "}\n"
                + "range: {from: 1, to: \"d/2\"}\nconstants: {lower: 0.1, upper: 10}\nsweep: {d: [128, 256, 512], seeds: 2}\n");
        return ClaimFile.read(f);
    }

    @Test
    void reratingShiftsTheDriftExactlyAndTheScanEndsWhereTheClaimFails(@TempDir Path dir) throws Exception {
        Claim c = claim(dir, 0);
        ClaimResult r = ClaimChecker.check(c, line -> { });
        assertEquals(Verdict.HOLDS, r.verdict(), r.evidence());
        double slope = r.drifts().get(0).slope();
        for (double delta : new double[] {-0.3, 0.07, 0.25}) {
            Claim shifted = c.with("b", delta);
            List<Run> rerated = r.runs().stream().map(x -> RunJudgement.rerate(shifted, x)).toList();
            double s = DriftTest.drift(rerated, "min r", Side.LOWER, 0.1).slope();
            assertEquals(slope - delta, s, 1e-9, "delta = " + delta);
            // and the re-rated runs are what a fresh check with that value computes
            ClaimResult fresh = ClaimChecker.check(claim(dir, delta), line -> { });
            for (int i = 0; i < rerated.size(); i++) {
                assertEquals(fresh.runs().get(i).minRatio(), rerated.get(i).minRatio(), 1e-12 * fresh.runs().get(i).minRatio());
            }
        }
        ParameterRange p = r.scans().get(0);
        assertEquals("b", p.name());
        assertTrue(p.contiguous());
        assertTrue(p.notFailsMin() <= 0 && 0 <= p.notFailsMax(), p.toString());
        assertTrue(p.holdsMin() <= 0 && 0 <= p.holdsMax(), p.toString());
        // inside the grid, one step beyond each end the claim FAILS
        for (double edge : new double[] {p.notFailsMin() - p.step(), p.notFailsMax() + p.step()}) {
            Claim out = c.with("b", edge);
            List<Run> rerated = r.runs().stream().map(x -> RunJudgement.rerate(out, x)).toList();
            assertEquals(Verdict.FAILS, ClaimChecker.verdictOf(out, rerated), "b = " + edge);
        }
        // a drift of 0.1 per decade is the tolerance: the values that do not fail lie within about that of b = 0
        assertTrue(p.notFailsMax() < 0.35 && p.notFailsMin() > -0.35, p.toString());
    }

    @Test
    void aWrongStatedValueLiesOutsideTheRangeItReports(@TempDir Path dir) throws Exception {
        ClaimResult r = ClaimChecker.check(claim(dir, 1), line -> { });
        assertEquals(Verdict.FAILS, r.verdict());
        ParameterRange p = r.scans().get(0);
        assertTrue(p.notFailsMax() < 1, p.toString());
        assertTrue(p.notFailsMin() > 1 - ParameterScan.STEPS * ParameterScan.STEP, p.toString());
    }
}
