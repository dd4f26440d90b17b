package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.InvalidInputException;
import org.powerspec.check.spectral.Claim;
import org.powerspec.check.spectral.ClaimChecker.Task;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.check.spectral.ClaimSweep;
import org.powerspec.check.spectral.SweepPart;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Outputs({Format.TEXT, Format.JSON, Format.MARKDOWN})
@Command(name = "check",
        description = {
            "Checks spectral claims (YAML files) against exact spectra of K.",
            "For each d and seed: r_j = lambda_j / rate(j) over the claim's j-range, against [lower, upper]; the",
            "log-log drift of min r and max r with d (95%% interval against a tolerance); a fitted effective rate",
            "lambda_j ~ C (log^beta(j+1)/j)^alpha. Verdict HOLDS (exit 0), FAILS with a witness (1), or INCONCLUSIVE",
            "with the reason (3); several claims exit with the worst.",
            "Every (claim, d, seed) is independent: they run on --threads workers, and --shard i/n runs only part i",
            "of n (write it with --out, put the parts together with 'powerspec merge').",
            "",
            "The claim file (YAML; these keys and no others, e.g. proofs/head-p2-alpha2.yaml):",
            "  name                   an identifier (required)",
            "  statement              the statement in words, with its source (optional, shown in reports)",
            "  model.alpha            alpha > 1 of lambda_j(H) = j^-alpha (required)",
            "  model.p | model.f      f = y^p, or a polynomial in y with rational coefficients (exactly one)",
            "  model.v                v as an expression in d (default 4*d)",
            "  model.w_variance       W's entries are N(0, w_variance) (default 1)",
            "  model.centred          true: minus the mean feature's rank-one term, as spectrum --centred",
            "                         (default false)",
            "  model.cutoff           H's cut-off M as an expression in d: lambda_j = 0 beyond M (default none)",
            "  rate                   oracle (the product oracle's mu_j, as 'powerspec oracle'), or an expression in",
            "                         j, d, p, alpha and the claim's constants (Symja: ^, *, Log[x], Sqrt, Exp, Max,",
            "                         Pi, E, EulerGamma), positive and finite at every j of the range at every d",
            "  range.from, range.to   the j-range as expressions in d (and p, alpha, constants):",
            "                         j = ceil(from)..floor(to), from 1 on; j > d are undecided (K has d eigenvalues)",
            "  range.NAME             any other key of range is a constant of the claim (c1: 8), a finite number",
            "  parameters             further constants of the rate ({b: 2}); each one the rate uses is scanned in",
            "                         steps of 0.05 (|k| <= 60) for the values the data allow",
            "  constants.lower,       the bounds on r_j = lambda_j / rate(j), each finite and > 0, lower < upper;",
            "  constants.upper        one may be absent (a one-sided claim), not both",
            "  sweep.d                the sizes d: a list or one number, each once, 2 <= d <= 46000",
            "  sweep.seeds            seeds 1..n at every d (default 1)",
            "  sweep.precision        double (default) or high (double-double)",
            "  sweep.drift_tolerance  the largest |slope| of log r against log10 d still counted as constant,",
            "                         in (0, 0.5] (default 0.1)",
            "  limit                  oracle: a claim about d -> infinity, judged on the product oracle at v -> infinity",
            "                         (exact, j up to 10^8); sweep then holds only drift_tolerance, range and rate are",
            "                         in j (no d), model.v is a number or infinity (default), model.cutoff a number",
            "  chain                  oracle, or {through: oracle, to: D, j_max: J, link_from: EXPR, link_to: EXPR}:",
            "                         adds the chained verdict through the oracle to size D, under the stated",
            "                         assumption that lambda_j/mu_j stays within its measured range (a rate in j",
            "                         alone, no cut-off)",
            "Names: a claim's own names (the constants of range and parameters) are a letter, then letters or",
            "digits, never j, d, p, alpha or oracle, and blind to case (C1 is c1). A name declared by a claim always",
            "means the claim's value, even where Symja has a built-in of that name (with e: 0, E is 0 too);",
            "undeclared, only Pi, E and EulerGamma are known. A bad key, value or expression is one line naming the",
            "file and the key, exit 2, before any spectrum is computed.",
            "The rule: each j of the range, at each (d, seed), gets an interval that surely holds r_j (lambda_j",
            "+- its error bound; [0, |lambda_j| + bound] under the floor). A claim HOLDS only when every j of its",
            "range is measured or certified by its error bound (its interval inside [lower, upper]) and there is no",
            "drift; it FAILS on a certified violation (the witness d, seed, j, r_j is named) or a certain drift;",
            "otherwise it is INCONCLUSIVE, saying how many j were undecided at each d and what would decide them."})
final class CheckCommand extends PowerspecCommand {
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
        Format fmt = output.format();
        if (partial && context.given("--format")) {
            throw new InvalidInputException("--format " + output.format + ": with --shard the output is a part file for "
                    + "'powerspec merge'; give --format to merge");
        }
        if (partial && output.report != null) {
            throw new InvalidInputException("--report " + output.report + ": with --shard there is no verdict yet; give --report to merge");
        }
        int workers = threads.workers();
        output.check();
        List<Claim> parsed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path p : claims) {
            texts.add(ClaimFile.text(p));
            parsed.add(ClaimFile.parse(texts.get(texts.size() - 1), p));
        }
        long t0 = System.nanoTime();
        List<List<Task>> tasks = ClaimSweep.tasks(parsed, part);
        int total = tasks.stream().mapToInt(List::size).sum();
        int distinct = ClaimSweep.distinctSpectra(parsed, tasks);
        int used = Math.min(workers, Math.max(1, distinct));
        context.say(total == 0 ? "no spectra to compute (limit claims are judged on the oracle alone)"
                : String.format(Locale.ROOT, "%d (claim, d, seed) task%s, %d distinct spectr%s%s, on %d "
                        + "worker%s", total, total == 1 ? "" : "s", distinct, distinct == 1 ? "um" : "a",
                partial ? " (part " + part + " of the sweep)" : "", used, used == 1 ? "" : "s"));
        List<List<Run>> runs = ClaimSweep.run(parsed, tasks, workers, f -> context.say(f.run() == null
                ? String.format(Locale.ROOT, "%d of %d tasks done, still computing, %.0f s elapsed",
                        f.done(), f.total(), (System.nanoTime() - t0) / 1e9)
                : String.format(Locale.ROOT, "[%d/%d] %s, %.0f s elapsed", f.done(), f.total(),
                        ClaimChecker.describe(f.claim(), f.run()), (System.nanoTime() - t0) / 1e9)));
        String provenance = context.provenance();
        if (partial) {
            List<SweepPart.Entry> entries = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                entries.add(new SweepPart.Entry(claims.get(i).toString(), texts.get(i), tasks.get(i), runs.get(i)));
            }
            SweepPart p = new SweepPart(SweepPart.FORMAT, PowerspecMain.version(), provenance, part.index(), part.count(),
                    entries);
            output.write(p.toJson());
            context.say("part " + part + " done" + (output.out == null ? "" : ", written to " + output.out)
                    + "; put the parts together with 'powerspec merge PART...'");
            return 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<ClaimResult> results = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            double claimSeconds = parsed.size() == 1 ? seconds : runs.get(i).stream().mapToDouble(Run::seconds).sum();
            Claim c = parsed.get(i);
            if (c.limit() || c.chain() != null) {
                context.say(c.name() + ": streaming the product oracle for the "
                        + (c.limit() ? "limit claim" : "chain's limit link") + String.format(Locale.ROOT, ", %.0f s elapsed",
                        (System.nanoTime() - t0) / 1e9));
            }
            results.add(ClaimChecker.assess(c, runs.get(i), claimSeconds));
        }
        return CheckOutput.emit(context, results, fmt, output, provenance);
    }

}
