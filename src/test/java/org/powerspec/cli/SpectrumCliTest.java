package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class SpectrumCliTest {

    @Test
    void csvHasTheContractHeaderAndEveryJ() {
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "30");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("j,eigenvalue,abs_error_bound", lines.get(0));
        assertEquals(31, lines.size());
        for (int j = 1; j <= 30; j++) {
            String[] f = lines.get(j).split(",");
            assertEquals(String.valueOf(j), f[0]);
            assertEquals(17, f[1].replaceAll("e.*", "").replaceAll("[-.]", "").length(), "17 significant digits: " + f[1]);
        }
        assertTrue(r.err().contains("alpha = 2.0, f(y) = y^2, d = 30, v = 120, seed = 1"), r.err());
    }

    @Test
    void sameSeedSameSpectrumOtherSeedOther() {
        String a = CliTest.run("spectrum", "--alpha", "1.5", "--p", "3", "--d", "40", "--seed", "9").out();
        String b = CliTest.run("spectrum", "--alpha", "1.5", "--p", "3", "--d", "40", "--seed", "9").out();
        String c = CliTest.run("spectrum", "--alpha", "1.5", "--p", "3", "--d", "40", "--seed", "10").out();
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    @Test
    void jsonCarriesInputsTimingsAndRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s.json");
        Path png = dir.resolve("s.png");
        Path svg = dir.resolve("s.svg");
        CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "1", "--d", "20", "--v", "22", "--format", "json",
                "--out", out.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("v/d = 1.10 < 1.25"), "warns of small v/d: " + r.err());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(22, j.get("inputs").get("v").asInt());
        assertEquals(20, j.get("spectrum").size());
        assertTrue(j.get("seconds").has("eigenvalues"));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        assertEquals(0, CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--d", "20", "--plot", svg.toString()).code());
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void wVarianceBesideASketchFileIsRefusedOnlyWhenGiven(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.csv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            rows.append(i % 3 - 1).append(',').append((i * 7) % 5 - 2).append(',').append(i % 2 == 0 ? 1 : -1).append('\n');
        }
        Files.writeString(w, rows.toString());
        CliTest.Run ok = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--sketch-file", w.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(4, ok.out().lines().count(), ok.out());
        Path out = dir.resolve("out.csv");
        for (String s2 : List.of("1", "2")) {
            CliTest.Run r = CliTest.run("spectrum", "--alpha", "2", "--p", "2", "--sketch-file", w.toString(), "--w-variance", s2,
                    "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains("--w-variance " + s2) && r.err().contains("--sketch-file"), "names both: " + r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("--alpha", "1", "--p", "2", "--d", "10"), "alpha"),
                Arguments.of(List.of("--alpha", "0.5", "--p", "2", "--d", "10"), "0.5"),
                Arguments.of(List.of("--alpha", "NaN", "--p", "2", "--d", "10"), "NaN"),
                Arguments.of(List.of("--alpha", "two", "--p", "2", "--d", "10"), "two"),
                Arguments.of(List.of("--alpha", "2", "--p", "0", "--d", "10"), "p = 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "1..3", "--d", "10"), "single p"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "0"), "--d 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "10", "--v", "0"), "--v 0"),
                Arguments.of(List.of("--alpha", "2", "--p", "2"), "--d is missing"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "40000"), "memory"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "10", "--precision", "quad"), "quad"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "10", "--format", "xml"), "xml"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--d", "10", "--w-variance", "-1"), "-1"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--sketch-file", "RAGGED"), "line 2 has 2 values"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--sketch-file", "NOTNUM"), "'x1' is not a number"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--sketch-file", "MISSING"), "does not exist"),
                Arguments.of(List.of("--alpha", "2", "--p", "2", "--sketch-file", "RAGGED", "--d", "5"), "line 2"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoAndNothingWritten(List<String> args, String named, @TempDir Path dir) throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        Path notNum = dir.resolve("notnum.csv");
        Files.writeString(notNum, "1,2\nx1,3\n");
        Path out = dir.resolve("out.csv");
        Path plot = dir.resolve("out.png");
        Stream<String> argv = Stream.concat(Stream.of("spectrum"), args.stream().map(a -> switch (a) {
            case "RAGGED" -> ragged.toString();
            case "NOTNUM" -> notNum.toString();
            case "MISSING" -> dir.resolve("missing.csv").toString();
            default -> a;
        }));
        CliTest.Run r = CliTest.run(Stream.concat(argv, Stream.of("--out", out.toString(), "--plot", plot.toString()))
                .toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(named), "names " + named + ": " + r.err());
        assertFalse(Files.exists(out) || Files.exists(plot), "nothing written");
    }
}
