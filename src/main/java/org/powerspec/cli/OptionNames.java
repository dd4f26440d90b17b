package org.powerspec.cli;

import java.util.Map;
import org.powerspec.InvalidInputException;

/**
 * The command line's name for each input field the layers below name in an {@link InvalidInputException}
 * ({@code sigma_J} is {@code --sigma-j}): the one table between the domain's names and the options, used when a
 * command prints a fault. A field without an entry is printed as it is.
 */
final class OptionNames {
    static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("alpha", "--alpha"), Map.entry("d", "--d"), Map.entry("v", "--v"), Map.entry("cutoff", "--cutoff"),
            Map.entry("w_variance", "--w-variance"), Map.entry("sketch_file", "--sketch-file"), Map.entry("count", "--count"),
            Map.entry("activation", "--activation"), Map.entry("output_scaling", "--output-scaling"), Map.entry("K", "--K"),
            Map.entry("M", "--M"), Map.entry("L", "--L"), Map.entry("beta", "--beta"), Map.entry("eta", "--eta"),
            Map.entry("trainable", "--trainable"), Map.entry("N", "--N"), Map.entry("sigma_J", "--sigma-j"),
            Map.entry("sigma_B", "--sigma-b"), Map.entry("init_file", "--init-file"), Map.entry("time", "--time"),
            Map.entry("band", "--band"), Map.entry("per_decade", "--per-decade"), Map.entry("abs_tol", "--abs-tol"),
            Map.entry("rel_tol", "--rel-tol"), Map.entry("case", "--case"), Map.entry("shard", "--shard"),
            Map.entry("format", "--format"), Map.entry("out", "--out"), Map.entry("report", "--report"),
            Map.entry("seeds", "--seeds"), Map.entry("min_escapes", "--min-escapes"));

    private OptionNames() {
    }

    /** The option that gives {@code field}, or the field itself when no option does. */
    static String option(String field) {
        return OPTIONS.getOrDefault(field, field);
    }

    /** The fault as the command line says it: the field called by its option ("--sigma-j -1.0 is not allowed: ..."). */
    static String message(InvalidInputException e) {
        return e.field() == null ? e.getMessage() : e.withName(option(e.field()));
    }
}
