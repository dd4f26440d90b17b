package org.powerspec.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.powerspec.Progress;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Kind;
import org.powerspec.check.core.Outcome;
import org.powerspec.check.core.Statement;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimFile;
import org.powerspec.check.dynamics.DynamicsClaimResult;
import org.powerspec.check.dynamics.DynamicsLemmas;
import org.powerspec.check.dynamics.DynamicsStatement;
import org.powerspec.check.lemma.CountingProductsLemma;
import org.powerspec.check.lemma.HermiteExpansionLemma;
import org.powerspec.check.lemma.MonteCarloLemma;
import org.powerspec.check.spectral.Claim;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.check.spectral.SpectralBatch;
import org.powerspec.symbolic.Activation;

/**
 * Everything powerspec knows how to check, as one list of {@link Statement}s decided in turn: the exact Hermite/Wick
 * lemma (p = 1..20), the closed form against Monte Carlo, every spectral claim and control of a proofs folder (on one
 * parallel sweep), the counting-products lemma, the dynamics lemmas and every dynamics claim and control. The outcome
 * rule is each statement's {@link org.powerspec.check.core.Expectation}: lemmas must hold; a claim must not FAIL
 * (INCONCLUSIVE is an honest "undecided at these sizes"); a spectral control must not HOLD; a dynamics control,
 * decidable at its sizes by construction, must FAIL.
 *
 * @param outcomes one per statement, in the order decided
 */
public record Verification(List<Outcome> outcomes) {

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
        outcomes = List.copyOf(outcomes);
    }

    /** True when every outcome is what its statement's expectation asks. */
    public boolean ok() {
        return outcomes.stream().allMatch(Outcome::ok);
    }

    /** The spectral claims' and controls' results, in order. */
    public List<ClaimResult> spectral() {
        return details(ClaimResult.class);
    }

    /** The dynamics claims' and controls' results, in order. */
    public List<DynamicsClaimResult> dynamicsClaims() {
        return details(DynamicsClaimResult.class);
    }

    private <T> List<T> details(Class<T> type) {
        return outcomes.stream().map(o -> o.detail(type)).filter(java.util.Objects::nonNull).toList();
    }

    /** Every statement of a verification run, in the order it decides them. */
    public static List<Statement> statements(Proofs proofs, Settings settings) {
        List<Statement> all = new ArrayList<>();
        List<Activation> powers = IntStream.rangeClosed(1, 20).mapToObj(Activation::monomial).toList();
        all.add(HermiteExpansionLemma.statement(powers, "p = 1..20, parts (a)-(d), exact"));
        all.add(MonteCarloLemma.statement(settings.monteCarlo(), settings.activations(),
                "p = 1..4, n = 200000, wrong kernels rejected"));
        all.addAll(new SpectralBatch(proofs.claims(), proofs.controls()).statements());
        all.add(CountingProductsLemma.statement(settings.countingKs(), settings.countingNs(), settings.multisetLimit(),
                "k = 2..4, N = 10^3..10^7, exact counts; controls rejected"));
        all.addAll(DynamicsLemmas.all());
        proofs.dynamicsClaims().forEach(c -> all.add(new DynamicsStatement(c, Kind.CLAIM)));
        proofs.dynamicsControls().forEach(c -> all.add(new DynamicsStatement(c, Kind.CONTROL)));
        return all;
    }

    /** Decides every statement in turn. */
    public static Verification run(List<Statement> statements, Context context) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Statement s : statements) {
            outcomes.add(s.decide(context));
        }
        return new Verification(outcomes);
    }

    /**
     * Runs everything.
     *
     * @param log      one line per finished lemma or claim, and sweep progress
     * @param progress for the long dynamics computations
     */
    public static Verification run(Proofs proofs, Settings settings, int workers, Consumer<String> log, Progress progress) {
        return run(statements(proofs, settings), new Context(workers, log, progress));
    }
}
