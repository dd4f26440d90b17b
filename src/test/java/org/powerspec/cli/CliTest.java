package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.powerspec.symbolic.Rationals;

class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PowerspecMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void coefficientCsvForOneToTwelveIsCompleteAndExact() {
        Run r = run("coeffs", "--p", "1..12", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("p,k,c_k,kernel_coeff", lines.get(0));
        int expectedRows = 0;
        for (int p = 1; p <= 12; p++) {
            expectedRows += p / 2 + 1;
        }
        assertEquals(expectedRows, lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int p = Integer.parseInt(f[0]);
            int k = Integer.parseInt(f[1]);
            int m = (p - k) / 2;
            assertEquals(0, (p - k) % 2, line);
            // c_k = p! / (k! 2^m m!), b_k = k! c_k^2: recomputed here in plain BigInteger arithmetic
            java.math.BigInteger c = Rationals.factorial(p).divide(Rationals.factorial(k)
                    .multiply(java.math.BigInteger.TWO.pow(m)).multiply(Rationals.factorial(m)));
            assertEquals(c.toString(), f[2], line);
            assertEquals(c.pow(2).multiply(Rationals.factorial(k)).toString(), f[3], line);
        }
        assertTrue(lines.contains("12,0,10395,108056025"), "c_0(y^12) = 11!! = 10395, b_0 = 10395^2");
    }

    @Test
    void rowsComeWithKDescending() {
        List<String> lines = run("coeffs", "--p", "6", "--format", "csv").out().lines().toList();
        assertEquals(List.of("p,k,c_k,kernel_coeff", "6,6,1,720", "6,4,15,5400", "6,2,45,4050", "6,0,15,225"), lines);
    }

    @Test
    void listAndRangeForms() {
        String list = run("coeffs", "--p", "1,3,5", "--format", "csv").out();
        assertTrue(list.contains("\n5,5,1,120\n") && list.contains("\n3,1,3,9\n") && !list.contains("\n2,"), list);
    }

    @Test
    void polynomialActivationTableHasItsDegreeAsP() {
        Run r = run("coeffs", "--f", "2*y^2+y", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("p,k,c_k,kernel_coeff", "2,2,2,8", "2,1,1,1", "2,0,2,4"), r.out().lines().toList());
        Run frac = run("coeffs", "--f", "y^3/2-y", "--format", "csv");
        assertTrue(frac.out().contains("3,1,1/2,1/4"), frac.out());
    }

    @Test
    void jsonIsAnArrayOfStringFields() throws Exception {
        Run r = run("coeffs", "--p", "3", "--format", "json");
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertTrue(a.isArray());
        assertEquals(2, a.size());
        assertEquals("9", a.get(1).get("kernel_coeff").textValue());
        assertTrue(a.get(0).get("p").isTextual());
    }

    @Test
    void latexIsATabular() {
        String tex = run("coeffs", "--f", "y^2/3", "--format", "latex").out();
        assertTrue(tex.contains("\\begin{tabular}{rrrr}") && tex.contains("\\end{tabular}"), tex);
        assertTrue(tex.contains("$\\frac{1}{3}$"), tex);
    }

    @Test
    void kernelPrintsSymjaAndLatex() {
        Run r = run("kernel", "--p", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Symja: 6*c^3+9*c*sa^2*sb^2"), r.out());
        assertTrue(r.out().contains("Symja: 9*rho+6*rho^3"), r.out());
    }

    @Test
    void lemmaAndVerifyPassAndExitZero() {
        Run lemma = run("lemma", "hermite-expansion", "--p", "1..20");
        assertEquals(0, lemma.code(), lemma.err());
        assertTrue(lemma.out().contains("20 of 20 rows pass: HOLDS"), lemma.out());
        Run verify = run("verify");  // the lemmas and every claim and control in proofs/
        assertEquals(0, verify.code(), verify.err());
        assertTrue(verify.out().contains("every lemma holds, no claim fails, no control holds"), verify.out());
        assertTrue(verify.out().contains("rejected as expected"), verify.out());
        assertTrue(!verify.out().contains("NOT rejected"), verify.out());
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("powerspec 0.1.0"), v.out());
        Run h = run("coeffs", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("p!/(k! 2^m m!)"), h.out());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("coeffs", "--p", "0"), "p = 0"),
                Arguments.of(List.of("coeffs", "--p", "-3"), "-3"),
                Arguments.of(List.of("coeffs", "--p", "abc"), "'abc'"),
                Arguments.of(List.of("coeffs", "--p", "5..2"), "5..2"),
                Arguments.of(List.of("coeffs", "--p", "1..500"), "500"),
                Arguments.of(List.of("coeffs", "--p", "2", "--format", "xml"), "'xml'"),
                Arguments.of(List.of("coeffs", "--f", "y^3-"), "y^3-"),
                Arguments.of(List.of("coeffs", "--f", "x*y"), "'x'"),
                Arguments.of(List.of("coeffs", "--f", "0.5*y"), "0.5"),
                Arguments.of(List.of("coeffs", "--f", "Sin[y]"), "Sin"),
                Arguments.of(List.of("coeffs", "--p", "2", "--f", "y^2"), "mutually exclusive"),
                Arguments.of(List.of("coeffs"), "--p"),
                Arguments.of(List.of("coeffs", "--p", "2", "--bogus"), "--bogus"),
                Arguments.of(List.of("kernel", "--p", "1..3"), "give a single p"),
                Arguments.of(List.of("kernel", "--p", "0"), "p = 0"),
                Arguments.of(List.of("lemma", "hermite-expansion", "--p", "x"), "'x'"),
                Arguments.of(List.of("verify", "--format", "latex"), "'latex'"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoAndNoFile(List<String> args, String named, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("table.csv");
        String[] withOut = Stream.concat(args.stream(), Stream.of("--out", out.toString())).toArray(String[]::new);
        Run r = run(args.contains("--bogus") ? args.toArray(String[]::new) : withOut);
        assertEquals(2, r.code(), r.err() + r.out());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(named), "names the value " + named + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void outFileIsWrittenWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.csv");
        Run r = run("coeffs", "--p", "2", "--format", "csv", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("p,k,c_k,kernel_coeff\n2,2,1,2\n2,0,1,1\n", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void outIntoAMissingFolderIsBadInput(@TempDir Path dir) {
        Run r = run("coeffs", "--p", "2", "--out", dir.resolve("no/such/dir/c.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
