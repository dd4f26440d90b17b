package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.powerspec.check.core.Verdict;

/**
 * A sweep's results do not depend on how many workers computed it: each (claim, d, seed) is one spectrum whose numbers
 * depend only on that triple (OpenBLAS on one thread, the sketch seeded), whichever thread ran it and in whatever
 * order, with its spectrum shared with another claim of the same model or computed alone.
 */
class SweepThreadsTest {
    private static final String SKETCH = "model: {alpha: 2.0, p: 1, v: \"4*d\"}\nrate: \"j^(-alpha)\"\n"
            + "range: {from: \"1\", to: \"c*d\", c: 0.5}\nsweep: {d: [64, 128, 256], seeds: 2}\n";

    /** A claim and its control of one model (their spectra shared), and a claim of another model. */
    private static final List<Claim> CLAIMS = List.of(
            ClaimFile.parse("name: sketch\n" + SKETCH + "constants: {lower: 0.1, upper: 10}\n", Path.of("sketch.yaml")),
            ClaimFile.parse("name: tight\n" + SKETCH + "constants: {lower: 0.95, upper: 1.05}\n", Path.of("tight.yaml")),
            ClaimFile.parse("name: p2\nmodel: {alpha: 1.5, p: 2, v: \"2*d\"}\nrate: \"j^(-alpha)\"\n"
                    + "range: {from: \"2\", to: \"d/4\"}\nconstants: {lower: 0.001, upper: 1000}\n"
                    + "sweep: {d: [48, 80, 112], seeds: 2}\n", Path.of("p2.yaml")));

    /** Every number of a run but its compute time, written exactly (Double.toString reads back as the same double). */
    private static String fingerprint(ClaimResult.Run r) {
        return String.join(" ", List.of(
                r.d() + "/" + r.seed() + "/" + r.v(), r.rangeFrom() + ".." + r.rangeTo(), r.jFrom() + ".." + r.jTo(),
                r.used() + "," + r.underFloor() + "," + r.straddling() + "," + r.noRate() + "," + r.beyondD(),
                r.minRatio() + "@" + r.minJ(), r.maxRatio() + "@" + r.maxJ(), r.violations().toString(),
                Arrays.toString(r.js()), Arrays.toString(r.ratios()), Arrays.toString(r.eigenvalues()),
                Arrays.toString(r.bounded()), Arrays.toString(r.rangeEigenvalues()), Arrays.toString(r.rangeBounds()),
                String.valueOf(r.jStar()), Arrays.toString(r.spectrum()), Arrays.toString(r.spectrumBounds())));
    }

    /** The runs of each claim and its assessment: verdict, reason, drifts and fit. */
    private static List<String> outcome(List<List<ClaimResult.Run>> runs) {
        return java.util.stream.IntStream.range(0, CLAIMS.size()).mapToObj(i -> {
            ClaimResult r = ClaimChecker.assess(CLAIMS.get(i), runs.get(i), 0);
            return r.verdict() + " | " + r.evidence() + " | " + r.drifts() + " | " + r.fit() + " | "
                    + String.join(" ; ", runs.get(i).stream().map(SweepThreadsTest::fingerprint).toList());
        }).toList();
    }

    private static List<List<ClaimResult.Run>> sweep(int workers) {
        AtomicInteger finished = new AtomicInteger();
        List<List<ClaimResult.Run>> runs = ClaimSweep.run(CLAIMS, ClaimSweep.tasks(CLAIMS, ClaimSweep.Shard.ALL), workers, f -> {
            if (f.run() != null) {
                finished.incrementAndGet();
            }
        });
        assertEquals(18, finished.get(), "every task reported once");
        return runs;
    }

    @Test
    void oneTwoAndThreeWorkersGiveTheSameRunsAndVerdicts() {
        List<String> one = outcome(sweep(1));
        List<List<String>> others = List.of(outcome(sweep(2)), outcome(sweep(3)),
                // a second method: each claim checked alone, one task after the other, no spectrum shared
                outcome(CLAIMS.stream().map(c -> ClaimChecker.check(c, line -> { }).runs()).toList()));
        for (int k = 0; k < others.size(); k++) {
            for (int i = 0; i < CLAIMS.size(); i++) {
                assertTrue(one.get(i).equals(others.get(k).get(i)), "claim " + CLAIMS.get(i).name() + ", way " + k + ": "
                        + one.get(i).substring(0, 200) + " … vs " + others.get(k).get(i).substring(0, 200) + " …");
            }
        }
        // the claims decide: the sketch lemma holds, the tight constants fail
        assertTrue(one.get(0).startsWith(Verdict.HOLDS + " | "), one.get(0).substring(0, 300));
        assertTrue(one.get(1).startsWith(Verdict.FAILS + " | "), one.get(1).substring(0, 300));
    }

    @Test
    void theFingerprintTellsRunsApart() {
        // negative control: another seed or another size gives other numbers, so equal fingerprints above mean something
        Claim c = CLAIMS.get(0);
        String seed1 = fingerprint(ClaimChecker.run(c, new ClaimChecker.Task(64, 1)));
        assertEquals(seed1, fingerprint(ClaimChecker.run(c, new ClaimChecker.Task(64, 1))), "deterministic");
        assertNotEquals(seed1, fingerprint(ClaimChecker.run(c, new ClaimChecker.Task(64, 2))));
        assertNotEquals(seed1, fingerprint(ClaimChecker.run(c, new ClaimChecker.Task(128, 1))));
    }
}
