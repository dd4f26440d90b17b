package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.ParameterRange;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * The tightest exponents the data allow. A claim's {@code parameters} (e.g. the polylog exponent b of
 * {@code rate: "j^(-alpha)*Log[d]^b"}, which the source theorem leaves open) are scanned over the grid
 * b₀ + k·{@value #STEP}, |k| ≤ {@value #STEPS}, around the stated b₀: the spectra are held fixed, r_j is recomputed
 * with each value, and the claim is judged again (constants and drift, exactly as {@link ClaimChecker#assess}). The
 * result is the set of values for which the claim does not FAIL and the set for which it HOLDS, reported by their
 * smallest and largest grid values. A parameter that also enters the j-range is not scanned (the range, and so the
 * eigenvalues needed, would change with it).
 */
public final class ParameterScan {
    /** The grid step. */
    public static final double STEP = 0.05;
    /** Grid points on each side of the stated value. */
    public static final int STEPS = 60;

    private ParameterScan() {
    }

    /** One range per scannable parameter of the claim, from its runs. */
    public static List<ParameterRange> scan(Claim claim, List<Run> runs) {
        List<ParameterRange> out = new ArrayList<>();
        for (String name : claim.parameters()) {
            if (claim.from().symbols().contains(name) || claim.to().symbols().contains(name)
                    || !claim.rate().symbols().contains(name)) {
                continue;
            }
            double stated = claim.constants().get(name);
            double notMin = Double.NaN;
            double notMax = Double.NaN;
            double holdsMin = Double.NaN;
            double holdsMax = Double.NaN;
            boolean previous = false;
            int runsOfNotFails = 0;
            for (int k = -STEPS; k <= STEPS; k++) {
                double value = stated + k * STEP;
                Claim variant = claim.with(name, value);
                Verdict v = verdictAt(variant, runs);
                boolean notFails = v != Verdict.FAILS;
                if (notFails) {
                    notMin = Double.isNaN(notMin) ? value : notMin;
                    notMax = value;
                    if (!previous) {
                        runsOfNotFails++;
                    }
                }
                if (v == Verdict.HOLDS) {
                    holdsMin = Double.isNaN(holdsMin) ? value : holdsMin;
                    holdsMax = value;
                }
                previous = notFails;
            }
            out.add(new ParameterRange(name, stated, STEP, stated - STEPS * STEP, stated + STEPS * STEP, notMin, notMax,
                    runsOfNotFails <= 1, holdsMin, holdsMax));
        }
        return out;
    }

    /**
     * The verdict on the same runs under another value of a parameter; a value where the rate cannot be evaluated
     * (not a real number at some j) decides nothing there: those j are undecided, so it never HOLDS.
     */
    private static Verdict verdictAt(Claim variant, List<Run> runs) {
        // the rate depends on d, not on the seed: once per d
        Map<Integer, double[]> rates = new HashMap<>();
        List<Run> rerated = new ArrayList<>();
        for (Run r : runs) {
            double[] rate = rates.computeIfAbsent(r.d(), d -> {
                try {
                    return variant.rate().values("j", r.jFrom(), r.jTo(), ClaimChecker.names(variant, d));
                } catch (org.powerspec.InvalidInputException notReal) {
                    double[] none = new double[r.rangeEigenvalues().length];
                    java.util.Arrays.fill(none, Double.NaN);
                    return none;
                }
            });
            rerated.add(RunJudgement.rerate(variant, r, rate));
        }
        return ClaimChecker.verdictOf(variant, rerated);
    }
}
