package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --init-file} on the command line: a state no weights can have is one line on stderr, exit 2, no output file
 * — named by its entry or eigenspace, never blamed on the learning rate — and the same file with the fault removed
 * runs (the control in each row).
 */
class InitFileCliTest {
    private static final String GOOD = "{\"q\": [[[1, 0.5], [0.5, 1]]], \"r\": [[[0.3, 0.1], [0.1, 0.3]]], \"t\": [[[1, 0], [0, 1]]]}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // asymmetric q: was averaged silently (q_12 = 0.5 here, 0.5 in the control)
        "{\"q\": [[[1, 0.9], [0.1, 1]]], \"r\": [[[0.3, 0.1], [0.1, 0.3]]], \"t\": [[[1, 0], [0, 1]]]}|\"q\"[0][0][1] = 0.9 but \"q\"[0][1][0] = 0.1: q must be symmetric",
        // q with eigenvalue -1: was "eta = 0.5 is too large" (arcsin of numbers beyond 1)
        "{\"q\": [[[1, 2], [2, 1]]], \"r\": [[[0.3, 0.1], [0.1, 0.3]]], \"t\": [[[1, 0], [0, 1]]]}|\"q\"[0] itself has the eigenvalue -1",
        // q, t fine, R too large for them: the field covariance [[Q, R], [R^T, T]] is not positive semi-definite
        "{\"q\": [[[1, 0.5], [0.5, 1]]], \"r\": [[[1.1, 0.1], [0.1, 0.3]]], \"t\": [[[1, 0], [0, 1]]]}|\"r\"[0] couples them too strongly",
        "{\"q\": [[[1, 0.5], [0.5, 1]]], \"r\": [[[0.3, 0.1], [0.1, 0.3]]], \"t\": [[[1, 0], [0, 1]]], \"T\": 1}|\"T\" is not a known key: allowed are q, r, t"})
    void aStateNoWeightsHaveIsOneLineExitTwoAndNoOutput(String json, String expected, @TempDir Path dir) throws Exception {
        Path init = Files.writeString(dir.resolve("init.json"), json);
        Path out = dir.resolve("curve.csv");
        CliTest.Run r = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--init-file", init.toString(), "--time", "1",
                "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--init-file '" + init + "': "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("eta"), r.err());
        assertFalse(Files.exists(out), "no output after bad input");
        // control: the same command with the admissible file writes its curve
        Files.writeString(init, GOOD);
        CliTest.Run ok = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--init-file", init.toString(), "--time", "1",
                "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(out).startsWith("time,eg\n"));
    }
}
