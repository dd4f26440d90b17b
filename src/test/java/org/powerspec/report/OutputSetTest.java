package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.InvalidInputException;

/** A command's outputs are one transaction: all of them or none, with the permissions of a plain new file. */
class OutputSetTest {

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static PrintWriter sink(StringWriter w) {
        return new PrintWriter(w, true);
    }

    @Test
    void allOutputsAreWrittenAndStandardOutputComesLast(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        new OutputSet().add(dir.resolve("a.csv"), "--out", "a\n").add(null, "--out", "to stdout\n")
                .add(dir.resolve("b.png"), "--plot", new byte[] {1, 2, 3})
                .addFolder(dir.resolve("report"), "--report", Map.of("report.md", "# r\n".getBytes(StandardCharsets.UTF_8),
                        "sub/x.png", new byte[] {4}))
                .commit(sink(out));
        assertEquals("a\n", Files.readString(dir.resolve("a.csv")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("b.png")));
        assertEquals("# r\n", Files.readString(dir.resolve("report/report.md")));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(dir.resolve("report/sub/x.png")));
        assertEquals("to stdout\n", out.toString());
        assertEquals(List.of("a.csv", "b.png", "report"), names(dir), "no temporary or backup file is left");
    }

    @Test
    void whenTheSecondOutputFailsTheFirstIsNeitherCreatedNorReplaced(@TempDir Path dir) throws Exception {
        Path existing = dir.resolve("o.csv");
        Files.writeString(existing, "old bytes\n");
        Files.writeString(dir.resolve("blocker"), "a file where a folder is needed");
        StringWriter out = new StringWriter();
        OutputSet set = new OutputSet().add(existing, "--out", "new bytes\n").add(dir.resolve("new.csv"), "--out2", "new\n")
                .add(null, "--out", "stdout\n").add(dir.resolve("blocker/o.png"), "--plot", new byte[] {1});
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> set.commit(sink(out)));
        assertTrue(e.getMessage().contains("blocker"), e.getMessage());
        assertEquals("old bytes\n", Files.readString(existing), "byte-identical");
        assertFalse(Files.exists(dir.resolve("new.csv")));
        assertEquals("", out.toString(), "nothing printed either");
        assertEquals(List.of("blocker", "o.csv"), names(dir), "no temporary file is left");
    }

    @Test
    void aFolderCreatedForAFailedTransactionIsRemoved(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report/deeper");
        Files.createDirectory(dir.resolve("x.png"));  // a folder where the plot should go
        OutputSet set = new OutputSet().addFolder(report, "--report", Map.of("report.md", new byte[] {1}))
                .add(dir.resolve("x.png"), "--plot", new byte[] {2});
        assertThrows(UncheckedIOException.class, () -> set.commit(sink(new StringWriter())));
        assertEquals(List.of("x.png"), names(dir), "report/ and report/deeper are gone again");
    }

    @Test
    void aFailingDeviceLeavesTheRegularFilesAsTheyWere(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        Path existing = dir.resolve("o.csv");
        Files.writeString(existing, "old\n");
        OutputSet set = new OutputSet().add(existing, "--out", "new\n").add(Path.of("/dev/full"), "--plot", new byte[] {1});
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> set.commit(sink(new StringWriter())));
        assertTrue(e.getMessage().contains("/dev/full") && e.getMessage().contains("nothing was replaced"), e.getMessage());
        assertEquals("old\n", Files.readString(existing));
        assertEquals(List.of("o.csv"), names(dir));
    }

    @Test
    void twoOutputsNamingOneFileAreBadInput(@TempDir Path dir) {
        OutputSet set = new OutputSet().add(dir.resolve("x.png"), "--out", "a");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> set.add(dir.resolve("sub/../x.png"), "--plot", new byte[] {1}));
        assertTrue(e.getMessage().contains("--out and --plot both name the file"), e.getMessage());
    }

    @Test
    void filesGetThePermissionsOfAPlainNewFileAlsoWhenReplacingAPrivateOne(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "a POSIX file system");
        // what the umask gives a new file: a probe created the plain way
        Set<PosixFilePermission> umaskDefault = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Path dirProbe = Files.createDirectory(dir.resolve("probe-dir"));
        Path old = dir.resolve("old.csv");
        Files.writeString(old, "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        new OutputSet().add(dir.resolve("new.csv"), "--out", "n").add(old, "--out2", "replaced")
                .addFolder(dir.resolve("report"), "--report", Map.of("report.md", new byte[] {1})).commit(sink(new StringWriter()));
        assertEquals(umaskDefault, Files.getPosixFilePermissions(dir.resolve("new.csv")));
        assertEquals(umaskDefault, Files.getPosixFilePermissions(old), "the new file replaces the old one's mode too");
        assertEquals(umaskDefault, Files.getPosixFilePermissions(dir.resolve("report/report.md")));
        assertEquals(Files.getPosixFilePermissions(dirProbe), Files.getPosixFilePermissions(dir.resolve("report")));
    }

    @Test
    void aDeviceIsWrittenInPlace() {
        assumeTrue(Files.isWritable(Path.of("/dev/null")), "needs /dev/null");
        new OutputSet().add(Path.of("/dev/null"), "--out", "discarded").commit(sink(new StringWriter()));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }
}
