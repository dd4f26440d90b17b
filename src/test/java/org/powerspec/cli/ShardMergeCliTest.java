package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --shard / merge against one unsharded check (the second method), check --report, and their bad inputs. */
class ShardMergeCliTest {
    private static final String CLAIM = "proofs/sketch-p1-alpha2.yaml";
    private static final String CONTROL = "proofs/controls/tight-constants-p1.yaml";

    /** The JSON report without what legitimately differs between runs: the command line and the timings. */
    private static JsonNode stable(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        ((ObjectNode) root).remove("command");
        for (JsonNode c : root.get("claims")) {
            ((ObjectNode) c).remove("seconds");
            ((ObjectNode) c).remove("reason");
        }
        return root;
    }

    @Test
    void mergedPartsJudgeExactlyAsOneCheck(@TempDir Path dir) throws Exception {
        CliTest.Run whole = CliTest.run("check", CLAIM, CONTROL, "--format", "json", "--threads", "1");
        assertEquals(1, whole.code(), whole.err());
        for (int i = 1; i <= 3; i++) {
            CliTest.Run part = CliTest.run("check", CLAIM, CONTROL, "--shard", i + "/3", "--threads", "2", "--out",
                    dir.resolve("part-" + i + ".json").toString());
            assertEquals(0, part.code(), part.err());
            assertTrue(part.err().contains("part " + i + "/3"), part.err());
        }
        // the parts split the 12 tasks (2 claims x 3 sizes x 2 seeds) 4 + 4 + 4
        JsonNode p1 = new ObjectMapper().readTree(dir.resolve("part-1.json").toFile());
        int runs = p1.get("claims").get(0).get("runs").size() + p1.get("claims").get(1).get("runs").size();
        assertEquals(4, runs);
        CliTest.Run merged = CliTest.run("merge", dir.resolve("part-3.json").toString(), dir.resolve("part-1.json").toString(),
                dir.resolve("part-2.json").toString(), "--format", "json");
        assertEquals(1, merged.code(), merged.err());
        assertEquals(stable(whole.out()), stable(merged.out()));
        JsonNode claims = new ObjectMapper().readTree(merged.out()).get("claims");
        assertEquals("HOLDS", claims.get(0).get("verdict").asText());
        assertEquals("FAILS", claims.get(1).get("verdict").asText());
    }

    @Test
    void incompleteOrMixedPartsAreRefused(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path other = dir.resolve("other.json");
        assertEquals(0, CliTest.run("check", CLAIM, "--shard", "1/2", "--out", a.toString()).code());
        assertEquals(0, CliTest.run("check", CLAIM, "--shard", "2/2", "--out", b.toString()).code());
        assertEquals(0, CliTest.run("check", CONTROL, "--shard", "2/2", "--out", other.toString()).code());

        CliTest.Run missing = CliTest.run("merge", a.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("part 2/2 missing"), missing.err());
        CliTest.Run twice = CliTest.run("merge", a.toString(), a.toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        CliTest.Run mixed = CliTest.run("merge", a.toString(), other.toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("other claims"), mixed.err());
        Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
        CliTest.Run junk = CliTest.run("merge", dir.resolve("junk.json").toString());
        assertEquals(2, junk.code());
        assertTrue(junk.err().contains("not a part file"), junk.err());
        for (CliTest.Run r : new CliTest.Run[] {missing, twice, mixed, junk}) {
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertEquals(0, CliTest.run("merge", b.toString(), a.toString()).code());
    }

    @Test
    void badShardsAreOneLineAndExitTwo(@TempDir Path dir) {
        for (String s : new String[] {"0/3", "4/3", "1/0", "a/b", "2"}) {
            Path out = dir.resolve("p.json");
            CliTest.Run r = CliTest.run("check", CLAIM, "--shard", s, "--out", out.toString());
            assertEquals(2, r.code(), s);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--shard"), r.err());
            assertFalse(Files.exists(out));
        }
        CliTest.Run fmt = CliTest.run("check", CLAIM, "--shard", "1/2", "--format", "markdown");
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("give --format to merge"), fmt.err());
        assertEquals(2, CliTest.run("check", CLAIM, "--threads", "-1").code());
    }

    @Test
    void theReportShowsTheVerdictAndDrawsTheRatios(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        CliTest.Run r = CliTest.run("check", CONTROL, "--report", report.toString());
        assertEquals(1, r.code(), r.err());
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("**FAILS**"), md);
        assertTrue(md.contains("![r_j against j](control-tight-constants-p1-ratios.png)"), md);
        assertTrue(md.contains("| d | seed |"), md);
        for (String png : new String[] {"control-tight-constants-p1-ratios.png", "control-tight-constants-p1-drift.png"}) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertTrue(bytes.length > 5000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CliTest.Run bad = CliTest.run("check", CONTROL, "--report", file.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--report"), bad.err());
    }
}
