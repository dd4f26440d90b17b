package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OracleCliTest {

    @Test
    void csvHeaderRowsAndLevels() {
        CliTest.Run r = CliTest.run("oracle", "--alpha", "2", "--p", "2", "--count", "6", "--v", "100");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("j,eigenvalue,level", lines.get(0));
        assertEquals(7, lines.size());
        assertEquals("2,4.0000000000000000e+00,2", lines.get(2), "4·λ_1·λ_1");
        assertEquals("3,1.0000000000000000e+00,2", lines.get(3), "4·λ_1·λ_2");
        assertTrue(lines.get(1).endsWith(",0"), "the mean level: " + lines.get(1));
        assertEquals(r.out(), CliTest.run("oracle", "--alpha", "2", "--p", "2", "--count", "6", "--v", "100").out(), "deterministic");
    }

    @Test
    void jsonCarriesInputsAndExactLevels(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.json");
        CliTest.Run r = CliTest.run("oracle", "--alpha", "1.5", "--p", "3", "--count", "20", "--v", "50", "--cutoff", "9",
                "--format", "json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(9, j.get("inputs").get("cutoff").asInt());
        assertEquals(50, j.get("inputs").get("v").asInt());
        assertEquals("36", j.get("levels").get(0).get("coefficient").asText());
        assertEquals("9*p1^2+18*p2", j.get("levels").get(1).get("coefficient").asText());
        assertEquals(20, j.get("eigenvalues").size());
        String text = CliTest.run("oracle", "--alpha", "2", "--p", "2", "--count", "3", "--format", "text").out();
        assertTrue(text.contains("l_0 = p1^2+2*p2") && text.contains("{1,1}"), text);
    }

    /** powerspec in a JVM of its own whose heap is at most {@code heapMiB} MiB (standard output to {@code --out}). */
    private static CliTest.Run inJvm(long heapMiB, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMiB + "m",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), PowerspecMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new CliTest.Run(p.waitFor(), "", err);
    }

    /**
     * The memory check against real runs: in a 128 MiB JVM, 2·10^5 eigenvalues as JSON are refused before any work
     * (one line, exit 2, nothing written) while the same as CSV are written; and 3·10^5 as JSON, given the heap the
     * check asks for, complete (the estimate is not too low).
     */
    @Test
    void oracleOutputThatWouldNotFitIsRefusedAndWhatFitsRuns(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("o.json");
        Path csv = dir.resolve("o.csv");
        CliTest.Run refused = inJvm(128, "oracle", "--alpha", "2", "--p", "2", "--count", "200000", "--format", "json",
                "--out", json.toString());
        assertEquals(2, refused.code(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("--count 200000 with --format json") && refused.err().contains("memory"), refused.err());
        assertFalse(Files.exists(json));
        CliTest.Run written = inJvm(128, "oracle", "--alpha", "2", "--p", "2", "--count", "200000", "--out", csv.toString());
        assertEquals(0, written.code(), written.err());
        assertEquals(200_001, Files.readAllLines(csv).size());
        int count = 300_000;
        long needed = org.powerspec.numeric.second.ProductOracle.heapBytes(count, 2)
                + org.powerspec.report.OracleReport.heapBytes(org.powerspec.report.Format.JSON, count, 2);
        CliTest.Run fits = inJvm(needed / (1 << 20) + 1, "oracle", "--alpha", "2", "--p", "2", "--count", String.valueOf(count),
                "--format", "json", "--out", json.toString());
        assertEquals(0, fits.code(), fits.err());
        assertEquals(count, new ObjectMapper().readTree(json.toFile()).get("eigenvalues").size());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("--alpha", "1", "--p", "2", "--count", "5"), "alpha"),
                Arguments.of(List.of("--alpha", "2", "--p", "0", "--count", "5"), "p = 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--count", "0"), "--count 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--count", "5", "--v", "0"), "--v 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--count", "5", "--cutoff", "0"), "--cutoff 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--count", "5", "--w-variance", "0"), "--w-variance"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--count", "5", "--format", "xml"), "xml"),
                Arguments.of(List.of("--alpha", "2", "--p", "2"), "--count"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoAndNothingWritten(List<String> args, String named, @TempDir Path dir) {
        Path out = dir.resolve("o.csv");
        CliTest.Run r = CliTest.run(Stream.concat(Stream.concat(Stream.of("oracle"), args.stream()),
                Stream.of("--out", out.toString())).toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(named), r.err());
        assertFalse(Files.exists(out));
        assertEquals(2, CliTest.run("oracle", "--alpha", "2", "--p", "2", "--count", "5", "--out",
                dir.resolve("missing/o.csv").toString()).code());
    }

    @Test
    void countingProductsLemmaPassesItsRowsAndRefusesBadK() {
        CliTest.Run r = CliTest.run("lemma", "counting-products", "--n", "1000,100000", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("k,N,polynomial,D_k(N)"), lines.get(0));
        assertTrue(lines.contains("2,1000,P_1,7069,7062.2,6.8,30.4,0.224,3550,3550,PASS,PASS,yes"), r.out());
        assertTrue(r.out().lines().skip(1).allMatch(l -> l.endsWith(",yes")), r.out());
        CliTest.Run bad = CliTest.run("lemma", "counting-products", "--k", "5");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--k 5"), bad.err());
        assertEquals(2, CliTest.run("lemma", "counting-products", "--n", "1").code());
    }

    @Test
    void equivalentCsvAndJsonAndBadInput(@TempDir Path dir) throws Exception {
        CliTest.Run r = CliTest.run("equivalent", "--alpha", "2", "--d", "64");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("j,eigenvalue", lines.get(0));
        assertEquals(65, lines.size());
        Path out = dir.resolve("e.json");
        assertEquals(0, CliTest.run("equivalent", "--alpha", "3", "--d", "32", "--cutoff", "8", "--format", "json", "--out",
                out.toString()).code());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(8, j.get("inputs").get("cutoff").asInt());
        assertEquals(0.25, j.get("expected_mass").asDouble(), 0);
        assertEquals(0, j.get("eigenvalues").get(8).get("eigenvalue").asDouble(), 0, "j = 9 > M: the atom at 0");
        // the last element of each case is the text its error line must name
        for (List<String> bad : List.of(List.of("--alpha", "2", "--d", "0", "--d 0"), List.of("--alpha", "0.9", "--d", "8", "0.9"),
                List.of("--alpha", "2", "--d", "8", "--cutoff", "0", "--cutoff 0"),
                List.of("--alpha", "2", "--d", "8", "--format", "text", "text"))) {
            Path o = dir.resolve("bad.csv");
            CliTest.Run b = CliTest.run(Stream.concat(Stream.concat(Stream.of("equivalent"), bad.subList(0, bad.size() - 1).stream()),
                    Stream.of("--out", o.toString())).toArray(String[]::new));
            assertEquals(2, b.code(), b.err());
            assertEquals(1, b.err().lines().count(), b.err());
            assertTrue(b.err().contains(bad.get(bad.size() - 1)), b.err());
            assertFalse(Files.exists(o));
        }
    }

    @Test
    void spectrumPlotOverlaysAndCutoff(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "1", "--d", "32", "--cutoff", "8", "--format", "json",
                "--plot", png.toString(), "--overlay", "oracle,equivalent");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(8, j.get("inputs").get("cutoff").asInt());
        assertTrue(r.err().contains("cutoff = 8"), r.err());
        assertTrue(!j.get("spectrum").get(8).get("reliable").asBoolean(), "j = 9 > M: zero within rounding");
        for (List<String> bad : List.of(List.of("--p", "2", "--overlay", "equivalent", "needs f(y) = y (p = 1), not y^2"), List.of("--p", "1", "--overlay", "exact", "exact"),
                List.of("--p", "1", "--cutoff", "-3", "--cutoff -3"), List.of("--p", "17", "--overlay", "oracle", "degree <= 16"))) {
            Path plot = dir.resolve("bad.png");
            Path csv = dir.resolve("bad.csv");
            CliTest.Run b = CliTest.run(Stream.concat(Stream.concat(Stream.of("spectrum", "--alpha", "2", "--d", "16"),
                    bad.subList(0, bad.size() - 1).stream()), Stream.of("--plot", plot.toString(), "--out", csv.toString()))
                    .toArray(String[]::new));
            assertEquals(2, b.code(), b.err());
            assertEquals(1, b.err().lines().count(), b.err());
            assertTrue(b.err().contains(bad.get(bad.size() - 1)), b.err());
            assertFalse(Files.exists(plot) || Files.exists(csv));
        }
        assertEquals(2, CliTest.run("spectrum", "--alpha", "2", "--p", "1", "--d", "16", "--overlay", "oracle").code(), "needs --plot");
    }
}
