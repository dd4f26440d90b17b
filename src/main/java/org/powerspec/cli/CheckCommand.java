package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.powerspec.check.Claim;
import org.powerspec.check.ClaimChecker;
import org.powerspec.check.ClaimFile;
import org.powerspec.check.ClaimResult;
import org.powerspec.check.Verdict;
import org.powerspec.report.ClaimReport;
import org.powerspec.report.Format;
import org.powerspec.report.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "Checks spectral claims (YAML files, see the README) against exact spectra of K.",
            "For each d and seed: r_j = lambda_j / rate(j) over the claim's j-range, against [lower, upper];",
            "the log-log drift of min r and max r with d (95% interval against a tolerance); a fitted effective rate",
            "lambda_j ~ C (log^beta(j+1)/j)^alpha. Verdict HOLDS (exit 0), FAILS with a witness (1), or INCONCLUSIVE with",
            "the reason (3); several claims exit with the worst."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLAIM", arity = "1..*", description = "Claim files (.yaml).")
    List<Path> claims;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.TEXT, Format.JSON, Format.MARKDOWN);
        Output.checkWritable(out);
        List<Claim> parsed = new ArrayList<>();
        for (Path p : claims) {
            parsed.add(ClaimFile.read(p));
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        List<ClaimResult> results = new ArrayList<>();
        Verdict all = Verdict.HOLDS;
        for (Claim c : parsed) {
            ClaimResult r = ClaimChecker.check(c, line -> {
                err.println("powerspec check: " + line);
                err.flush();
            });
            results.add(r);
            all = all.and(r.verdict());
        }
        Output.write(ClaimReport.render(results, fmt, PowerspecMain.provenance(spec)), out, spec.commandLine().getOut());
        return all.exitCode();
    }
}
