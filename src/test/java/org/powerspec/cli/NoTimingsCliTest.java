package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --no-timings: the same inputs give the same bytes, in text and JSON; without it the seconds are there. */
class NoTimingsCliTest {
    @Test
    void checkOutputsAreByteReproducible(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("c.yaml");
        java.nio.file.Files.writeString(f, "name: c\nmodel: {alpha: 2, p: 2}\nrate: \"j^(-alpha)\"\n"
                + "range: {from: 2, to: \"d/4\"}\nconstants: {lower: 0.01}\nsweep: {d: [64, 128], seeds: 1}\n");
        String CLAIM = f.toString();
        for (String format : new String[] {"text", "json", "markdown"}) {
            CliTest.Run a = CliTest.run("check", CLAIM, "--format", format, "--no-timings");
            CliTest.Run b = CliTest.run("check", CLAIM, "--format", format, "--no-timings", "--threads", "1");
            assertEquals(a.code(), b.code(), a.err());
            assertTrue(a.code() <= 3, a.err());
            assertEquals(a.out().replace(" --threads 1", ""), b.out().replace(" --threads 1", ""), format);
            assertFalse(a.out().contains("\"seconds\""), a.out());
        }
        CliTest.Run timed = CliTest.run("check", CLAIM, "--format", "json");
        assertTrue(timed.out().contains("\"seconds\""), timed.out());
    }

    @Test
    void spectrumJsonLeavesItsStageTimesOut() {
        String[] args = {"spectrum", "--alpha", "2", "--p", "2", "--d", "32", "--format", "json", "--no-timings"};
        CliTest.Run a = CliTest.run(args);
        CliTest.Run b = CliTest.run(args);
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertFalse(a.out().contains("\"seconds\""));
        assertTrue(CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "32", "--format", "json").out()
                .contains("\"seconds\""));
    }
}
