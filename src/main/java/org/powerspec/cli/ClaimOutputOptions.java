package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.ClaimReportFolder;
import picocli.CommandLine.Option;

/** Where verdicts go ({@code check}, {@code merge}, {@code verify}, {@code dynamics check}): {@link OutputOptions} and a report folder. */
final class ClaimOutputOptions extends OutputOptions {
    static final String REPORT = "Also write DIR/report.md with the tables and, per claim, plots of r_j against j for each d "
            + "and of min r, max r against d, the constants drawn in.";

    @Option(names = "--report", paramLabel = "DIR", descriptionKey = "report", description = REPORT)
    Path report;

    /** Checks, before any work, that the output file and the report folder can be written. */
    @Override
    void check() {
        super.check();
        ClaimReportFolder.checkWritable(report);
    }
}
