package org.powerspec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.powerspec.InvalidInputException;
import org.powerspec.check.Claim;
import org.powerspec.check.ClaimChecker;
import org.powerspec.check.ClaimSweep;
import org.powerspec.check.ClaimFile;
import org.powerspec.check.ClaimResult;
import org.powerspec.check.CountingProductsLemma;
import org.powerspec.check.DynamicsClaim;
import org.powerspec.check.DynamicsClaimChecker;
import org.powerspec.check.DynamicsClaimFile;
import org.powerspec.check.DynamicsClaimResult;
import org.powerspec.check.HermiteExpansionLemma;
import org.powerspec.dynamics.DynamicsLemmas;
import org.powerspec.check.MonteCarloLemma;
import org.powerspec.check.Verdict;
import org.powerspec.report.ClaimReport;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.CountingProductsTable;
import org.powerspec.report.DynamicsClaimReport;
import org.powerspec.report.DynamicsTables;
import org.powerspec.report.Format;
import org.powerspec.report.LemmaTable;
import org.powerspec.report.MonteCarloTable;
import org.powerspec.report.Output;
import org.powerspec.report.Table;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "The main job: check everything in proofs/ and print one table (statement, verdict, key figures, seconds),",
            "then the evidence: the exact Hermite/Wick lemma (p = 1..20), the closed-form-vs-Monte-Carlo lemma (p = 1..4)",
            "with its negative controls, every claim in proofs/*.yaml and every control in proofs/controls/*.yaml",
            "(a control must not HOLD), the counting-products lemma (Piltz, k = 2..4, N to 10^7), the dynamics lemmas",
            "(dynamics lemma all) and every dynamics claim in proofs/dynamics/*.yaml and control in",
            "proofs/dynamics/controls/*.yaml (a dynamics control must FAIL). Exit 0 when the lemmas hold, no claim FAILS",
            "and every control is rejected, else 1.",
            "--full adds d = 2*max(d) to every sweep and uses at least 3 seeds."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--proofs", paramLabel = "DIR", description = "The proofs folder. Default: ./proofs, else the one beside the jar.")
    Path proofs;

    @Option(names = "--full", description = "Larger sizes: every sweep gains d = 2*max(d), seeds at least 3.")
    boolean full;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.md with every claim's and control's "
            + "tables and plots (as check --report does).")
    Path report;

    @Mixin
    WorkerOptions threads;

    private Path proofsFolder() {
        if (proofs != null) {
            if (!Files.isDirectory(proofs)) {
                throw new InvalidInputException("--proofs '" + proofs + "' is not a folder");
            }
            return proofs;
        }
        if (Files.isDirectory(Path.of("proofs"))) {
            return Path.of("proofs");
        }
        try {
            Path jar = Path.of(PowerspecMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.toAbsolutePath().getParent().getParent().resolve("proofs");
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new InvalidInputException("no proofs folder here or beside the jar: give one with --proofs DIR");
    }

    private static List<Path> yamls(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.TEXT, Format.MARKDOWN);
        Output.checkWritable(out);
        ClaimReportFolder.checkWritable(report);
        threads.workers();
        Path dir = proofsFolder();
        List<Claim> claims = new ArrayList<>();
        List<Claim> controls = new ArrayList<>();
        for (Path f : yamls(dir)) {
            claims.add(full ? ClaimFile.read(f).larger(3) : ClaimFile.read(f));
        }
        for (Path f : yamls(dir.resolve("controls"))) {
            controls.add(full ? ClaimFile.read(f).larger(3) : ClaimFile.read(f));
        }
        List<DynamicsClaim> dynamicsClaims = new ArrayList<>();
        int dynamicsClaimCount = 0;
        for (Path f : yamls(dir.resolve("dynamics"))) {
            dynamicsClaims.add(DynamicsClaimFile.read(f));
            dynamicsClaimCount++;
        }
        for (Path f : yamls(dir.resolve("dynamics").resolve("controls"))) {
            dynamicsClaims.add(DynamicsClaimFile.read(f));
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        String provenance = PowerspecMain.provenance(spec);
        List<List<String>> rows = new ArrayList<>();
        boolean ok = true;

        long t0 = System.nanoTime();
        List<Activation> powers = IntStream.rangeClosed(1, 20).mapToObj(Activation::monomial).toList();
        List<HermiteExpansionLemma.Row> hermite = new HermiteExpansionLemma(SymjaEngine.get()).checkAll(powers);
        Verdict a = LemmaTable.verdict(hermite);
        rows.add(List.of("hermite-expansion", "lemma", a.name(), "p = 1..20, parts (a)-(d), exact", secs(t0),
                a == Verdict.HOLDS ? "as expected" : "FAILS"));
        ok &= a == Verdict.HOLDS;
        err.println("powerspec verify: hermite-expansion " + a);

        long t1 = System.nanoTime();
        MonteCarloLemma.Setup setup = MonteCarloCommand.defaultSetup();
        List<MonteCarloLemma.Row> monteCarlo = MonteCarloLemma.check(setup, MonteCarloCommand.DEFAULT_ACTIVATIONS);
        Verdict b = MonteCarloTable.verdict(monteCarlo);
        rows.add(List.of("closed-form-vs-monte-carlo", "lemma", b.name(), "p = 1..4, n = 200000, wrong kernels rejected",
                secs(t1), b == Verdict.HOLDS ? "as expected" : "FAILS"));
        ok &= b == Verdict.HOLDS;
        err.println("powerspec verify: closed-form-vs-monte-carlo " + b);

        List<Claim> all = new ArrayList<>(claims);
        all.addAll(controls);
        long t2 = System.nanoTime();
        List<List<ClaimResult.Run>> runs = ClaimSweep.run(all, ClaimSweep.tasks(all, ClaimSweep.Shard.ALL),
                threads.workers(), f -> {
                    if (f.done() % 10 == 0 || f.done() == f.total()) {
                        err.println(String.format(Locale.ROOT, "powerspec verify: %d of %d spectra (%.0f s)", f.done(),
                                f.total(), (System.nanoTime() - t2) / 1e9));
                        err.flush();
                    }
                });
        List<ClaimResult> results = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Claim c = all.get(i);
            boolean control = i >= claims.size();
            ClaimResult r = ClaimChecker.assess(c, runs.get(i), runs.get(i).stream().mapToDouble(ClaimResult.Run::seconds).sum());
            results.add(r);
            rows.add(List.of(c.name(), control ? "control" : "claim", r.verdict().name(), figures(r),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), outcome(r.verdict(), control)));
            ok &= control ? r.verdict() != Verdict.HOLDS : r.verdict() != Verdict.FAILS;
        }
        long t3 = System.nanoTime();
        List<CountingProductsLemma.Row> counting = CountingProductsLemma.check(ints(CountingProductsCommand.DEFAULT_KS),
                longs(CountingProductsCommand.DEFAULT_NS), CountingProductsCommand.DEFAULT_MULTISET_LIMIT);
        Verdict cp = CountingProductsLemma.verdict(counting);
        rows.add(List.of("counting-products", "lemma", cp.name(), "k = 2..4, N = 10^3..10^7, exact counts; controls rejected",
                secs(t3), cp == Verdict.HOLDS ? "as expected" : "FAILS"));
        ok &= cp == Verdict.HOLDS;
        err.println("powerspec verify: counting-products " + cp);

        ConsoleProgress progress = new ConsoleProgress(err, "powerspec verify");
        List<DynamicsLemmas.Row> dynamicsRows = new ArrayList<>();
        for (String name : DynamicsLemmas.NAMES) {
            long t = System.nanoTime();
            List<DynamicsLemmas.Row> lemma = DynamicsLemmas.run(name, progress);
            dynamicsRows.addAll(lemma);
            boolean held = DynamicsLemmas.holds(lemma);
            long claimsPassed = lemma.stream().filter(r -> !r.control() && r.pass()).count();
            long controlsRejected = lemma.stream().filter(r -> r.control() && !r.pass()).count();
            rows.add(List.of("dynamics " + name, "lemma", held ? "HOLDS" : "FAILS", String.format(Locale.ROOT,
                    "%d of %d claims pass, %d of %d controls rejected", claimsPassed, lemma.stream().filter(r -> !r.control()).count(),
                    controlsRejected, lemma.stream().filter(DynamicsLemmas.Row::control).count()), secs(t),
                    held ? "as expected" : "FAILS"));
            ok &= held;
            err.println("powerspec verify: dynamics " + name + (held ? " HOLDS" : " FAILS"));
        }

        List<DynamicsClaimResult> dynamicsResults = new ArrayList<>();
        for (int i = 0; i < dynamicsClaims.size(); i++) {
            DynamicsClaimResult r = DynamicsClaimChecker.check(dynamicsClaims.get(i), progress);
            dynamicsResults.add(r);
            boolean control = i >= dynamicsClaimCount;
            // every dynamics control is decidable at its sizes, so it must FAIL with a witness, not merely not hold
            String outcome = control && r.verdict() == Verdict.INCONCLUSIVE ? "NOT rejected (undecided)" : outcome(r.verdict(), control);
            rows.add(List.of(r.claim().name(), control ? "control" : "claim", r.verdict().name(), r.figures(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), outcome));
            ok &= control ? r.verdict() == Verdict.FAILS : r.verdict() != Verdict.FAILS;
            err.println("powerspec verify: " + r.claim().name() + " " + r.verdict());
        }

        Table summary = new Table(List.of("statement", "kind", "verdict", "key figures", "s", "outcome"), rows);
        boolean md = fmt == Format.MARKDOWN;
        String overall = ok ? "every lemma holds, no claim fails, every control is rejected"
                : "something failed (see the outcome column)";
        StringBuilder s = new StringBuilder();
        s.append(md ? "# powerspec verify\n\n`" + provenance + "`\n\n" + summary.markdown() + "\n**" + overall + "**\n"
                : "powerspec verify\n# " + provenance + "\n\n" + leftAligned(summary) + "\n" + overall + "\n");
        s.append(md ? "\n## hermite-expansion\n\n" + LemmaTable.render(hermite, Format.MARKDOWN, provenance)
                : "\n" + LemmaTable.render(hermite, Format.TEXT, provenance));
        s.append(md ? "\n## closed-form-vs-monte-carlo\n\n" + MonteCarloTable.render(monteCarlo, setup, Format.MARKDOWN, provenance)
                : "\n" + MonteCarloTable.render(monteCarlo, setup, Format.TEXT, provenance));
        s.append(md ? "\n## claims and controls\n\n" : "\n").append(ClaimReport.render(results, md ? Format.MARKDOWN : Format.TEXT,
                provenance));
        s.append(md ? "\n## counting-products\n\n" : "\n").append(CountingProductsTable.render(counting, fmt, provenance));
        s.append(md ? "\n## dynamics lemmas\n\n" : "\n").append(DynamicsTables.lemmas(dynamicsRows,
                DynamicsLemmas.holds(dynamicsRows), fmt, provenance, java.util.Map.of()));
        s.append(md ? "\n## dynamics claims and controls\n\n" : "\n").append(DynamicsClaimReport.render(dynamicsResults, fmt,
                provenance));
        if (report != null) {
            err.println("powerspec verify: report written to " + ClaimReportFolder.write(results, report, provenance));
        }
        Output.write(s.toString(), out, spec.commandLine().getOut());
        return ok ? 0 : 1;
    }

    private static String outcome(Verdict v, boolean control) {
        return control ? (v == Verdict.HOLDS ? "NOT rejected" : "rejected as expected")
                : v == Verdict.FAILS ? "FAILS" : v == Verdict.HOLDS ? "as expected" : "undecided at these sizes";
    }

    private static List<Integer> ints(String csv) {
        return Stream.of(csv.split(",")).map(Integer::valueOf).toList();
    }

    private static List<Long> longs(String csv) {
        return Stream.of(csv.split(",")).map(Long::valueOf).toList();
    }

    private static String secs(long t0) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
    }

    private static String figures(ClaimResult r) {
        List<ClaimResult.Run> usable = r.runs().stream().filter(x -> x.used() >= ClaimChecker.MIN_POINTS).toList();
        if (usable.isEmpty()) {
            return "range too short at every d";
        }
        double min = usable.stream().mapToDouble(ClaimResult.Run::minRatio).min().orElseThrow();
        double max = usable.stream().mapToDouble(ClaimResult.Run::maxRatio).max().orElseThrow();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "r in [%.3g, %.3g]", min, max));
        for (ClaimResult.Drift d : r.drifts()) {
            if (!Double.isNaN(d.slope())) {
                s.append(String.format(Locale.ROOT, "; %s slope %.2f [%.2f, %.2f]", d.of(), d.slope(), d.lo(), d.hi()));
            }
        }
        return s.toString();
    }

    /** The summary with its text columns left-aligned, for reading. */
    private static String leftAligned(Table t) {
        int[] w = new int[t.header().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (List<String> r : all) {
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (List<String> r : all) {
            for (int c = 0; c < w.length; c++) {
                s.append(c == 0 ? "" : "  ").append(r.get(c)).append(" ".repeat(w[c] - r.get(c).length()));
            }
            s.append('\n');
        }
        return s.toString().replaceAll(" +\n", "\n");
    }
}
