package org.powerspec.check.dynamics;

import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;
import org.powerspec.check.core.Context;

/**
 * The dynamics lemmas, by name, in the order {@code dynamics lemma all} and {@code verify} run them: the erf integrals,
 * the symmetric fixed point, the linear closed form, the plateau against L, and the SGD–ODE gap against N — each a
 * class of its own with its negative control. (The learning-curve exponent and the trainable-dimension floor, once
 * lemmas here, are plain claim files: {@code proofs/dynamics/linear-power-law-beta*.yaml},
 * {@code trainable-floor-beta1.yaml} and their controls.)
 */
public final class DynamicsLemmas {
    /** The lemmas' names, in the order {@link #all} gives them. */
    public static final List<String> NAMES = List.of("erf-integrals", "fixed-point", "linear-closed-form", "plateau-vs-L",
            "finite-size");

    /**
     * The lemmas that became claim files, by their old name: the files (relative to a proofs folder's
     * {@code dynamics/}) that now state them, claims first, then controls.
     */
    public static final java.util.Map<String, List<String>> AS_CLAIM_FILES = java.util.Map.of(
            "power-law", List.of("linear-power-law-beta1.yaml", "linear-power-law-beta2.yaml",
                    "controls/linear-exponent-beta.yaml", "controls/linear-exponent-beta2.yaml"),
            "trainable-floor", List.of("trainable-floor-beta1.yaml", "controls/trainable-floor-steeper.yaml"));

    private DynamicsLemmas() {
    }

    /**
     * A lemma that became claim files, run from them: one row per claim (it passes when it HOLDS) and per control (it
     * passes unless it FAILS: an undecided control is not rejected).
     */
    public static List<DynamicsLemma.Row> fromClaimFiles(String name, java.nio.file.Path dynamicsFolder, Progress progress) {
        List<DynamicsLemma.Row> rows = new java.util.ArrayList<>();
        for (String f : AS_CLAIM_FILES.get(name)) {
            boolean control = f.startsWith("controls/");
            DynamicsClaim claim = DynamicsClaimFile.read(dynamicsFolder.resolve(f));
            org.powerspec.check.core.Outcome o = new DynamicsStatement(claim,
                    control ? org.powerspec.check.core.Kind.CONTROL : org.powerspec.check.core.Kind.CLAIM)
                    .decide(new Context(1, line -> { }, progress));
            boolean pass = control ? o.verdict() != org.powerspec.check.core.Verdict.FAILS
                    : o.verdict() == org.powerspec.check.core.Verdict.HOLDS;
            rows.add(new DynamicsLemma.Row(name, (control ? "control: " : "") + claim.name() + " (" + f + ")", control, pass,
                    o.figures()));
        }
        return rows;
    }

    /** Every dynamics lemma, in the order of {@link #NAMES}. */
    public static List<DynamicsLemma> all() {
        return List.of(new ErfIntegralsLemma(), new FixedPointLemma(), new LinearClosedFormLemma(), new PlateauVersusLLemma(),
                new FiniteSizeLemma());
    }

    /** The lemma called {@code name}. */
    public static DynamicsLemma named(String name) {
        return all().stream().filter(l -> l.lemma().equals(name)).findFirst().orElseThrow(() -> new InvalidInputException(
                "lemma '" + name + "' is not known: allowed are " + String.join(", ", NAMES) + ", all"));
    }

    /** A lemma (or a set of them) holds when every claim row passes and every control row fails. */
    public static boolean holds(List<DynamicsLemma.Row> rows) {
        return rows.stream().allMatch(DynamicsLemma.Row::asExpected);
    }

    /** The rows of the lemma called {@code name}. */
    public static List<DynamicsLemma.Row> run(String name, Progress progress) {
        DynamicsLemma lemma = named(name);
        return lemma.decide(new Context(1, line -> { }, progress)).detail(DynamicsLemma.Result.class).rows();
    }
}
