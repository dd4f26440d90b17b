package org.powerspec.cli;

import java.util.List;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.report.ClaimReport;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.OutputSet;

/** What {@code check} and {@code merge} print and write once claims are judged; the exit code is the worst verdict's. */
final class CheckOutput {
    private CheckOutput() {
    }

    static int emit(CommandContext context, List<ClaimResult> results, Format fmt, ClaimOutputOptions output, String provenance) {
        Verdict all = Verdict.HOLDS;
        for (ClaimResult r : results) {
            all = all.and(r.verdict());
        }
        // the verdicts and the report are rendered first, then written together: all of them or none
        OutputSet outputs = new OutputSet().add(output.out, "--out", ClaimReport.render(results, fmt, provenance));
        if (output.report != null) {
            outputs.addFolder(output.report, "--report", ClaimReportFolder.files(results, provenance));
        }
        context.commit(outputs);
        if (output.report != null) {
            context.say("report written to " + output.report.resolve("report.md"));
        }
        return all.exitCode();
    }
}
