package org.powerspec.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.powerspec.InvalidInputException;

/**
 * Where a rendered result goes: standard output, or a file written whole or not at all (a temporary file beside it,
 * then an atomic rename), so a failed run never leaves a half-written file behind.
 */
public final class Output {
    private Output() {
    }

    /** Checks, before any work is done, that {@code --out file} can be written: its folder exists and is writable. */
    public static void checkWritable(Path file) {
        checkWritable(file, "--out");
    }

    /**
     * Checks, before any work is done, that {@code file} (given with {@code option}) can be written: its folder exists
     * and is writable, or it is an existing device or pipe that can be written (e.g. /dev/null, /dev/stdout).
     */
    public static void checkWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(option + " '" + file + "' is a folder: give a file name");
        }
        if (special(file)) {
            if (!Files.isWritable(file)) {
                throw new InvalidInputException(option + " '" + file + "' is not writable");
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(option + " '" + file + "': the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidInputException(option + " '" + file + "': the folder " + dir + " is not writable");
        }
    }

    /** An existing target that is not a regular file (a device, a pipe): written in place, never replaced. */
    private static boolean special(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    /** Writes {@code content} to {@code file} atomically, or to {@code stdout} when {@code file} is null. */
    public static void write(String content, Path file, PrintWriter stdout) {
        if (file == null) {
            stdout.print(content);
            stdout.flush();
            return;
        }
        write(content.getBytes(StandardCharsets.UTF_8), file);
    }

    /** Writes {@code bytes} to {@code file} atomically, whole or not at all; a device or pipe is written in place. */
    public static void write(byte[] bytes, Path file) {
        if (special(file)) {
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return;
        }
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }
}
