package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./powerspec} on a copy of itself, with stand-ins for {@code mvn} and {@code java} on the
 * PATH (so nothing is really built): two launchers started at once on a fresh copy build once, the second waiting
 * for the first and finding the jar fresh; a failed build exits 4 with Maven's output; the git commit reaches the
 * build. Both lock kinds are run: flock(1), and the mkdir lock used where flock is absent.
 */
class LauncherTest {
    /** Stand-in for Maven: logs its arguments, waits for the test's go-ahead, then "builds" the jar or fails. */
    private static final String FAKE_MVN = """
            #!/bin/sh
            echo "$*" >> "$FAKE_LOG/mvn.calls"
            n=0
            while [ ! -f "$FAKE_LOG/go" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done
            if [ -n "${FAKE_FAIL:-}" ]; then echo "[ERROR] COMPILATION ERROR: fake failure"; exit 1; fi
            mkdir -p target && echo jar > target/powerspec.jar
            """;

    /** Stand-in for java: logs its arguments; writes the class-data archive when asked to. */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            for a in "$@"; do
              case "$a" in -XX:ArchiveClassesAtExit=*) echo jsa > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
            done
            echo "$*" >> "$FAKE_LOG/java.calls"
            """;

    record Launch(Process process, Path stderr) {
        int exit() throws InterruptedException {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
            return process.exitValue();
        }

        String err() throws IOException {
            return Files.readString(stderr);
        }
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A fresh checkout: the launcher, sources and pom, no target/. */
    private static Path checkout(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("ps"));
        Files.copy(Path.of("powerspec"), root.resolve("powerspec"));
        Path src = Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(src.resolve("A.java"), "class A {}\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(src.resolve("A.java"), old);
        Files.setLastModifiedTime(root.resolve("pom.xml"), old);
        return root;
    }

    /** A bin folder with the stand-ins, and (for the mkdir lock) links to the few tools the launcher needs, no flock. */
    private static Path bin(Path dir, boolean withoutFlock) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(withoutFlock ? "bin-noflock" : "bin"));
        script(bin.resolve("mvn"), FAKE_MVN);
        script(bin.resolve("java"), FAKE_JAVA);
        if (withoutFlock) {
            for (String t : List.of("bash", "sh", "dirname", "find", "mkdir", "mktemp", "rm", "cat", "mv", "sleep", "git")) {
                Path p = which(t);
                if (p != null) {  // a wrapper, not a link (JUnit warns about links out of a temporary folder)
                    script(bin.resolve(t), "#!" + which("sh") + "\nexec " + p + " \"$@\"\n");
                }
            }
        }
        return bin;
    }

    private static Launch start(Path root, Path bin, Path log, boolean withoutFlock, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(which("bash").toString(), root.resolve("powerspec").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        String path = withoutFlock ? bin.toString() : bin + File.pathSeparator + System.getenv("PATH");
        pb.environment().put("PATH", path);
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().remove("POWERSPEC_JAVA_OPTS");
        pb.environment().putAll(env);
        Path err = Files.createTempFile(log, "stderr", ".txt");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new Launch(pb.start(), err);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void twoAtOnceBuildOnce(Path dir, boolean withoutFlock) throws Exception {
        assumeTrue(which("bash") != null && (withoutFlock || which("flock") != null), "bash (and flock) available");
        Path root = checkout(dir);
        Path bin = bin(dir, withoutFlock);
        Path log = Files.createDirectories(dir.resolve("log"));
        Launch first = start(root, bin, log, withoutFlock, Map.of(), "--version");
        await(() -> lines(log.resolve("mvn.calls")).size() == 1, "the first launcher builds");
        Launch second = start(root, bin, log, withoutFlock, Map.of(), "coeffs", "--p", "2");
        await(() -> {
            try {
                return second.err().contains("waiting for another powerspec's build");
            } catch (IOException e) {
                return false;
            }
        }, "the second launcher waits for the lock");
        // the lock of the kind asked for is held meanwhile
        assertTrue(Files.exists(root.resolve(withoutFlock ? "target/.powerspec-build.lock.d/pid" : "target/.powerspec-build.lock")));
        Files.writeString(log.resolve("go"), "");
        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        assertEquals(1, lines(log.resolve("mvn.calls")).size(), "one build for two launchers");
        assertFalse(second.err().contains("building"), "the second found the jar fresh: " + second.err());
        List<String> java = lines(log.resolve("java.calls"));
        assertTrue(java.stream().anyMatch(l -> l.endsWith("-jar " + root.resolve("target/powerspec.jar") + " --version")), java.toString());
        assertTrue(java.stream().anyMatch(l -> l.endsWith("coeffs --p 2")), java.toString());
        assertTrue(Files.exists(root.resolve("target/powerspec.jsa")), "the class-data archive is renamed into place");
        assertFalse(Files.exists(root.resolve("target/.powerspec-build.lock.d")), "the mkdir lock is released");
        // a third run finds everything fresh: no build, no wait
        Launch third = start(root, bin, log, withoutFlock, Map.of(), "--version");
        assertEquals(0, third.exit(), third.err());
        assertEquals("", third.err());
        assertEquals(1, lines(log.resolve("mvn.calls")).size());
    }

    @Test
    void twoLaunchersAtOnceBuildOnceUnderFlock(@TempDir Path dir) throws Exception {
        twoAtOnceBuildOnce(dir, false);
    }

    @Test
    void twoLaunchersAtOnceBuildOnceUnderTheMkdirLock(@TempDir Path dir) throws Exception {
        twoAtOnceBuildOnce(dir, true);
    }

    @Test
    void aLockLeftByAKilledLauncherIsBroken(@TempDir Path dir) throws Exception {
        assumeTrue(which("bash") != null);
        Path root = checkout(dir);
        Path bin = bin(dir, true);
        Path log = Files.createDirectories(dir.resolve("log"));
        Path stale = Files.createDirectories(root.resolve("target/.powerspec-build.lock.d"));
        Files.writeString(stale.resolve("pid"), "999999999\n");  // no such process
        Files.writeString(log.resolve("go"), "");
        Launch l = start(root, bin, log, true, Map.of(), "--version");
        assertEquals(0, l.exit(), l.err());
        assertEquals(1, lines(log.resolve("mvn.calls")).size());
    }

    @Test
    void aFailedBuildExitsFourWithMavensOutput(@TempDir Path dir) throws Exception {
        assumeTrue(which("bash") != null);
        Path root = checkout(dir);
        Path bin = bin(dir, false);
        Path log = Files.createDirectories(dir.resolve("log"));
        Files.writeString(log.resolve("go"), "");
        Launch l = start(root, bin, log, false, Map.of("FAKE_FAIL", "1"), "--version");
        assertEquals(4, l.exit());
        String err = l.err();
        assertTrue(err.contains("the build failed; Maven's output follows"), err);
        assertTrue(err.contains("[ERROR] COMPILATION ERROR: fake failure"), err);
        assertTrue(lines(log.resolve("java.calls")).isEmpty(), "nothing runs after a failed build");
    }

    @Test
    void theBuildRecordsTheGitCommit(@TempDir Path dir) throws Exception {
        assumeTrue(which("bash") != null && which("git") != null);
        Path root = checkout(dir);
        Path bin = bin(dir, false);
        Path log = Files.createDirectories(dir.resolve("log"));
        Files.writeString(log.resolve("go"), "");
        // outside a git checkout: unknown
        assertEquals(0, start(root, bin, log, false, Map.of(), "--version").exit());
        assertTrue(lines(log.resolve("mvn.calls")).get(0).contains("-Dpowerspec.commit=unknown"), lines(log.resolve("mvn.calls")).toString());
        // a checkout: HEAD's 40 hex digits, then "-modified" once src/main differs from it
        git(root, "init", "-q");
        git(root, "add", "-A");
        git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x");
        String head = new String(new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).strip();
        Files.delete(root.resolve("target/powerspec.jar"));
        assertEquals(0, start(root, bin, log, false, Map.of(), "--version").exit());
        assertTrue(lines(log.resolve("mvn.calls")).get(1).contains("-Dpowerspec.commit=" + head + " "), lines(log.resolve("mvn.calls")).toString());
        Files.writeString(root.resolve("src/main/java/A.java"), "class A { }\n");
        assertEquals(0, start(root, bin, log, false, Map.of(), "--version").exit());
        assertTrue(lines(log.resolve("mvn.calls")).get(2).contains("-Dpowerspec.commit=" + head + "-modified "),
                lines(log.resolve("mvn.calls")).toString());
    }

    private static void git(Path root, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
