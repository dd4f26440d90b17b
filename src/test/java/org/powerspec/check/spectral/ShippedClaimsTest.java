package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.powerspec.check.core.Verdict;

/**
 * The claims in proofs/*.yaml that no other check-layer test checks, run once, as {@code verify} runs them: on one
 * sweep, each judged by {@link ClaimChecker#assess}. The verdicts are the ones the README's verify table records; a
 * claim file added later must at least not FAIL (verify's rule). Controls are checked by
 * {@code ClaimCheckerTest.everyControlIsRejected}, dynamics claims by {@code DynamicsClaimTest}. The six head claims,
 * chained through the oracle to d = 10^9 on spectra to d = 2048 with six seeds, are most of what {@code verify} computes
 * (about a minute on two cores): here they are only read and validated; {@code powerspec verify} judges them, and
 * {@code LimitAndChainTest} tests the chain on small claims.
 */
class ShippedClaimsTest {
    private static final Path PROOFS = Path.of("proofs");

    /** The shipped claims another test checks, and where. */
    private static final Set<String> CHECKED_ELSEWHERE = Set.of(
            // ClaimCheckerTest.theSketchLemmaHolds
            "sketch-p1-alpha1_5", "sketch-p1-alpha2", "sketch-p1-alpha3",
            // ClaimCheckerTest.theSecondMethodsClaimsHold
            "oracle-p2-alpha2", "cutoff-collapse-p1",
            // ClaimCheckerTest.aDriftTowardAConstantWithinTheToleranceIsNotAHolds
            "cutoff-continues-p2",
            // LimitAndChainTest.theShippedLimitClaimsHoldAndTheirControlsFail
            "limit-head-p2-alpha2", "limit-head-p3-alpha2");

    /** The chained head claims, left to {@code verify}. */
    private static final Set<String> HEADS = Set.of("head-p2-alpha1_5", "head-p2-alpha2", "head-p2-alpha3",
            "head-p3-alpha1_5", "head-p3-alpha2", "head-p3-alpha3");

    /**
     * The verdicts of the README's verify table: the tails' polylog is undecided at the computed sizes; the limit heads
     * hold on the oracle to j = 10^6.
     */
    private static final Map<String, Verdict> EXPECTED = Map.ofEntries(
            Map.entry("tail-p2-alpha1_5", Verdict.INCONCLUSIVE), Map.entry("tail-p2-alpha2", Verdict.INCONCLUSIVE),
            Map.entry("tail-p2-alpha3", Verdict.INCONCLUSIVE),
            Map.entry("tail-p3-alpha1_5", Verdict.INCONCLUSIVE), Map.entry("tail-p3-alpha2", Verdict.INCONCLUSIVE),
            Map.entry("tail-p3-alpha3", Verdict.INCONCLUSIVE),
            Map.entry("limit-head-p2-alpha1_5", Verdict.HOLDS), Map.entry("limit-head-p2-alpha3", Verdict.HOLDS),
            Map.entry("limit-head-p3-alpha1_5", Verdict.HOLDS), Map.entry("limit-head-p3-alpha3", Verdict.HOLDS));

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    @Test
    void theShippedClaimsNotCheckedElsewhereHaveTheirRecordedVerdicts() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(PROOFS)) {
            files = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> all = files.stream().map(ShippedClaimsTest::stem).toList();
        assertTrue(all.containsAll(CHECKED_ELSEWHERE), "the other tests' claims are still shipped: " + all);
        assertTrue(all.containsAll(HEADS) && all.containsAll(EXPECTED.keySet()), "every recorded claim is still shipped: " + all);
        List<Claim> claims = new ArrayList<>();
        for (Path f : files) {
            Claim c = ClaimFile.read(f);
            assertEquals(stem(f), c.name(), "a shipped claim is named after its file");
            if (HEADS.contains(c.name())) {
                assertTrue(c.chain() != null, c.name() + " is chained through the oracle");
            } else if (!CHECKED_ELSEWHERE.contains(c.name())) {
                claims.add(c);
            }
        }
        List<List<ClaimResult.Run>> runs = ClaimSweep.run(claims, ClaimSweep.tasks(claims, ClaimSweep.Shard.ALL),
                Runtime.getRuntime().availableProcessors(), f -> { });
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            ClaimResult r = ClaimChecker.assess(c, runs.get(i), 0);
            Verdict expected = EXPECTED.get(c.name());
            if (expected != null) {
                assertEquals(expected, r.verdict(), c.name() + ": " + r.evidence());
            } else {
                assertNotEquals(Verdict.FAILS, r.verdict(), c.name() + ": " + r.evidence());
            }
            if (c.name().startsWith("limit-")) {
                assertTrue(r.limit() != null && r.runs().isEmpty(), c.name() + ": a limit claim computes no finite-d spectrum");
            }
        }
        assertFalse(claims.isEmpty());
    }
}
