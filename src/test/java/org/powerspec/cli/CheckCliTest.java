package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCliTest {
    @Test
    void exitCodesFollowTheVerdicts() throws Exception {
        CliTest.Run holds = CliTest.run("check", "proofs/sketch-p1-alpha2.yaml", "--format", "json");
        assertEquals(0, holds.code(), holds.err());
        JsonNode j = new ObjectMapper().readTree(holds.out());
        assertEquals("HOLDS", j.get("claims").get(0).get("verdict").asText());
        CliTest.Run fails = CliTest.run("check", "proofs/controls/tight-constants-p1.yaml");
        assertEquals(1, fails.code(), fails.err());
        assertTrue(fails.out().contains("verdict: FAILS — at d = "), fails.out());
    }

    @Test
    void aBadClaimIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "name: x\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-gamma)\"\nrange: {from: 1, to: d}\n"
                + "constants: {upper: 2}\nsweep: {d: [32, 64]}\n");
        Path out = dir.resolve("report.txt");
        CliTest.Run r = CliTest.run("check", f.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("unknown name"), r.err());
        assertTrue(!Files.exists(out));
    }
}
