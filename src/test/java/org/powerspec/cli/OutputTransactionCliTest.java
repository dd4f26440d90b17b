package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that writes more than one output writes all of them or none; the plots of issue 14 are drawn; outputs
 * carry the permissions a new file gets under the umask.
 */
class OutputTransactionCliTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static final String CLAIM = "name: small\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha)\"\n"
            + "range: {from: 2, to: \"d/4\"}\nconstants: {lower: 0.05, upper: 20}\nsweep: {d: [32, 64, 128], seeds: 2}\n";

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A plot target that passes every check but cannot be written: a link to /dev/full (Linux). */
    private static Path unwritable(Path dir, String name) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        return Files.createSymbolicLink(dir.resolve(name), Path.of("/dev/full"));
    }

    static Stream<Arguments> spectraWhosePlotUsedToFail() {
        return Stream.of(
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "1"), "o.png"),  // d/ln^3 d is infinite
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "1", "--precision", "high"), "o.png"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "1"), "o.svg"),
                Arguments.of(List.of("--alpha", "300", "--p", "2", "--d", "64"), "o.png"),  // zeros on the log axis
                Arguments.of(List.of("--alpha", "300", "--p", "1", "--d", "64"), "o.svg"));
    }

    @ParameterizedTest
    @MethodSource("spectraWhosePlotUsedToFail")
    void theSpectraOfTheIssueAreDrawn(List<String> args, String plotName, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.csv");
        Path plot = dir.resolve(plotName);
        String[] a = Stream.concat(Stream.concat(Stream.of("spectrum"), args.stream()),
                Stream.of("--out", out.toString(), "--plot", plot.toString())).toArray(String[]::new);
        CliTest.Run r = CliTest.run(a);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith("j,eigenvalue,abs_error_bound\n"));
        byte[] bytes = Files.readAllBytes(plot);
        if (plotName.endsWith(".png")) {
            assertArrayEquals(PNG, Arrays.copyOf(bytes, 4));
        } else {
            assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("<svg"));
        }
    }

    @Test
    void aOneColumnSketchFileIsDrawn(@TempDir Path dir) throws Exception {
        Path w = Files.writeString(dir.resolve("w.csv"), "1\n2\n3\n");
        Path plot = dir.resolve("o.png");
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--sketch-file", w.toString(),
                "--out", dir.resolve("o.csv").toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(PNG, Arrays.copyOf(Files.readAllBytes(plot), 4));
    }

    @Test
    void aSpectrumWhosePlotCannotBeWrittenLeavesTheExistingCsvByteIdentical(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.csv");
        byte[] before = "an earlier result\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out, before);
        Path plot = unwritable(dir, "o.png");
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "16", "--out", out.toString(),
                "--plot", plot.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("cannot write")).count(), r.err());
        assertArrayEquals(before, Files.readAllBytes(out), "o.csv is byte-identical");
        assertEquals(List.of("o.csv", "o.png"), names(dir), "no temporary file is left");
        Files.delete(plot);  // the link, before JUnit's clean-up meets it
    }

    @Test
    void theCurveIsNotWrittenWhenItsPlotCannotBe(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("curve.csv");
        Path plot = unwritable(dir, "curve.png");
        CliTest.Run r = CliTest.run(DynamicsCliTest.with(DynamicsCliTest.ODE, "--out", out.toString(), "--plot", plot.toString()));
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(out));
        Files.delete(plot);
    }

    @Test
    void checkWritesItsVerdictsOnlyWithItsWholeReport(@TempDir Path dir) throws Exception {
        Path claim = Files.writeString(dir.resolve("c.yaml"), CLAIM);
        Path out = dir.resolve("verdicts.txt");
        Files.writeString(out, "old verdicts\n");
        Path report = Files.createDirectory(dir.resolve("report"));
        unwritable(report, "small-drift.png");
        CliTest.Run r = CliTest.run("check", claim.toString(), "--out", out.toString(), "--report", report.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("old verdicts\n", Files.readString(out));
        assertEquals(List.of("small-drift.png"), names(report), "neither report.md nor the ratio plot is written");
        // and with a writable folder, both are written
        Files.delete(report.resolve("small-drift.png"));
        CliTest.Run ok = CliTest.run("check", claim.toString(), "--out", out.toString(), "--report", report.toString());
        assertTrue(ok.code() == 0 || ok.code() == 3, ok.err());
        assertTrue(Files.readString(out).contains("small"));
        assertEquals(List.of("report.md", "small-drift.png", "small-ratios.png"), names(report));
    }

    @Test
    void outAndPlotNamingOneFileAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("same.png");
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "8", "--out", f.toString(), "--plot", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out and --plot both name the file"), r.err());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void outputsHaveThePermissionsTheUmaskGivesANewFile(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "a POSIX file system");
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Set<PosixFilePermission> plainDir = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("probe-dir")));
        Path out = dir.resolve("o.csv");
        Path plot = dir.resolve("o.png");
        assertEquals(0, CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "16", "--out", out.toString(),
                "--plot", plot.toString()).code());
        assertEquals(plain, Files.getPosixFilePermissions(out));
        assertEquals(plain, Files.getPosixFilePermissions(plot));
        Path claim = Files.writeString(dir.resolve("c.yaml"), CLAIM);
        Path report = dir.resolve("report");
        Path part = dir.resolve("part-1.json");
        CliTest.run("check", claim.toString(), "--report", report.toString());
        CliTest.run("check", claim.toString(), "--shard", "1/2", "--out", part.toString());
        assertEquals(plainDir, Files.getPosixFilePermissions(report));
        for (String name : names(report)) {
            assertEquals(plain, Files.getPosixFilePermissions(report.resolve(name)), name);
        }
        assertEquals(plain, Files.getPosixFilePermissions(part), "a shard's part file can be read by whoever merges it");
    }

    @Test
    void anInitFileWithNaNIsOneLineInTheUsersTerms(@TempDir Path dir) throws Exception {
        Path init = Files.writeString(dir.resolve("init.json"), "{\"q\": [[[NaN]]], \"r\": [[[0]]], \"t\": [[[1]]]}");
        CliTest.Run r = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--K", "1", "--M", "1", "--init-file",
                init.toString(), "--time", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("JsonReadFeature") || r.err().contains("enable `") || r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains("--init-file '" + init + "', line 1, column 13: NaN is not a number JSON allows"), r.err());
        assertTrue(r.err().contains("finite numbers"), r.err());
        Path big = Files.writeString(dir.resolve("big.json"), "{\"q\": [[[1e999]]], \"r\": [[[0]]], \"t\": [[[1]]]}");
        CliTest.Run b = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--K", "1", "--M", "1", "--init-file",
                big.toString(), "--time", "1");
        assertEquals(2, b.code(), b.err());
        assertTrue(b.err().contains("'" + big + "': \"q\"[0][0][0] is beyond the range of a double"), b.err());
        Path comment = Files.writeString(dir.resolve("c.json"), "{\"q\": [[[1]]] /* no comments in JSON */}");
        CliTest.Run c = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--K", "1", "--M", "1", "--init-file",
                comment.toString(), "--time", "1");
        assertEquals(1, c.err().lines().count(), c.err());
        assertFalse(c.err().contains("Feature") || c.err().contains("[Source"), c.err());
        assertTrue(c.err().contains("is not valid JSON at line 1, column"), c.err());
    }
}
