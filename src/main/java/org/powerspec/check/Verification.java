package org.powerspec.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.powerspec.Progress;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimChecker;
import org.powerspec.check.dynamics.DynamicsClaimFile;
import org.powerspec.check.dynamics.DynamicsClaimResult;
import org.powerspec.check.dynamics.DynamicsLemmas;
import org.powerspec.check.lemma.CountingProductsLemma;
import org.powerspec.check.lemma.HermiteExpansionLemma;
import org.powerspec.check.lemma.MonteCarloLemma;
import org.powerspec.check.spectral.ChainCheck;
import org.powerspec.check.spectral.Claim;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.check.spectral.ClaimSweep;
import org.powerspec.check.spectral.LimitCheck;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.SymjaEngine;

/**
 * Everything powerspec knows how to check, run once: the exact Hermite/Wick lemma (p = 1..20), the closed form against
 * Monte Carlo, every spectral claim and control of a proofs folder (on one parallel sweep), the counting-products
 * lemma, the dynamics lemmas and every dynamics claim and control. The outcome rule: lemmas must hold; a claim must not
 * FAIL (INCONCLUSIVE is an honest "undecided at these sizes"); a spectral control must not HOLD; a dynamics control,
 * decidable at its sizes by construction, must FAIL.
 *
 * @param entries        one summary line per lemma, claim and control, in the order run
 * @param hermite        the Hermite/Wick lemma's rows
 * @param monteCarlo     the Monte Carlo lemma's rows
 * @param spectral       the spectral claims' and controls' results
 * @param counting       the counting lemma's rows
 * @param dynamicsLemmas the dynamics lemmas' rows
 * @param dynamicsClaims the dynamics claims' and controls' results
 */
public record Verification(List<Entry> entries, List<HermiteExpansionLemma.Row> hermite, List<MonteCarloLemma.Row> monteCarlo,
        List<ClaimResult> spectral, List<CountingProductsLemma.Row> counting, List<DynamicsLemmas.Row> dynamicsLemmas,
        List<DynamicsClaimResult> dynamicsClaims) {

    /**
     * One line of the summary.
     *
     * @param statement the lemma's or claim's name
     * @param kind      lemma, claim or control
     * @param verdict   its verdict
     * @param figures   the key numbers
     * @param seconds   compute time (0 where a claim's spectra were computed for another)
     * @param outcome   what the verdict means here ("as expected", "rejected as expected", "FAILS", …)
     * @param ok        whether it is what the rule of the class comment asks
     */
    public record Entry(String statement, String kind, Verdict verdict, String figures, double seconds, String outcome,
            boolean ok) {
    }

    /** The files of a proofs folder: *.yaml, controls/*.yaml, dynamics/*.yaml, dynamics/controls/*.yaml. */
    public record Proofs(List<Claim> claims, List<Claim> controls, List<DynamicsClaim> dynamicsClaims,
            List<DynamicsClaim> dynamicsControls) {

        /** Reads (and validates) every claim of {@code dir}; {@code full} adds d = 2·max(d) and at least 3 seeds. */
        public static Proofs read(Path dir, boolean full) {
            return new Proofs(yamls(dir).stream().map(f -> spectral(f, full)).toList(),
                    yamls(dir.resolve("controls")).stream().map(f -> spectral(f, full)).toList(),
                    yamls(dir.resolve("dynamics")).stream().map(DynamicsClaimFile::read).toList(),
                    yamls(dir.resolve("dynamics").resolve("controls")).stream().map(DynamicsClaimFile::read).toList());
        }

        private static Claim spectral(Path f, boolean full) {
            return full ? ClaimFile.read(f).larger(3) : ClaimFile.read(f);
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
    }

    /**
     * The fixed settings of the lemmas (the defaults of their own commands).
     *
     * @param monteCarlo     the Monte Carlo lemma's setup
     * @param activations    its activations
     * @param countingKs     the counting lemma's numbers of factors
     * @param countingNs     its bounds N
     * @param multisetLimit  its enumeration limit
     */
    public record Settings(MonteCarloLemma.Setup monteCarlo, List<Activation> activations, List<Integer> countingKs,
            List<Long> countingNs, long multisetLimit) {
        /** The lemmas' own defaults. */
        public static final Settings DEFAULT = new Settings(MonteCarloLemma.Setup.DEFAULT, MonteCarloLemma.DEFAULT_ACTIVATIONS,
                CountingProductsLemma.DEFAULT_KS, CountingProductsLemma.DEFAULT_NS, CountingProductsLemma.DEFAULT_MULTISET_LIMIT);
    }

    public Verification {
        entries = List.copyOf(entries);
    }

    /** True when every entry is as the rule asks. */
    public boolean ok() {
        return entries.stream().allMatch(Entry::ok);
    }

    /**
     * Runs everything.
     *
     * @param log      one line per finished lemma or claim, and sweep progress
     * @param progress for the long dynamics computations
     */
    public static Verification run(Proofs proofs, Settings settings, int workers, Consumer<String> log, Progress progress) {
        List<Entry> entries = new ArrayList<>();

        long t0 = System.nanoTime();
        List<Activation> powers = IntStream.rangeClosed(1, 20).mapToObj(Activation::monomial).toList();
        List<HermiteExpansionLemma.Row> hermite = new HermiteExpansionLemma(SymjaEngine.get()).checkAll(powers);
        entries.add(lemma("hermite-expansion", HermiteExpansionLemma.verdict(hermite), "p = 1..20, parts (a)-(d), exact", t0));
        log.accept("hermite-expansion " + entries.get(entries.size() - 1).verdict());

        long t1 = System.nanoTime();
        List<MonteCarloLemma.Row> monteCarlo = MonteCarloLemma.check(settings.monteCarlo(), settings.activations());
        entries.add(lemma("closed-form-vs-monte-carlo", MonteCarloLemma.verdict(monteCarlo),
                "p = 1..4, n = 200000, wrong kernels rejected", t1));
        log.accept("closed-form-vs-monte-carlo " + entries.get(entries.size() - 1).verdict());

        List<Claim> all = new ArrayList<>(proofs.claims());
        all.addAll(proofs.controls());
        long t2 = System.nanoTime();
        List<List<ClaimResult.Run>> runs = ClaimSweep.run(all, ClaimSweep.tasks(all, ClaimSweep.Shard.ALL), workers, f -> {
            if (f.run() == null || f.done() % 10 == 0 || f.done() == f.total()) {
                log.accept(String.format(Locale.ROOT, "%d of %d (claim, d, seed) tasks (%.0f s)", f.done(), f.total(), (System.nanoTime() - t2) / 1e9));
            }
        });
        List<ClaimResult> spectral = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean control = i >= proofs.claims().size();
            ClaimResult r = ClaimChecker.assess(all.get(i), runs.get(i), runs.get(i).stream().mapToDouble(ClaimResult.Run::seconds).sum());
            spectral.add(r);
            boolean ok = control ? r.verdict() != Verdict.HOLDS : r.verdict() != Verdict.FAILS;
            // a spectral control may be undecided at the sizes a dense eigensolver reaches: it must not HOLD, and says so
            String outcome = control && r.verdict() == Verdict.INCONCLUSIVE ? "undecided (not held)" : outcome(r.verdict(), control);
            entries.add(new Entry(all.get(i).name(), control ? "control" : "claim", r.verdict(), figures(r), r.seconds(),
                    outcome, ok));
        }

        long t3 = System.nanoTime();
        List<CountingProductsLemma.Row> counting = CountingProductsLemma.check(settings.countingKs(), settings.countingNs(),
                settings.multisetLimit());
        entries.add(lemma("counting-products", CountingProductsLemma.verdict(counting),
                "k = 2..4, N = 10^3..10^7, exact counts; controls rejected", t3));
        log.accept("counting-products " + entries.get(entries.size() - 1).verdict());

        List<DynamicsLemmas.Row> dynamicsRows = new ArrayList<>();
        for (String name : DynamicsLemmas.NAMES) {
            long t = System.nanoTime();
            List<DynamicsLemmas.Row> lemma = DynamicsLemmas.run(name, progress);
            dynamicsRows.addAll(lemma);
            long claims = lemma.stream().filter(r -> !r.control()).count();
            String figures = String.format(Locale.ROOT, "%d of %d claims pass, %d of %d controls rejected",
                    lemma.stream().filter(r -> !r.control() && r.pass()).count(), claims,
                    lemma.stream().filter(r -> r.control() && !r.pass()).count(), lemma.size() - claims);
            entries.add(lemma("dynamics " + name, DynamicsLemmas.holds(lemma) ? Verdict.HOLDS : Verdict.FAILS, figures, t));
            log.accept("dynamics " + name + " " + entries.get(entries.size() - 1).verdict());
        }

        List<DynamicsClaim> dynamics = new ArrayList<>(proofs.dynamicsClaims());
        dynamics.addAll(proofs.dynamicsControls());
        List<DynamicsClaimResult> dynamicsResults = new ArrayList<>();
        for (int i = 0; i < dynamics.size(); i++) {
            DynamicsClaimResult r = DynamicsClaimChecker.check(dynamics.get(i), progress);
            dynamicsResults.add(r);
            boolean control = i >= proofs.dynamicsClaims().size();
            boolean ok = control ? r.verdict() == Verdict.FAILS : r.verdict() != Verdict.FAILS;
            String outcome = control && r.verdict() == Verdict.INCONCLUSIVE ? "NOT rejected (undecided)" : outcome(r.verdict(), control);
            entries.add(new Entry(r.claim().name(), control ? "control" : "claim", r.verdict(), r.figures(), r.seconds(), outcome, ok));
            log.accept(r.claim().name() + " " + r.verdict());
        }
        return new Verification(entries, hermite, monteCarlo, spectral, counting, dynamicsRows, dynamicsResults);
    }

    private static Entry lemma(String name, Verdict v, String figures, long t0) {
        return new Entry(name, "lemma", v, figures, (System.nanoTime() - t0) / 1e9, v == Verdict.HOLDS ? "as expected" : "FAILS",
                v == Verdict.HOLDS);
    }

    private static String outcome(Verdict v, boolean control) {
        return control ? (v == Verdict.HOLDS ? "NOT rejected" : "rejected as expected")
                : v == Verdict.FAILS ? "FAILS" : v == Verdict.HOLDS ? "as expected" : "undecided at these sizes";
    }

    /** A spectral claim's key figures: the range of r over usable runs and the drift slopes with their intervals. */
    static String figures(ClaimResult r) {
        if (r.limit() != null) {
            LimitCheck.Study st = r.limit();
            return String.format(Locale.ROOT, "%s; mu/rate in [%.3g, %.3g] for j <= %d; last decade slope %.3f",
                    LimitCheck.tally(st), st.minRatio(), st.maxRatio(), st.jTo(), st.lastSlope());
        }
        String plain = plainFigures(r);
        if (r.chain() == null) {
            return plain;
        }
        ChainCheck.Outcome c = r.chain();
        return String.format(Locale.ROOT, "chain to d = %.3g: lambda/mu in [%.3g, %.3g], mu/rate for j <= %d%s; plain: %s",
                c.to(), c.linkLo(), c.linkHi(), c.jTo(), c.limit() == null ? " (not reached)"
                        : String.format(Locale.ROOT, " in [%.3g, %.3g]", c.limit().minRatio(), c.limit().maxRatio()), plain);
    }

    private static String plainFigures(ClaimResult r) {
        List<ClaimResult.Run> usable = r.runs().stream().filter(x -> x.used() >= ClaimChecker.MIN_POINTS).toList();
        if (usable.isEmpty()) {
            return "range too short at every d; " + ClaimChecker.tally(r.runs());
        }
        double min = usable.stream().mapToDouble(ClaimResult.Run::minRatio).min().orElseThrow();
        double max = usable.stream().mapToDouble(ClaimResult.Run::maxRatio).max().orElseThrow();
        StringBuilder s = new StringBuilder(ClaimChecker.tally(r.runs()) + String.format(Locale.ROOT, "; r in [%.3g, %.3g]",
                min, max));
        for (ClaimResult.Drift d : r.drifts()) {
            if (!Double.isNaN(d.slope())) {
                s.append(String.format(Locale.ROOT, "; %s slope %.2f [%.2f, %.2f]", d.of(), d.slope(), d.lo(), d.hi()));
            }
        }
        return s.toString();
    }
}
