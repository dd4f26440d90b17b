package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimChecker;
import org.powerspec.check.dynamics.DynamicsClaimFile;
import org.powerspec.check.dynamics.DynamicsClaimResult;
import org.powerspec.report.DynamicsClaimReport;
import org.powerspec.report.DynamicsClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Outputs(value = {Format.TEXT, Format.MARKDOWN, Format.JSON}, report = "Also write DIR/report.md with every claim's verdict, "
        + "numbers and a plot (the stated power law drawn over the data; lengths or gaps against L, K or N).")
@Command(name = "check",
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
final class DynamicsCheckCommand extends PowerspecCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dynamics claim files (YAML).")
    List<Path> files;

    @Mixin
    ClaimOutputOptions output;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        List<DynamicsClaim> claims = files.stream().map(DynamicsClaimFile::read).toList();
        org.powerspec.Progress progress = context.progress();
        List<DynamicsClaimResult> results = new ArrayList<>();
        Verdict worst = Verdict.HOLDS;
        for (DynamicsClaim c : claims) {
            DynamicsClaimResult r = DynamicsClaimChecker.check(c, progress);
            context.say(String.format("%s %s (%.1f s)", c.name(), r.verdict(), r.seconds()));
            results.add(r);
            worst = worst.and(r.verdict());
        }
        String provenance = context.provenance();
        OutputSet outputs = new OutputSet().add(output.out, "--out", DynamicsClaimReport.render(results, fmt, provenance));
        if (output.report != null) {
            outputs.addFolder(output.report, "--report", DynamicsClaimReportFolder.files(results, "report.md", provenance));
        }
        context.commit(outputs);
        if (output.report != null) {
            context.say("report written to " + output.report.resolve("report.md"));
        }
        return worst.exitCode();
    }
}
