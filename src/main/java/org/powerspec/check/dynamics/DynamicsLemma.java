package org.powerspec.check.dynamics;

import java.util.List;
import java.util.Locale;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Lemma;
import org.powerspec.check.core.Verdict;

/**
 * A lemma about the two-layer dynamics (Worschech &amp; Rosenow, arXiv:2410.09005; Saad &amp; Solla 1995): rows, each a
 * case that must pass or a negative control that must fail. It HOLDS when every case passes and every control fails.
 */
public abstract class DynamicsLemma extends Lemma<DynamicsLemma.Result> {

    /**
     * @param lemma   lemma name
     * @param item    what this row checks
     * @param control true for a negative control (it must fail)
     * @param pass    whether the statement of this row is true
     * @param detail  the numbers behind it
     */
    public record Row(String lemma, String item, boolean control, boolean pass, String detail) {
        /** A claim row is fine when it passes, a control row when it fails. */
        public boolean asExpected() {
            return control != pass;
        }
    }

    /** The rows of one run of a dynamics lemma. */
    public record Result(String lemma, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    protected DynamicsLemma(String name) {
        super("dynamics " + name, "");
    }

    /** The lemma's own name (without "dynamics "). */
    public String lemma() {
        return name().substring("dynamics ".length());
    }

    /** Computes every row. */
    protected abstract List<Row> rows();

    /** {@code String.format} in the root locale, for the rows' numbers. */
    protected static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A row of this lemma. */
    protected Row row(String item, boolean control, boolean pass, String detail) {
        return new Row(lemma(), item, control, pass, detail);
    }

    @Override
    protected Result compute(Context context) {
        // no fraction is known inside a lemma: NaN says "running" (a progress line then gives the elapsed time only)
        context.progress().update("lemma " + lemma(), Double.NaN);
        return new Result(lemma(), rows());
    }

    @Override
    protected Verdict verdict(Result r) {
        return DynamicsLemmas.holds(r.rows()) ? Verdict.HOLDS : Verdict.FAILS;
    }

    @Override
    protected String figures(Result r) {
        List<Row> rows = r.rows();
        long claims = rows.stream().filter(x -> !x.control()).count();
        return String.format(Locale.ROOT, "%d of %d claims pass, %d of %d controls rejected",
                rows.stream().filter(x -> !x.control() && x.pass()).count(), claims,
                rows.stream().filter(x -> x.control() && !x.pass()).count(), rows.size() - claims);
    }
}
