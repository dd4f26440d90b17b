package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** powerspec with no command, --version, and verify on a folder without claims. */
class TopLevelCliTest {

    @Test
    void noCommandIsBadUsage() {
        for (String[] args : new String[][] {{}, {"lemma"}, {"dynamics"}}) {
            CliTest.Run r = CliTest.run(args);
            String what = args.length == 0 ? "powerspec" : "powerspec " + args[0];
            assertEquals(2, r.code(), what);
            assertEquals("", r.out(), what + ": the usage goes to stderr");
            assertTrue(r.err().startsWith("Usage: " + what), r.err());
            String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith(what + ": a command is missing: give one of "), last);
        }
        assertTrue(CliTest.run().err().contains("coeffs, kernel, spectrum, check"), "names the commands");
        CliTest.Run help = CliTest.run("--help");
        assertEquals(0, help.code(), "asking for help is not an error");
        assertTrue(help.out().startsWith("Usage: powerspec"), help.out());
    }

    @Test
    void versionNamesTheCommitAndTheLibrariesBehindTheNumbers() {
        CliTest.Run v = CliTest.run("--version");
        assertEquals(0, v.code(), v.err());
        String out = v.out();
        assertTrue(out.startsWith("powerspec 0.1.0, git commit "), out);
        assertTrue(out.contains("OpenBLAS 0.3.31 (org.bytedeco:openblas 0.3.31-1.5.13)"), out);
        assertTrue(out.contains("Commons RNG 1.6"), out);
        assertTrue(out.contains("Symja (matheclipse-core) 3.0.0") && out.contains("Hipparchus 4.0.3"), out);
        // the test build is not made by the launcher, so it has no commit (never the unfiltered ${...})
        assertTrue(!out.contains("${"), out);
        String commit = PowerspecMain.commit();
        assertTrue(commit.equals("unknown") || commit.matches("[0-9a-f]{7,64}(-modified)?"), commit);
        assertEquals(CliTest.run("coeffs", "--version").out(), out, "every command's --version is the same");
    }

    @Test
    void commitLineSaysWhatIsKnown() {
        String h = "0123456789abcdef0123456789abcdef01234567";
        assertEquals("git commit " + h, PowerspecMain.commitLine(h));
        assertEquals("git commit " + h + " with uncommitted changes to src/main or pom.xml", PowerspecMain.commitLine(h + "-modified"));
        assertTrue(PowerspecMain.commitLine("unknown").startsWith("git commit unknown"));
        assertEquals("unknown", PowerspecMain.libraryVersion("org.example", "no-such-library"));
        assertEquals("1.6", PowerspecMain.libraryVersion("org.apache.commons", "commons-rng-simple"));
    }

    @Test
    void verifyOnAFolderWithoutClaimsSaysSoAndExitsTwo(@TempDir Path dir) throws Exception {
        CliTest.Run empty = CliTest.run("verify", "--proofs", dir.toString());
        assertEquals(2, empty.code(), empty.err());
        assertEquals("", empty.out());
        assertEquals(1, empty.err().strip().lines().count(), "one line: " + empty.err());
        assertTrue(empty.err().contains("--proofs '" + dir + "' holds no claim files: nothing to verify"), empty.err());
        // files that are not claims, and claims one level too deep, are not claims of this folder either
        Files.writeString(dir.resolve("README.md"), "# notes\n");
        Files.createDirectories(dir.resolve("old").resolve("x"));
        Files.writeString(dir.resolve("old").resolve("a.yaml"), "name: a\n");
        Files.createDirectories(dir.resolve("controls"));
        CliTest.Run stillEmpty = CliTest.run("verify", "--proofs", dir.toString());
        assertEquals(2, stillEmpty.code(), stillEmpty.err());
        assertTrue(stillEmpty.err().contains("controls/, dynamics/ and dynamics/controls/"), stillEmpty.err());
    }

    @Test
    void verifyOnAMissingFolderIsBadInput(@TempDir Path dir) {
        CliTest.Run r = CliTest.run("verify", "--proofs", dir.resolve("missing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a folder"), r.err());
    }
}
