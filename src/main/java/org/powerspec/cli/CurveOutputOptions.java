package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.Format;
import org.powerspec.report.LogLogPlot;
import org.powerspec.report.Output;
import picocli.CommandLine.Option;

/** Where a learning curve goes: CSV (header {@code time,eg}) or JSON, a file or standard output, and a plot. */
final class CurveOutputOptions {
    @Option(names = "--format", paramLabel = "FMT", defaultValue = "csv", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw eps_g(t) log-log: FILE.png or FILE.svg.")
    Path plot;

    /** Parses the format and checks both files can be written, before any work. */
    Format check() {
        Format fmt = Format.parse(format, Format.CSV, Format.JSON);
        Output.checkWritable(out);
        LogLogPlot.checkPath(plot, "--plot");
        Output.checkDistinct("--out", out, "--plot", plot);
        return fmt;
    }
}
