package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.Format;
import org.powerspec.report.LogLogPlot;
import org.powerspec.report.Output;
import picocli.CommandLine.Option;

/** Where a dynamics table goes: text, CSV, JSON or Markdown, a file or standard output, and a plot of its curves. */
final class DynamicsTableOptions {
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the learning curves behind the table: FILE.png or FILE.svg.")
    Path plot;

    /** Parses the format and checks both files can be written, before any work. */
    Format check() {
        Format fmt = Format.parse(format, Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN);
        Output.checkWritable(out);
        LogLogPlot.checkPath(plot, "--plot");
        return fmt;
    }
}
