package org.powerspec.cli;

import java.nio.file.Path;
import java.util.List;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.report.ClaimReport;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code check} and {@code merge} print and write once claims are judged; the exit code is the worst verdict's. */
final class CheckOutput {
    private CheckOutput() {
    }

    static int emit(CommandSpec spec, List<ClaimResult> results, Format fmt, Path out, Path report, String provenance) {
        Verdict all = Verdict.HOLDS;
        for (ClaimResult r : results) {
            all = all.and(r.verdict());
        }
        // the verdicts and the report are rendered first, then written together: all of them or none
        OutputSet outputs = new OutputSet().add(out, "--out", ClaimReport.render(results, fmt, provenance));
        if (report != null) {
            outputs.addFolder(report, "--report", ClaimReportFolder.files(results, provenance));
        }
        outputs.commit(spec.commandLine().getOut());
        if (report != null) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": report written to " + report.resolve("report.md"));
            spec.commandLine().getErr().flush();
        }
        return all.exitCode();
    }
}
