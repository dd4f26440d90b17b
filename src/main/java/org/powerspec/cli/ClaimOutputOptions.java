package org.powerspec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code check} and {@code merge} put their verdicts: a format, an output file and a report folder. */
final class ClaimOutputOptions {
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.md with the tables and, per claim, "
            + "plots of r_j against j for each d and of min r, max r against d, the constants drawn in.")
    Path report;
}
