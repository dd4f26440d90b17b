package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.Format;
import org.powerspec.report.LogLogPlot;
import org.powerspec.report.Output;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a dynamics table goes ({@link TableOutputOptions}: text, CSV, JSON or Markdown, a file or standard output), and a plot of its curves. */
final class DynamicsTableOptions {
    @Mixin
    TableOutputOptions table;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the learning curves behind the table: FILE.png or FILE.svg.")
    Path plot;

    /** Parses the format and checks both files can be written, before any work. */
    Format check() {
        Format fmt = table.checked();
        LogLogPlot.checkPath(plot, "--plot");
        Output.checkDistinct("--out", table.out, "--plot", plot);
        return fmt;
    }

    Path out() {
        return table.out;
    }
}
