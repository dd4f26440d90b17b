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
    void lemmaPassesAndExitsZero() {
        Run lemma = run("lemma", "hermite-expansion", "--p", "1..20");
        assertEquals(0, lemma.code(), lemma.err());
        assertTrue(lemma.out().contains("20 of 20 rows pass: HOLDS"), lemma.out());
    }

    /*
     * verify on small proofs folders written here: the shipped proofs/ are checked claim by claim in the check layer
     * (ClaimCheckerTest, LimitAndChainTest, ShippedClaimsTest, DynamicsClaimTest; the six chained head claims, most of
     * verify's minute, only by verify itself), so these tests check what the command adds — the outcome rule's exit
     * codes, the table, --format, --out, --report and the error paths. The lemmas run in every verify, so there are
     * two verify runs that compute.
     */

    /** p = 1, the sketch lemma at small d: lambda_j j^alpha is between 0.1 and 10 (it is near 1). */
    private static final String SKETCH = "model: {alpha: 2.0, p: 1, v: \"4*d\"}\nrate: \"j^(-alpha)\"\n"
            + "range: {from: \"1\", to: \"c*d\", c: 0.5}\nsweep: {d: [64, 128, 256], seeds: 2}\n";

    /** The linear learning curve's exponent beta/(1+beta) (closed form, no integration). */
    private static final String LINEAR = "claim: learning-curve-exponent\n"
            + "model: {activation: linear, K: 1, M: 1, L: 512, beta: 1, eta: 0.01}\ntolerance: 0.05\n"
            + "window: {from: 10/(2*kappa*eta*lambda1), to: 0.1^((1+beta)/beta)/(2*kappa*eta*lambdaL)}\n";

    /** A proofs folder: a true claim, the control {@code control} (constants lower, upper), and a dynamics claim and control. */
    private static Path proofs(Path dir, String controlConstants) throws Exception {
        Files.createDirectories(dir.resolve("controls"));
        Files.createDirectories(dir.resolve("dynamics").resolve("controls"));
        Files.writeString(dir.resolve("small-sketch.yaml"), "name: small-sketch\n" + SKETCH + "constants: {lower: 0.1, upper: 10}\n");
        Files.writeString(dir.resolve("controls").resolve("control.yaml"), "name: small-control\n" + SKETCH
                + "constants: " + controlConstants + "\n");
        Files.writeString(dir.resolve("dynamics").resolve("linear.yaml"), "name: small-linear\n" + LINEAR + "exponent: beta/(1+beta)\n");
        Files.writeString(dir.resolve("dynamics").resolve("controls").resolve("linear-beta.yaml"), "name: small-linear-control\n"
                + LINEAR + "exponent: beta\n");
        return dir;
    }

    /** The summary table's rows (statement, kind, verdict, outcome) as verify orders them. */
    private static final List<String> ROWS = List.of(
            "hermite-expansion lemma HOLDS as expected",
            "closed-form-vs-monte-carlo lemma HOLDS as expected",
            "small-sketch claim HOLDS as expected",
            "small-control control %s",
            "counting-products lemma HOLDS as expected",
            "dynamics erf-integrals lemma HOLDS as expected",
            "dynamics fixed-point lemma HOLDS as expected",
            "dynamics linear-closed-form lemma HOLDS as expected",
            "dynamics plateau-vs-L lemma HOLDS as expected",
            "dynamics finite-size lemma HOLDS as expected",
            "small-linear claim HOLDS as expected",
            "small-linear-control control FAILS rejected as expected");

    /** Statement, kind, verdict and outcome of a summary row whose columns are {@code cells}. */
    private static String row(List<String> cells) {
        return cells.get(0) + " " + cells.get(1) + " " + cells.get(2) + " " + cells.get(5);
    }

    @Test
    void verifyPrintsOneRowPerLemmaClaimAndControlWritesTheReportAndExitsZero(@TempDir Path dir) throws Exception {
        Path folder = proofs(dir.resolve("proofs"), "{lower: 0.95, upper: 1.05}");
        Path report = dir.resolve("report");
        Run r = run("verify", "--proofs", folder.toString(), "--report", report.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals("powerspec verify", lines.get(0));
        assertTrue(lines.get(1).startsWith("# powerspec 0.1.0"), lines.get(1));
        assertEquals("", lines.get(2));
        // the summary: a header, then one row per entry, its text columns left-aligned at the header's column starts
        String header = lines.get(3);
        List<String> names = List.of("statement", "kind", "verdict", "key figures", "s", "outcome");
        int[] at = new int[names.size()];
        for (int c = 1; c < at.length; c++) {
            at[c] = header.indexOf("  " + names.get(c), at[c - 1] + names.get(c - 1).length()) + 2;
            assertTrue(at[c] > at[c - 1] + names.get(c - 1).length(), header);
        }
        assertTrue(header.endsWith("outcome"), header);
        List<String> rows = lines.subList(4, 4 + ROWS.size());
        for (int i = 0; i < ROWS.size(); i++) {
            String line = rows.get(i);
            List<String> cells = new java.util.ArrayList<>();
            for (int c = 0; c < at.length; c++) {
                cells.add(line.substring(Math.min(at[c], line.length()), c + 1 < at.length ? at[c + 1] : line.length()).strip());
            }
            assertEquals(String.format(java.util.Locale.ROOT, ROWS.get(i), "FAILS rejected as expected"), row(cells), line);
            assertTrue(cells.get(4).matches("\\d+\\.\\d"), "seconds: " + line);
            assertFalse(cells.get(3).isEmpty(), "key figures: " + line);
            assertEquals(' ', line.charAt(at[1] - 1), "columns aligned: " + line);
        }
        assertEquals("", lines.get(4 + ROWS.size()));
        assertEquals("every lemma holds, no claim fails, no control holds", lines.get(5 + ROWS.size()));
        // then the evidence: the claims' tables name both of this folder's spectral claims
        String evidence = String.join("\n", lines.subList(6 + ROWS.size(), lines.size()));
        assertTrue(evidence.contains("small-sketch") && evidence.contains("small-control") && evidence.contains("small-linear-control"),
                evidence);
        // --report: the spectral report and, in its own folder, the dynamics report
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("small-sketch") && md.contains("small-control") && !md.contains("small-linear"), md);
        String dynamics = Files.readString(report.resolve("dynamics").resolve("report.md"));
        assertTrue(dynamics.contains("small-linear") && dynamics.contains("small-linear-control") && !dynamics.contains("small-sketch"),
                dynamics);
        assertTrue(r.err().contains("powerspec verify: report written to " + report.resolve("report.md") + " and "
                + report.resolve("dynamics/report.md")), r.err());
    }

    @Test
    void verifyExitsOneWhenAControlIsNotRejectedAndWritesMarkdownToItsFile(@TempDir Path dir) throws Exception {
        // the spectral "control" has the true claim's constants: it HOLDS; the erf curves of the dynamics control
        // cannot leave the plateau by alpha = 100: it is INCONCLUSIVE, which verify must not take for a rejection
        // (every dynamics control is decidable at its stated sizes, so it must FAIL)
        Path folder = proofs(dir.resolve("proofs"), "{lower: 0.1, upper: 10}");
        Files.writeString(folder.resolve("dynamics").resolve("controls").resolve("short.yaml"), "name: short\nclaim: plateau-trend\n"
                + "model: {activation: erf, K: 2, L: [1, 2], beta: 1, eta: 0.1}\ntrend: increasing\ntime: 100\n"
                + "init: {N: 1024, sigma_J: 0.01, seed: 1}\n");
        List<String> expected = new java.util.ArrayList<>(ROWS);
        expected.add("short control INCONCLUSIVE NOT rejected (undecided)");
        Path out = dir.resolve("verify.md");
        Run r = run("verify", "--proofs", folder.toString(), "--format", "markdown", "--out", out.toString(), "--threads", "2");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out(), "the table went to --out");
        List<String> lines = Files.readString(out).lines().toList();
        assertEquals("# powerspec verify", lines.get(0));
        assertTrue(lines.get(2).startsWith("`powerspec 0.1.0") && lines.get(2).endsWith("`"), lines.get(2));
        int h = lines.indexOf("| statement | kind | verdict | key figures | s | outcome |");
        assertEquals(4, h, String.join("\n", lines));
        assertEquals("|---|---|---|---|---|---|", lines.get(h + 1));
        for (int i = 0; i < expected.size(); i++) {
            String line = lines.get(h + 2 + i);
            assertTrue(line.startsWith("| ") && line.endsWith(" |"), line);
            List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| ", -1));
            assertEquals(6, cells.size(), line);
            assertEquals(String.format(java.util.Locale.ROOT, expected.get(i), "HOLDS NOT rejected"), row(cells), line);
        }
        assertEquals("", lines.get(h + 2 + expected.size()));
        assertEquals("**something failed (see the outcome column)**", lines.get(h + 3 + expected.size()));
        assertTrue(lines.contains("## claims and controls") && lines.contains("## dynamics claims and controls"), String.join("\n", lines));
    }

    @Test
    void verifyRefusesABadClaimFileBeforeAnyWorkAndWritesNothing(@TempDir Path dir) throws Exception {
        Path folder = proofs(dir.resolve("proofs"), "{lower: 0.95, upper: 1.05}");
        Path bad = folder.resolve("dynamics").resolve("bad.yaml");
        Files.writeString(bad, "name: bad\n" + LINEAR + "exponent: beta\ncolour: blue\n");
        Path out = dir.resolve("verify.txt");
        Path report = dir.resolve("report");
        Run r = run("verify", "--proofs", folder.toString(), "--out", out.toString(), "--report", report.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        // one line and no progress line: refused before the first lemma ran
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("colour is not a known key"), r.err());
        assertFalse(Files.exists(out) || Files.exists(report), "nothing written");
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
