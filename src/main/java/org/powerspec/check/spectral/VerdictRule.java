package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.powerspec.check.core.Verdict;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult.Violation;

/**
 * A spectral claim's verdict from its runs and drifts: FAILS with a witness when some r_j is certified outside a
 * constant (the worst one is named) or a drift is present; INCONCLUSIVE with the reason when some j of a range is
 * undecided, the range is too short at every d, fewer than two sizes are usable, or a drift is undecided or runs toward
 * its constant; HOLDS otherwise; with the tally "n of m j used over R runs".
 */
final class VerdictRule {
    private VerdictRule() {
    }

    /** "n of m j used over R runs": how much of the claim's ranges decided, over every (d, seed). */
    public static String tally(List<Run> runs) {
        long n = runs.stream().mapToLong(Run::used).sum();
        long m = runs.stream().mapToLong(Run::rangeSize).sum();
        return String.format(Locale.ROOT, "%d of %d j used over %d run%s", n, m, runs.size(), runs.size() == 1 ? "" : "s");
    }

    /**
     * Why some j of the range decide nothing, per d (seeds summed): how many lie under the error floor with a bound
     * that decides nothing, how many are measured with an error interval across a constant, and how many have no
     * rate; and what would measure them.
     */
    static String undecidedReason(Claim claim, List<Run> runs) {
        StringBuilder s = new StringBuilder();
        long floor = 0;
        long straddle = 0;
        for (int d : runs.stream().map(Run::d).distinct().sorted().toList()) {
            List<Run> at = runs.stream().filter(r -> r.d() == d).toList();
            long u = at.stream().mapToLong(Run::underFloor).sum();
            long st = at.stream().mapToLong(Run::straddling).sum();
            long nr = at.stream().mapToLong(Run::noRate).sum();
            long past = at.stream().mapToLong(Run::beyondD).sum();
            long m = at.stream().mapToLong(Run::rangeSize).sum();
            floor += u;
            straddle += st;
            if (u + st + nr + past == 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (u > 0) {
                parts.add(u + " under the error floor");
            }
            if (st > 0) {
                parts.add(st + " measured within their error of a constant");
            }
            if (past > 0) {
                parts.add(past + " beyond d (K has only d eigenvalues)");
            }
            if (nr > 0) {
                parts.add(nr + " without a positive finite rate" + (claim.oracle() ? " (the oracle predicts fewer "
                        + "eigenvalues)" : ""));
            }
            s.append(String.format(Locale.ROOT, "%s at d = %d, of %d j%s: %s", s.length() == 0 ? "" : ";", d, m,
                    at.size() > 1 ? " (" + at.size() + " seeds)" : "", String.join(", ", parts)));
        }
        String hint;
        if (floor + straddle == 0) {
            hint = "";
        } else if (claim.precision() == org.powerspec.numeric.Precision.DOUBLE) {
            hint = "; precision: high would measure them (double-double: error floor about (9d + F)·2^-104·lambda_max "
                    + "instead of (d + F)·2^-53·lambda_max, F = p·v + 2p + terms, at about 5-15 times the time of "
                    + "double: ~3.5 s against 0.7 s at d = 1024, ~85 s against 6 s at d = 4096)";
        } else {
            hint = "; they lie under even double-double's error floor ((9d + F)·2^-104·lambda_max), so no precision "
                    + "powerspec has can decide them at these sizes";
        }
        return "not every j of the range can be decided, and a claim holds only where every j is measured or certified "
                + "by its bound:" + s + hint;
    }

    static Judgement verdict(Claim claim, List<Run> runs, List<Drift> drifts) {
        String tally = " [" + tally(runs) + "]";
        List<Run> usable = runs.stream().filter(r -> r.used() >= ClaimChecker.MIN_POINTS).toList();
        Violation worst = runs.stream().flatMap(r -> r.violations().stream())
                .max(Comparator.comparingDouble(Violation::factor)).orElse(null);
        if (worst != null) {
            long count = runs.stream().mapToLong(r -> r.violations().size()).sum();
            return new Judgement(Verdict.FAILS, String.format(Locale.ROOT,
                    "at d = %d, seed = %d, j = %d the ratio r_j = %.4g breaks the %s constant %s (by a factor %.3g, "
                            + "beyond its error bound; %d violations in all)", worst.d(), worst.seed(), worst.j(),
                    worst.ratio(), worst.constant(), worst.bound(), worst.factor(), count) + tally);
        }
        if (usable.isEmpty()) {
            StringBuilder why = new StringBuilder("the range is empty or holds fewer than " + ClaimChecker.MIN_POINTS
                    + " j that decide at every d:");
            for (int d : claim.ds()) {
                List<Run> at = runs.stream().filter(x -> x.d() == d).toList();
                if (at.isEmpty()) {
                    continue;
                }
                Run r = at.get(0);
                why.append(String.format(Locale.ROOT, " d = %d: j from %.3g to %.3g, %d of %d used%s;", d, r.rangeFrom(),
                        r.rangeTo(), r.used(), r.rangeSize(), r.underFloor() > 0 ? " (" + r.underFloor()
                                + " under the error floor)" : ""));
            }
            return new Judgement(Verdict.INCONCLUSIVE, why.substring(0, why.length() - 1) + tally);
        }
        for (Drift dr : drifts) {
            if (dr.status() == DriftStatus.PRESENT) {
                return new Judgement(Verdict.FAILS, String.format(Locale.ROOT,
                        "%s drifts with d: log-log slope %.3f, 95%% interval [%.3f, %.3f], beyond the tolerance %.2g — "
                                + "the %s constant is not a constant", dr.of(), dr.slope(), dr.lo(), dr.hi(),
                        claim.driftTolerance(), dr.constant()) + tally);
            }
        }
        if (runs.stream().anyMatch(r -> r.undecided() > 0)) {
            return new Judgement(Verdict.INCONCLUSIVE, undecidedReason(claim, runs) + tally);
        }
        long distinctD = usable.stream().map(Run::d).distinct().count();
        if (distinctD < 2) {
            return new Judgement(Verdict.INCONCLUSIVE, "every ratio is inside the constants, but only d = " + usable.get(0).d()
                    + " has a usable range, so whether the constants drift with d cannot be assessed" + tally);
        }
        for (Drift dr : drifts) {
            if (dr.status() == DriftStatus.UNDECIDED) {
                return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                        "every ratio is inside the constants, but the drift of %s is undecided: slope %.3f, 95%% interval "
                                + "[%.3f, %.3f] against the tolerance %.2g (more d or seeds would decide it)%s",
                        dr.of(), dr.slope(), dr.lo(), dr.hi(), claim.driftTolerance(), DriftTest.convergenceText(dr)) + tally);
            }
        }
        for (Drift dr : drifts) {
            if (dr.status() == DriftStatus.TOWARD) {
                return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                        "every ratio is inside the constants, but %s drifts toward the %s constant: slope %.3f, 95%% "
                                + "interval [%.3f, %.3f], within the tolerance %.2g yet not zero, so the constant may be "
                                + "crossed at larger d%s", dr.of(), dr.constant(), dr.slope(), dr.lo(), dr.hi(),
                        claim.driftTolerance(), DriftTest.convergenceText(dr)) + tally);
            }
        }
        double min = usable.stream().mapToDouble(Run::minRatio).min().orElseThrow();
        double max = usable.stream().mapToDouble(Run::maxRatio).max().orElseThrow();
        boolean onlyBounds = usable.stream().allMatch(r -> r.measured() == 0);
        for (Drift dr : drifts) {
            if (dr.status() == DriftStatus.NOT_ASSESSED) {
                if (onlyBounds) {
                    return new Judgement(Verdict.HOLDS, String.format(Locale.ROOT, "every eigenvalue of the range is below its "
                            + "error bound, and every certified bound r_j <= (|lambda_j| + b_j)/rate(j) <= %.4g is within "
                            + "[%s, %s] over %d runs; there is no measured ratio whose drift could be assessed", max,
                            claim.lower() == null ? "-" : claim.lower(), claim.upper() == null ? "-" : claim.upper(),
                            usable.size()) + tally);
                }
                return new Judgement(Verdict.INCONCLUSIVE, "every ratio is inside the constants, but fewer than " + ClaimChecker.MIN_POINTS
                        + " ratios per run are measured (the rest are eigenvalues under their error bounds), so the "
                        + "drift of " + dr.of() + " cannot be assessed" + tally);
            }
        }
        return new Judgement(Verdict.HOLDS, String.format(Locale.ROOT,
                "every ratio in [%.4g, %.4g] within [%s, %s] over %d runs, no drift beyond %.2g per decade of d", min, max,
                claim.lower() == null ? "-" : claim.lower(), claim.upper() == null ? "-" : claim.upper(), usable.size(),
                claim.driftTolerance()) + tally);
    }
}
