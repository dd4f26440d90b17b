package org.powerspec.check.core;

/**
 * A lemma as a statement: an identity or inequality the project rests on, checked on a fixed set of cases together
 * with negative controls it must reject; it HOLDS when every case passes and every control is rejected.
 * Subclasses compute their rows ({@link #compute}) and judge them ({@link #verdict}).
 *
 * @param <D> the lemma's detail: its rows, as one record the report layer renders
 */
public abstract class Lemma<D> implements Statement {
    private final String name;
    private final String figures;

    /**
     * @param name    the lemma's name in verdict tables
     * @param figures the key figures line (what is checked, at which sizes)
     */
    protected Lemma(String name, String figures) {
        this.name = name;
        this.figures = figures;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Kind kind() {
        return Kind.LEMMA;
    }

    @Override
    public final Expectation expected() {
        return Expectation.HOLD;
    }

    /** Checks every case and control. */
    protected abstract D compute(Context context);

    /** HOLDS when every case passes and every control is rejected, else FAILS. */
    protected abstract Verdict verdict(D detail);

    /** The key figures; by default the line given at construction. */
    protected String figures(D detail) {
        return figures;
    }

    @Override
    public final Outcome decide(Context context) {
        long t0 = System.nanoTime();
        D detail = compute(context);
        Verdict v = verdict(detail);
        Outcome o = Outcome.of(this, v, figures(detail), v == Verdict.HOLDS ? "every case holds, every control is rejected"
                : "a case fails or a control is not rejected", (System.nanoTime() - t0) / 1e9, detail);
        context.log().accept(name + " " + v);
        return o;
    }
}
