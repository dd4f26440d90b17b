package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimChecker;
import org.powerspec.check.dynamics.DynamicsClaimFile;
import org.powerspec.check.dynamics.DynamicsClaimResult;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.DynamicsClaimReport;
import org.powerspec.report.DynamicsClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.Output;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "Checks claims about the dynamics written as files (proofs/dynamics/*.yaml).",
            "Four kinds (key 'claim'; t = steps/N is the time):",
            "  learning-curve-exponent  eps_g(t) ~ t^-gamma on a window [from, to] (linear: closed form; erf: ODE);",
            "                           the exponent fitted over the window and over each half must be within the",
            "                           tolerance",
            "  floor-exponent           linear g, top N_l eigenspaces trained: eps_g(inf) ~ N_l^-gamma (closed form)",
            "  plateau-trend            erf, K = M: the plateau length (time within band of the symmetric plateau's",
            "                           height) decreases or increases, by more than a margin at each step, along a",
            "                           list of L or K",
            "  finite-size              max |eps_g^SGD - eps_g^ODE| from the same weights decreases or increases along",
            "                           N: the log-log slope over several seeds, with its 95%% interval, on the stated",
            "                           side of 0",
            "Exponents and windows are expressions (Symja syntax) in beta, K, M, L, eta and, for windows,",
            "kappa = c_K^2 K, lambda1, lambdaL. Verdict HOLDS (exit 0), FAILS with a witness (1), INCONCLUSIVE with",
            "the reason (3); several claims exit with the worst. The file format is in proofs/dynamics/README.md."})
final class DynamicsCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dynamics claim files (YAML).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text, markdown or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.md with every claim's verdict, numbers "
            + "and a plot (the stated power law drawn over the data; lengths or gaps against L, K or N).")
    Path report;

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.TEXT, Format.MARKDOWN, Format.JSON);
        Output.checkWritable(out);
        ClaimReportFolder.checkWritable(report);
        List<DynamicsClaim> claims = files.stream().map(DynamicsClaimFile::read).toList();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), spec.qualifiedName());
        List<DynamicsClaimResult> results = new ArrayList<>();
        Verdict worst = Verdict.HOLDS;
        for (DynamicsClaim c : claims) {
            DynamicsClaimResult r = DynamicsClaimChecker.check(c, progress);
            spec.commandLine().getErr().printf("%s: %s %s (%.1f s)%n", spec.qualifiedName(), c.name(), r.verdict(), r.seconds());
            results.add(r);
            worst = worst.and(r.verdict());
        }
        String provenance = PowerspecMain.provenance(spec);
        OutputSet outputs = new OutputSet().add(out, "--out", DynamicsClaimReport.render(results, fmt, provenance));
        if (report != null) {
            outputs.addFolder(report, "--report", DynamicsClaimReportFolder.files(results, "report.md", provenance));
        }
        outputs.commit(spec.commandLine().getOut());
        if (report != null) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": report written to " + report.resolve("report.md"));
        }
        return worst.exitCode();
    }
}
