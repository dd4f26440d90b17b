package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.check.spectral.ClaimResult;

/** A report of limit claims: one plot each, and one with all of them when there are two or more. */
class LimitReportTest {
    @Test
    void limitClaimsGetTheirPlotsAndOneTogether(@TempDir Path dir) throws Exception {
        List<ClaimResult> results = new java.util.ArrayList<>();
        for (int p : new int[] {1, 2}) {
            Path f = dir.resolve("l" + p + ".yaml");
            Files.writeString(f, "name: l" + p + "\nlimit: oracle\nmodel: {alpha: 2, p: " + p + "}\n"
                    + "rate: \"(Log[j+1]^(p-1)/j)^alpha\"\nrange: {from: 1, to: 1000}\nconstants: {lower: 0.01, upper: 100}\n");
            results.add(ClaimChecker.check(ClaimFile.read(f), line -> { }));
        }
        Map<String, byte[]> files = ClaimReportFolder.files(results, "test");
        assertTrue(files.containsKey("l1-limit.png") && files.containsKey("l2-limit.png"), files.keySet().toString());
        assertTrue(files.get("limits.png").length > 1000);
        String md = new String(files.get("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("![mu_j / rate(j) of every limit claim](limits.png)"), md);
        // one limit claim: no plot of all of them
        assertFalse(ClaimReportFolder.files(results.subList(0, 1), "test").containsKey("limits.png"));
    }
}
