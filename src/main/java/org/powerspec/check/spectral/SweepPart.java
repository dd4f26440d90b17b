package org.powerspec.check.spectral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.powerspec.InvalidInputException;
import org.powerspec.check.spectral.ClaimChecker.Task;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * One part of a sharded sweep, as {@code powerspec check --shard i/n} writes it and {@code powerspec merge} reads it:
 * for every claim the text of its file (so that the merge judges exactly the claim that was run), the tasks of this
 * part and their runs. The parts of one sweep together hold every task of every claim exactly once; merging them and
 * judging the claims gives the same verdicts as one unsharded {@code check}, because every run depends only on its
 * (claim, d, seed).
 *
 * @param format     the part-file format, {@value #FORMAT}
 * @param version    the powerspec version that ran it
 * @param command    the command line that ran it
 * @param shardIndex i of i/n
 * @param shardCount n of i/n
 * @param claims     one entry per claim, in the order given to {@code check}
 */
public record SweepPart(int format, String version, String command, int shardIndex, int shardCount, List<Entry> claims) {
    /** The part-file format written here. */
    public static final int FORMAT = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SweepPart {
        claims = List.copyOf(claims);
    }

    /** A claim's file and text, the tasks of this part and their runs. */
    public record Entry(String file, String yaml, List<Task> tasks, List<Run> runs) {
        public Entry {
            tasks = List.copyOf(tasks);
            runs = List.copyOf(runs);
        }
    }

    /** A claim with the runs of every part, ready for {@link ClaimChecker#assess}. */
    public record Merged(Claim claim, List<Run> runs, double seconds) {
    }

    /** The part as JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a part file. */
    public static SweepPart read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("part file '" + file + "' does not exist or is not a file");
        }
        String what = "'" + file + "' is not a part file of 'powerspec check --shard i/n --out FILE'";
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(what + ": it is not JSON");
        }
        if (tree == null || !tree.isObject() || !tree.path("format").isInt()) {
            throw new InvalidInputException(what + ": it has no whole-number \"format\" field");
        }
        int format = tree.get("format").asInt();
        if (format == 1) {
            throw new InvalidInputException("'" + file + "' is a part file of format 1, written by an earlier powerspec "
                    + "without the per-j error bounds that verdicts now need (every j of a range must be decided): run "
                    + "its shard again with this version");
        }
        if (format != FORMAT) {
            throw new InvalidInputException("'" + file + "' is a part file of format " + format + ", which this powerspec "
                    + "does not know (it reads format " + FORMAT + ")");
        }
        if (!tree.path("claims").isArray()) {
            throw new InvalidInputException(what + ": it has no \"claims\" list");
        }
        SweepPart part;
        try {
            part = JSON.treeToValue(tree, SweepPart.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            StringBuilder at = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
                at.append(r.getFieldName() != null ? (at.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            throw new InvalidInputException("'" + file + "' is a damaged part file (cut short or edited): "
                    + (at.length() == 0 ? "its fields" : "the field " + at) + " is missing or of the wrong kind");
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("'" + file + "' is a damaged part file (cut short or edited)");
        }
        for (Entry en : part.claims()) {
            if (en == null || en.file() == null || en.yaml() == null) {
                throw new InvalidInputException("'" + file + "' is a damaged part file (cut short or edited): a claim "
                        + "entry has no file or yaml");
            }
        }
        return part;
    }

    /**
     * Puts the parts of one sweep together: they must come from the same claims (the same files with the same text),
     * be the parts 1..n of one n, each exactly once, and hold every task of every claim exactly once.
     */
    public static List<Merged> merge(List<SweepPart> parts, List<Path> files) {
        SweepPart first = parts.get(0);
        TreeMap<Integer, Path> seen = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            SweepPart p = parts.get(i);
            if (p.shardCount() != first.shardCount()) {
                throw new InvalidInputException("'" + files.get(i) + "' is part " + p.shardIndex() + "/" + p.shardCount()
                        + " but '" + files.get(0) + "' is part " + first.shardIndex() + "/" + first.shardCount()
                        + ": every part must split the sweep into the same number of parts");
            }
            if (!sameClaims(p, first)) {
                throw new InvalidInputException("'" + files.get(i) + "' was run on other claims (or other claim texts) than '"
                        + files.get(0) + "': parts of one sweep must come from the same claim files");
            }
            Path before = seen.put(p.shardIndex(), files.get(i));
            if (before != null) {
                throw new InvalidInputException("part " + p.shardIndex() + "/" + p.shardCount() + " is given twice: '"
                        + before + "' and '" + files.get(i) + "'");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= first.shardCount(); i++) {
            if (!seen.containsKey(i)) {
                missing.add(i + "/" + first.shardCount());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("part" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " missing: run 'powerspec check CLAIM... --shard i/n --out FILE' for " + (missing.size() > 1 ? "them" : "it"));
        }
        List<Merged> merged = new ArrayList<>();
        for (int c = 0; c < first.claims().size(); c++) {
            Entry e = first.claims().get(c);
            Claim claim = ClaimFile.parse(e.yaml(), Path.of(e.file()));
            List<Run> runs = new ArrayList<>();
            Set<Task> done = new HashSet<>();
            for (SweepPart p : parts) {
                for (Run r : p.claims().get(c).runs()) {
                    if (!done.add(new Task(r.d(), r.seed()))) {
                        throw new InvalidInputException(e.file() + ": d = " + r.d() + ", seed = " + r.seed()
                                + " appears in more than one part");
                    }
                    runs.add(r);
                }
            }
            for (Task t : ClaimChecker.tasks(claim)) {
                if (!done.contains(t)) {
                    throw new InvalidInputException(e.file() + ": no part holds d = " + t.d() + ", seed = " + t.seed()
                            + " (a part file was cut short?)");
                }
            }
            runs.sort(Comparator.comparingInt(Run::d).thenComparingLong(Run::seed));
            merged.add(new Merged(claim, runs, runs.stream().mapToDouble(Run::seconds).sum()));
        }
        return merged;
    }

    private static boolean sameClaims(SweepPart a, SweepPart b) {
        if (a.claims().size() != b.claims().size()) {
            return false;
        }
        for (int i = 0; i < a.claims().size(); i++) {
            Entry x = a.claims().get(i);
            Entry y = b.claims().get(i);
            if (!x.file().equals(y.file()) || !x.yaml().equals(y.yaml())) {
                return false;
            }
        }
        return true;
    }
}
