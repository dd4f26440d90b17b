package org.powerspec.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.powerspec.InvalidInputException;

/**
 * Where a rendered result goes: standard output, or a file written whole or not at all (a temporary file beside it,
 * then an atomic rename), so a failed run never leaves a half-written file behind. A command with several outputs
 * writes them together through an {@link OutputSet}; the checks here run before any work.
 */
public final class Output {
    private Output() {
    }

    /** Checks, before any work is done, that {@code --out file} can be written: its folder exists and is writable. */
    public static void checkWritable(Path file) {
        checkWritable(file, "out");
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
            throw new InvalidInputException(option, "'" + file + "' is a folder: give a file name");
        }
        if (special(file)) {
            if (!Files.isWritable(file)) {
                throw new InvalidInputException(option, "'" + file + "' is not writable");
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(option, "'" + file + "': the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidInputException(option, "'" + file + "': the folder " + dir + " is not writable");
        }
    }

    /** An existing target that is not a regular file (a device, a pipe): written in place, never replaced. */
    private static boolean special(Path file) {
        return OutputSet.isSpecial(file);
    }

    /**
     * Refuses, before any work, two options that name the same file (e.g. {@code --out x.png --plot x.png}): one
     * would overwrite the other. Null paths are ignored.
     */
    public static void checkDistinct(String optionA, Path a, String optionB, Path b) {
        if (a != null && b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()) && !special(a)) {
            throw new InvalidInputException(optionA + " and " + optionB + " both name the file '" + a + "': give different files");
        }
    }

    /** Writes {@code content} to {@code file} as a one-file {@link OutputSet}, or to {@code stdout} when {@code file} is null. */
    public static void write(String content, Path file, PrintWriter stdout) {
        new OutputSet().add(file, "--out", content).commit(stdout);
    }
}
