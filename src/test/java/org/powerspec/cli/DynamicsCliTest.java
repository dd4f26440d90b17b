package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.dynamics.GeneralisationError;
import org.powerspec.dynamics.OutputScaling;

class DynamicsCliTest {
    static final String[] ODE = {"dynamics", "ode", "--K", "2", "--M", "2", "--L", "4", "--beta", "0.5", "--eta", "0.5",
        "--time", "10", "--per-decade", "3", "--N", "64"};

    static String[] with(String[] base, String... more) {
        String[] a = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void odeCsvStartsWithTheContractHeaderAndIsDeterministic() {
        CliTest.Run a = CliTest.run(ODE);
        assertEquals(0, a.code(), a.err());
        List<String> lines = a.out().lines().toList();
        assertEquals("time,eg", lines.get(0));
        assertTrue(lines.get(1).startsWith("0.00000000000,"), lines.get(1));
        assertEquals(CliTest.run(ODE).out(), a.out(), "same seed, same output");
        assertTrue(a.err().contains("steps") && a.err().contains("seed = 1"), a.err());
        CliTest.Run other = CliTest.run(with(ODE, "--seed", "2"));
        assertFalse(other.out().equals(a.out()), "another seed, other weights");
    }

    @Test
    void orderParameterColumnsAndJsonCarryEverything() throws Exception {
        CliTest.Run a = CliTest.run(with(ODE, "--order-parameters"));
        assertEquals("time,eg,Q_1_1,Q_1_2,Q_2_2,R_1_1,R_1_2,R_2_1,R_2_2", a.out().lines().findFirst().orElseThrow());
        CliTest.Run j = CliTest.run(with(ODE, "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(j.out());
        assertEquals(0.5, root.get("parameters").get("eta").asDouble());
        assertEquals(64, root.get("parameters").get("N").asInt());
        assertEquals(4, root.get("parameters").get("eigenvalues").size());
        assertTrue(root.get("steps").asLong() > 0);
        assertEquals(a.out().lines().count() - 1, root.get("curve").size());
    }

    @Test
    void initFileAtTheSymmetricFixedPointStartsAtSaadSollasPlateau(@TempDir Path dir) throws Exception {
        double q = 1.0 / 3;
        double r = 1 / Math.sqrt(6);
        // L = 2 eigenspaces with eigenvalues 1.5 and 0.5 (mean 1): q^l = Q/2 etc.
        String half = "[[%s,%s],[%s,%s]]";
        String qs = String.format(java.util.Locale.ROOT, half, q / 2, q / 2, q / 2, q / 2);
        String rs = String.format(java.util.Locale.ROOT, half, r / 2, r / 2, r / 2, r / 2);
        String ts = "[[0.5,0],[0,0.5]]";
        Path init = dir.resolve("init.json");
        Files.writeString(init, "{\"q\": [" + qs + "," + qs + "], \"r\": [" + rs + "," + rs + "], \"t\": [" + ts + "," + ts + "]}");
        CliTest.Run a = CliTest.run("dynamics", "ode", "--eigenvalues", "1.5,0.5", "--eta", "0.001", "--init-file", init.toString(),
                "--times", "0,10");
        assertEquals(0, a.code(), a.err());
        List<String> lines = a.out().lines().toList();
        double eps = GeneralisationError.symmetricPlateau(2, OutputScaling.NONE);
        assertEquals(eps, Double.parseDouble(lines.get(1).split(",")[1]), 1e-10);
        assertEquals(eps, Double.parseDouble(lines.get(2).split(",")[1]), 1e-4, "stays on the plateau for eta -> 0");
        // the file is the initial state: options that would draw another one are refused, not silently ignored
        CliTest.Run both = CliTest.run("dynamics", "ode", "--eigenvalues", "1.5,0.5", "--eta", "0.001", "--init-file", init.toString(),
                "--times", "0,10", "--seed", "3");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("--init-file gives the initial state"), both.err());
    }

    @Test
    void linearClosedFormAndOdeAgreeOnTheCommandLine() {
        String[] lin = {"dynamics", "ode", "--activation", "linear", "--L", "8", "--beta", "1", "--eta", "0.1", "--time", "50",
            "--per-decade", "2", "--N", "64", "--sigma-j", "0.3"};
        List<String> ode = CliTest.run(lin).out().lines().toList();
        List<String> cf = CliTest.run(with(lin, "--method", "closed-form")).out().lines().toList();
        assertEquals(ode.size(), cf.size());
        double e0 = Double.parseDouble(ode.get(1).split(",")[1]);
        for (int i = 1; i < ode.size(); i++) {
            double a = Double.parseDouble(ode.get(i).split(",")[1]);
            double b = Double.parseDouble(cf.get(i).split(",")[1]);
            assertEquals(b, a, 1e-8 * e0, ode.get(i) + " vs " + cf.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--activation=tanh", "--K=0", "--eta=-1", "--beta=-2", "--N=63", "--times=1,0.5", "--trainable=5",
        "--output-scaling=half", "--format=xml", "--method=closed-form", "--abs-tol=0"})
    void badInputIsOneLineExitTwoAndNoFile(String bad, @TempDir Path dir) {
        Path out = dir.resolve("curve.csv");
        CliTest.Run r = CliTest.run(with(ODE, bad, "--out", out.toString()));
        assertEquals(2, r.code(), bad + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "no output file after bad input");
    }

    @Test
    void malformedInitFileIsRejectedWithoutOutput(@TempDir Path dir) throws Exception {
        Path init = dir.resolve("init.json");
        Files.writeString(init, "{\"q\": [[[1]]], \"r\": [[[0.1, 0.2]]]}");
        Path out = dir.resolve("c.csv");
        CliTest.Run r = CliTest.run("dynamics", "ode", "--eigenvalues", "1", "--init-file", init.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\"t\""), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void simulateWritesTheSameHeader() {
        CliTest.Run r = CliTest.run("dynamics", "simulate", "--L", "2", "--beta", "1", "--N", "100", "--times", "0,0.5,1", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("time,eg", lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(r.out(), CliTest.run("dynamics", "simulate", "--L", "2", "--beta", "1", "--N", "100", "--times", "0,0.5,1", "--seed", "3").out());
    }

    @Test
    void compareReportsShrinkingGap() {
        CliTest.Run r = CliTest.run("dynamics", "compare", "--L", "2", "--beta", "1", "--N", "200,3200", "--time", "2", "--points", "8");
        assertTrue(r.out().contains("max_gap"), r.out());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("HOLDS"), r.out());
    }

    @Test
    void unknownLemmaIsBadInput() {
        CliTest.Run r = CliTest.run("dynamics", "lemma", "plateau-vs-K");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("allowed are erf-integrals"), r.err());
    }

    @Test
    void lemmaTableHasClaimsAndControls() {
        CliTest.Run r = CliTest.run("dynamics", "lemma", "fixed-point", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals("lemma,item,kind,result,as_expected,detail", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains(",control,FAIL,yes,") && r.out().contains(",claim,PASS,yes,"), r.out());
    }

    @Test
    void chebyshevIntegratorAgreesWithDormandPrince() {
        List<String> dp = CliTest.run(ODE).out().lines().toList();
        CliTest.Run r = CliTest.run(with(ODE, "--integrator", "rkc", "--rel-tol", "1e-9", "--abs-tol", "1e-13"));
        assertEquals(0, r.code(), r.err());
        List<String> rkc = r.out().lines().toList();
        assertEquals(dp.size(), rkc.size());
        for (int i = 1; i < dp.size(); i++) {
            assertEquals(Double.parseDouble(dp.get(i).split(",")[1]), Double.parseDouble(rkc.get(i).split(",")[1]), 1e-6, rkc.get(i));
        }
        assertEquals(2, CliTest.run(with(ODE, "--integrator", "euler")).code());
    }

    @Test
    void checkGivesEachDynamicsClaimAVerdictAndExitsWithTheWorst(@TempDir Path dir) throws Exception {
        CliTest.Run holds = CliTest.run("dynamics", "check", "proofs/dynamics/trainable-floor-beta1.yaml", "--format", "json");
        assertEquals(0, holds.code(), holds.err());
        JsonNode c = new ObjectMapper().readTree(holds.out()).get("claims").get(0);
        assertEquals("HOLDS", c.get("verdict").asText());
        assertEquals(5, c.get("points").size());
        Path report = dir.resolve("report");
        CliTest.Run both = CliTest.run("dynamics", "check", "proofs/dynamics/trainable-floor-beta1.yaml",
                "proofs/dynamics/controls/trainable-floor-steeper.yaml", "--report", report.toString());
        assertEquals(1, both.code(), both.err());
        assertTrue(both.out().contains("verdict: FAILS — witness:"), both.out());
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| trainable-floor-beta1 | floor-exponent | **HOLDS** |"), md);
        assertTrue(md.contains("![control-trainable-floor-steeper](dynamics-control-trainable-floor-steeper.png)"), md);
        byte[] png = Files.readAllBytes(report.resolve("dynamics-control-trainable-floor-steeper.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nclaim: floor-exponent\nmodel: {activation: erf, K: 1, M: 1, L: 64, beta: 1, eta: 0.05}\n"
                + "trainable: [4, 8]\nexponent: beta\ntolerance: 0.1\n");
        Path out = dir.resolve("out.txt");
        CliTest.Run refused = CliTest.run("dynamics", "check", bad.toString(), "--out", out.toString());
        assertEquals(2, refused.code());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("model.activation must be linear"), refused.err());
        assertFalse(Files.exists(out), "no output file on bad input");
    }
}
