package org.powerspec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.powerspec.InvalidInputException;
import org.powerspec.check.Claim;
import org.powerspec.check.ClaimChecker;
import org.powerspec.check.ClaimChecker.Task;
import org.powerspec.check.ClaimFile;
import org.powerspec.check.ClaimResult;
import org.powerspec.check.ClaimResult.Run;
import org.powerspec.check.ClaimSweep;
import org.powerspec.check.SweepPart;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "Checks spectral claims (YAML files, see the README) against exact spectra of K.",
            "For each d and seed: r_j = lambda_j / rate(j) over the claim's j-range, against [lower, upper];",
            "the log-log drift of min r and max r with d (95%% interval against a tolerance); a fitted effective rate",
            "lambda_j ~ C (log^beta(j+1)/j)^alpha. Verdict HOLDS (exit 0), FAILS with a witness (1), or INCONCLUSIVE with",
            "the reason (3); several claims exit with the worst.",
            "Every (claim, d, seed) is independent: they run on --threads workers, and --shard i/n runs only part i of n",
            "(write it with --out, put the parts together with 'powerspec merge')."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLAIM", arity = "1..*", description = "Claim files (.yaml).")
    List<Path> claims;

    @Mixin
    ClaimOutputOptions output;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only part i of n of the sweep (tasks numbered over "
            + "all claims, every n-th from the i-th) and write a part file for 'powerspec merge' instead of a verdict.")
    String shard;

    @Mixin
    WorkerOptions threads;

    @Override
    public Integer call() {
        ClaimSweep.Shard part = shard == null ? ClaimSweep.Shard.ALL : ClaimSweep.Shard.parse(shard);
        boolean partial = shard != null;
        Format fmt = Format.parse(output.format, Format.TEXT, Format.JSON, Format.MARKDOWN);
        if (partial && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw new InvalidInputException("--format " + output.format + ": with --shard the output is a part file for "
                    + "'powerspec merge'; give --format to merge");
        }
        if (partial && output.report != null) {
            throw new InvalidInputException("--report " + output.report + ": with --shard there is no verdict yet; give --report to merge");
        }
        int workers = threads.workers();
        Output.checkWritable(output.out);
        ClaimReportFolder.checkWritable(output.report);
        List<Claim> parsed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path p : claims) {
            texts.add(ClaimFile.text(p));
            parsed.add(ClaimFile.parse(texts.get(texts.size() - 1), p));
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        List<List<Task>> tasks = ClaimSweep.tasks(parsed, part);
        int total = tasks.stream().mapToInt(List::size).sum();
        err.println(String.format(Locale.ROOT, "powerspec check: %d spectra%s on %d worker%s", total,
                partial ? " (part " + part + " of the sweep)" : "", Math.min(workers, Math.max(1, total)),
                workers == 1 ? "" : "s"));
        err.flush();
        List<List<Run>> runs = ClaimSweep.run(parsed, tasks, workers, f -> {
            err.println(String.format(Locale.ROOT, "powerspec check: [%d/%d] %s, %.0f s elapsed", f.done(), f.total(),
                    ClaimChecker.describe(f.claim(), f.run()), (System.nanoTime() - t0) / 1e9));
            err.flush();
        });
        String provenance = PowerspecMain.provenance(spec);
        if (partial) {
            List<SweepPart.Entry> entries = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                entries.add(new SweepPart.Entry(claims.get(i).toString(), texts.get(i), tasks.get(i), runs.get(i)));
            }
            SweepPart p = new SweepPart(SweepPart.FORMAT, PowerspecMain.version(), provenance, part.index(), part.count(),
                    entries);
            Output.write(p.toJson(), output.out, spec.commandLine().getOut());
            err.println("powerspec check: part " + part + " done" + (output.out == null ? "" : ", written to " + output.out)
                    + "; put the parts together with 'powerspec merge PART...'");
            return 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<ClaimResult> results = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            double claimSeconds = parsed.size() == 1 ? seconds : runs.get(i).stream().mapToDouble(Run::seconds).sum();
            results.add(ClaimChecker.assess(parsed.get(i), runs.get(i), claimSeconds));
        }
        return CheckOutput.emit(spec, results, fmt, output.out, output.report, provenance);
    }

}
