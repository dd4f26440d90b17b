package org.powerspec.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.InvalidInputException;

/**
 * A command's outputs — its files, the files of a report folder, and what it prints on standard output — written as
 * one transaction. Everything is rendered before it is added (a rendering that fails leaves nothing behind); then
 * {@link #commit} writes every file to a temporary file beside its target, and only when all of them are written
 * moves each into place (an atomic rename where the file system has one), and prints the standard output last.
 *
 * <p>Guarantees:
 * <ul>
 * <li>If rendering, writing a temporary file, or creating a folder fails, no target is created or replaced: the
 *     temporary files and any folder this transaction created are removed, and an existing file keeps its bytes.</li>
 * <li>If a rename fails after others succeeded, the files already moved are put back: an existing target is
 *     restored from a hard link taken before the first rename (where the file system cannot make hard links, that
 *     one file cannot be restored, and the error says which files were replaced).</li>
 * <li>Every file is created with the permissions a plain new file gets (0666 minus the umask: 0644 under umask 022),
 *     also when it replaces an existing file, whose old mode is not kept: the temporary file is created with
 *     {@code CREATE_NEW} under a random name, not with {@link Files#createTempFile}, which would make it 0600.
 *     Folders are created as {@code mkdir} would (0777 minus the umask).</li>
 * <li>Two outputs naming the same file are refused, as bad input, before anything is written.</li>
 * <li>A target that exists and is neither a regular file nor a folder (a device such as /dev/null, a pipe) is
 *     written in place once every temporary file is written and before any rename (so a device that fails leaves the
 *     regular files as they were); it cannot be replaced or restored.</li>
 * </ul>
 */
public final class OutputSet {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Path target, String option, byte[] bytes) {
    }

    private final List<Entry> files = new ArrayList<>();
    private final Map<Path, String> owners = new HashMap<>();
    private final StringBuilder stdout = new StringBuilder();

    /** Adds {@code content} (UTF-8) for {@code file} given with {@code option}, or for standard output when file is null. */
    public OutputSet add(Path file, String option, String content) {
        if (file == null) {
            stdout.append(content);
            return this;
        }
        return add(file, option, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code bytes} for {@code file}, given with {@code option} (named if two outputs collide). */
    public OutputSet add(Path file, String option, byte[] bytes) {
        Path key = file.toAbsolutePath().normalize();
        String other = owners.putIfAbsent(key, option);
        if (other != null) {
            throw new InvalidInputException(other + " and " + option + " both name the file '" + file + "': give different files");
        }
        files.add(new Entry(key, option, bytes.clone()));
        return this;
    }

    /** Adds every file of {@code files} (relative names, may hold subfolders) inside the folder {@code dir}. */
    public OutputSet addFolder(Path dir, String option, Map<String, byte[]> folderFiles) {
        folderFiles.forEach((name, bytes) -> add(dir.resolve(name), option, bytes));
        return this;
    }

    /** Writes everything as described in the class comment; a failure is an {@link UncheckedIOException} naming the file. */
    public void commit(PrintWriter out) {
        List<Path> createdDirs = new ArrayList<>();
        Map<Entry, Path> staged = new HashMap<>();
        List<Entry> special = new ArrayList<>();
        try {
            for (Entry e : files) {
                createParents(e, createdDirs);
                if (isSpecial(e.target())) {
                    special.add(e);
                } else {
                    staged.put(e, stage(e));
                }
            }
            // devices and pipes cannot be staged: written now, so that a failing one (a full disk, /dev/full) still
            // leaves every regular file as it was
            for (Entry e : special) {
                try {
                    Files.write(e.target(), e.bytes());
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write " + e.target() + ": " + ex.getMessage() + "; nothing was replaced", ex);
                }
            }
        } catch (RuntimeException ex) {
            staged.values().forEach(OutputSet::deleteQuietly);
            removeEmpty(createdDirs);
            throw ex;
        }
        moveAll(staged, createdDirs);
        if (stdout.length() > 0) {
            out.print(stdout);
            out.flush();
        }
    }

    /** An existing target that is not a regular file or folder (a device, a pipe): written in place, never replaced. */
    static boolean isSpecial(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    private static void createParents(Entry e, List<Path> created) {
        Path dir = e.target().getParent();
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (FileAlreadyExistsException ex) {
                if (!Files.isDirectory(p)) {
                    throw new UncheckedIOException("cannot create the folder " + p + " for " + e.option() + ": a file of that name exists", ex);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot create the folder " + p + " for " + e.option() + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** Writes the entry to a new hidden file beside its target, with a plain new file's permissions. */
    private static Path stage(Entry e) {
        if (Files.isDirectory(e.target())) {
            throw new UncheckedIOException(e.option() + " '" + e.target() + "' is a folder: nothing was written",
                    new IOException("is a folder"));
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = hiddenSibling(e.target(), ".tmp");
            OutputStream s;
            try {
                s = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException ex) {
                if (attempt < 100) {
                    continue;
                }
                throw new UncheckedIOException("cannot write " + e.target() + ": no free temporary name; nothing was replaced", ex);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + e.target() + ": " + ex.getMessage() + "; nothing was replaced", ex);
            }
            try (s) {
                s.write(e.bytes());
            } catch (IOException ex) {
                deleteQuietly(tmp);
                throw new UncheckedIOException("cannot write " + e.target() + ": " + ex.getMessage() + "; nothing was replaced", ex);
            }
            return tmp;
        }
    }

    /** A hidden name beside {@code target}: {@code .NAME.<random hex><suffix>}. */
    private static Path hiddenSibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + suffix);
    }

    /** Renames every staged file into place; on a failure, puts back what was already moved. */
    private void moveAll(Map<Entry, Path> staged, List<Path> createdDirs) {
        List<Entry> order = files.stream().filter(staged::containsKey).toList();
        Map<Entry, Path> backups = new HashMap<>();
        List<Entry> existed = new ArrayList<>();
        List<Entry> moved = new ArrayList<>();
        try {
            for (Entry e : order) {
                if (Files.isRegularFile(e.target())) {
                    existed.add(e);
                    Path backup = hiddenSibling(e.target(), ".bak");
                    try {
                        Files.createLink(backup, e.target());
                        backups.put(e, backup);
                    } catch (IOException | UnsupportedOperationException | SecurityException ex) {
                        // no hard links here: this one target cannot be restored should a later rename fail
                    }
                }
            }
            for (Entry e : order) {
                move(staged.get(e), e.target());
                moved.add(e);
            }
        } catch (IOException ex) {
            List<String> lost = new ArrayList<>();
            for (Entry e : moved) {
                try {
                    if (backups.containsKey(e)) {
                        Path backup = backups.get(e);
                        try {
                            move(backup, e.target());
                        } catch (IOException again) {
                            backups.remove(e);  // kept: it holds the old bytes
                            lost.add(e.target() + " (its old bytes are in " + backup + ")");
                            continue;
                        }
                    } else if (existed.contains(e)) {
                        lost.add(e.target().toString());
                    } else {
                        Files.deleteIfExists(e.target());
                    }
                } catch (IOException again) {
                    lost.add(e.target().toString());
                }
            }
            staged.values().forEach(OutputSet::deleteQuietly);
            removeEmpty(createdDirs);
            throw new UncheckedIOException("cannot move " + (order.size() > moved.size() ? order.get(moved.size()).target() : "the output")
                    + " into place: " + ex.getMessage()
                    + (lost.isEmpty() ? "; nothing was replaced" : "; replaced and not restored: " + String.join(", ", lost)), ex);
        } finally {
            backups.values().forEach(OutputSet::deleteQuietly);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the folders this transaction created, innermost first (each only if empty). */
    private static void removeEmpty(List<Path> createdDirs) {
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            deleteQuietly(createdDirs.get(i));
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a hidden file named after its target, or a folder that is no longer empty
        }
    }
}
