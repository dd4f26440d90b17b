package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.Format;
import org.powerspec.report.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where a lemma's PASS/FAIL table goes: {@code --format text|csv|json|markdown} and {@code --out FILE}. */
final class TableOutputOptions {
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    /** The format, parsed, after checking (before any work) that --out can be written. */
    Format checked() {
        Format fmt = Format.parse(format, Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN);
        Output.checkWritable(out);
        return fmt;
    }

    /** Writes the rendered table to --out, or to the command's standard output. */
    void write(String rendered, CommandSpec spec) {
        Output.write(rendered, out, spec.commandLine().getOut());
    }
}
