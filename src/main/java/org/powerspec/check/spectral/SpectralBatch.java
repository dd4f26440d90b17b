package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Expectation;
import org.powerspec.check.core.Kind;
import org.powerspec.check.core.Outcome;
import org.powerspec.check.core.Statement;

/**
 * Spectral claims and controls decided together: the spectra of every (claim, d, seed) are computed on one parallel
 * sweep — the first statement of the batch to be decided runs it for all, through the context's memo — and each
 * statement then judges its own runs ({@link ClaimChecker#assess}). A claim must not FAIL; a control must not HOLD
 * (it may be undecided at the sizes a dense eigensolver reaches).
 */
public final class SpectralBatch {
    private final List<Claim> all;
    private final int claims;

    /** The claims, then the controls. */
    public SpectralBatch(List<Claim> claims, List<Claim> controls) {
        this.all = new ArrayList<>(claims);
        this.all.addAll(controls);
        this.claims = claims.size();
    }

    /** One statement per claim and control, in order. */
    public List<Statement> statements() {
        return IntStream.range(0, all.size()).<Statement>mapToObj(Member::new).toList();
    }

    private List<List<ClaimResult.Run>> runs(Context context) {
        return context.shared(this, () -> {
            long t0 = System.nanoTime();
            return ClaimSweep.run(all, ClaimSweep.tasks(all, ClaimSweep.Shard.ALL), context.workers(), f -> {
                if (f.run() == null || f.done() % 10 == 0 || f.done() == f.total()) {
                    context.log().accept(String.format(Locale.ROOT, "%d of %d (claim, d, seed) tasks (%.0f s)", f.done(),
                            f.total(), (System.nanoTime() - t0) / 1e9));
                }
            });
        });
    }

    private final class Member implements Statement {
        private final int index;

        Member(int index) {
            this.index = index;
        }

        @Override
        public String name() {
            return all.get(index).name();
        }

        @Override
        public Kind kind() {
            return index < claims ? Kind.CLAIM : Kind.CONTROL;
        }

        @Override
        public Expectation expected() {
            return index < claims ? Expectation.NOT_FAIL : Expectation.NOT_HOLD;
        }

        @Override
        public Outcome decide(Context context) {
            List<ClaimResult.Run> runs = runs(context).get(index);
            ClaimResult r = ClaimChecker.assess(all.get(index), runs, runs.stream().mapToDouble(ClaimResult.Run::seconds).sum());
            return Outcome.of(this, r.verdict(), ClaimResult.figures(r), r.evidence(), r.seconds(), r);
        }
    }
}
