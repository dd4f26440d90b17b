package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.InvalidInputException;

/** One output: standard output when no file is given, else a file written whole or not at all, checked before any work. */
class OutputTest {
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void withoutAFileTheContentGoesToStandardOutput(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Output.write("λ_j, line 1\nline 2\n", null, new PrintWriter(out));
        assertEquals("λ_j, line 1\nline 2\n", out.toString(), "flushed, byte for byte");
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFileGetsExactlyTheContentAndStandardOutputNothing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "an older, longer content that must not survive in part\n");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            big.append(i).append(",λ").append('\n');
        }
        StringWriter out = new StringWriter();
        Output.write(big.toString(), f, new PrintWriter(out));
        assertArrayEquals(big.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f), "UTF-8, whole");
        assertEquals("", out.toString());
        assertEquals(List.of("t.csv"), names(dir), "no temporary file left");
    }

    @Test
    void aWriteThatCannotHappenLeavesEverythingAsItWas(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where a folder is needed");
        Files.createDirectory(dir.resolve("folder"));
        StringWriter out = new StringWriter();
        assertThrows(UncheckedIOException.class, () -> Output.write("x\n", dir.resolve("blocker/t.csv"), new PrintWriter(out)));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Output.write("x\n", dir.resolve("folder"), new PrintWriter(out)));
        assertTrue(e.getMessage().contains("is a folder: nothing was written"), e.getMessage());
        assertEquals(List.of("blocker", "folder"), names(dir));
        assertEquals(List.of(), names(dir.resolve("folder")));
        assertEquals("a file where a folder is needed", Files.readString(dir.resolve("blocker")));
        assertEquals("", out.toString());
    }

    @Test
    void checkWritableRefusesWhatCannotBeWrittenBeforeAnyWork(@TempDir Path dir) throws Exception {
        Output.checkWritable(null);
        Output.checkWritable(dir.resolve("new.csv"));
        Path existing = Files.writeString(dir.resolve("old.csv"), "x");
        Output.checkWritable(existing);
        assertEquals("out '" + dir + "' is a folder: give a file name", message(() -> Output.checkWritable(dir)));
        Path missing = dir.resolve("no/such/t.csv");
        assertEquals("out '" + missing + "': the folder " + dir.resolve("no/such") + " does not exist",
                message(() -> Output.checkWritable(missing)));
        assertEquals("--plot '" + missing + "': the folder " + dir.resolve("no/such") + " does not exist",
                message(() -> Output.checkWritable(missing, "--plot")), "names the option it was given with");
        assertEquals(List.of("old.csv"), names(dir), "a check writes nothing");
    }

    @Test
    void aFolderWithoutWritePermissionIsRefused(@TempDir Path dir) throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "a POSIX file system");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "the permission is enforced for this user (not for root)");
            Path f = locked.resolve("t.csv");
            assertEquals("out '" + f + "': the folder " + locked + " is not writable", message(() -> Output.checkWritable(f)));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDeviceIsAcceptedAndWrittenInPlace() {
        assumeTrue(Files.isWritable(Path.of("/dev/null")), "needs /dev/null");
        Output.checkWritable(Path.of("/dev/null"));
        Output.checkDistinct("--out", Path.of("/dev/null"), "--plot", Path.of("/dev/null"));
        StringWriter out = new StringWriter();
        Output.write("discarded\n", Path.of("/dev/null"), new PrintWriter(out));
        assertEquals("", out.toString());
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "not replaced by a file");
    }

    @Test
    void twoOptionsNamingOneFileAreRefused(@TempDir Path dir) {
        Path a = dir.resolve("x.png");
        assertEquals("--out and --plot both name the file '" + a + "': give different files",
                message(() -> Output.checkDistinct("--out", a, "--plot", dir.resolve("sub/../x.png"))));
        Output.checkDistinct("--out", a, "--plot", dir.resolve("y.png"));
        Output.checkDistinct("--out", a, "--plot", null);
        Output.checkDistinct("--out", null, "--plot", null);
    }
}
