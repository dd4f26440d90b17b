package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.LogLogPlot;
import org.powerspec.report.Output;
import picocli.CommandLine.Option;

/** {@link OutputOptions} and {@code --plot FILE}: a log-log figure (PNG or SVG) beside the result. */
class PlotOutputOptions extends OutputOptions {
    @Option(names = "--plot", paramLabel = "FILE", descriptionKey = "plot")
    Path plot;

    /** Checks, before any work, that both files can be written and are not the same file. */
    @Override
    void check() {
        super.check();
        LogLogPlot.checkPath(plot, "--plot");
        Output.checkDistinct("--out", out, "--plot", plot);
    }
}
