package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.check.lemma.MonteCarloLemma.Comparison;
import org.powerspec.check.lemma.MonteCarloLemma.Row;
import org.powerspec.check.lemma.MonteCarloLemma;

/**
 * The closed-form-vs-Monte-Carlo lemma's table: per activation, the closed form (must pass) and its negative control
 * (must fail), each with the largest |z| over K's entries, where it occurred, and the Bonferroni threshold.
 */
public final class MonteCarloTable {
    private MonteCarloTable() {
    }

    public static Table table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            for (Comparison c : List.of(r.closedForm(), r.control())) {
                cells.add(List.of(String.valueOf(r.activation().degree()), r.activation().label(), c.kernel(),
                        String.format(Locale.ROOT, "%.2f", c.maxAbsZ()), "(" + c.a() + "," + c.b() + ")",
                        String.format(Locale.ROOT, "%.2f", c.threshold()), c.pass() ? "PASS" : "FAIL",
                        c.control() ? "FAIL" : "PASS", c.asExpected() ? "yes" : "NO"));
            }
        }
        return new Table(List.of("p", "activation", "kernel", "max_abs_z", "entry", "threshold", "result", "expected",
                "as_expected"), cells);
    }

    public static String render(List<Row> rows, MonteCarloLemma.Setup setup, Format format, String provenance) {
        return switch (format) {
            case CSV -> table(rows).csv();
            case JSON -> table(rows).json();
            case MARKDOWN -> table(rows).markdown();
            case TEXT -> "lemma closed-form-vs-monte-carlo: closed-form K = (1/d) E[f(u)f(v)] at G = W'HW against the\n"
                    + "empirical (1/d)(1/n) sum_i f(W'x_i) f(W'x_i)', x_i ~ N(0,H); z = (empirical - closed form)/standard error\n"
                    + "# " + provenance + "\n"
                    + String.format(Locale.ROOT, "# alpha = %s, d = %d, v = %d, seed = %d, n = %d samples; threshold = "
                            + "Bonferroni z for family-wise error %.0e over d(d+1)/2 entries%n", setup.alpha(), setup.d(),
                            setup.v(), setup.seed(), setup.samples(), MonteCarloLemma.FAMILY_ERROR)
                    + "\n" + table(rows).text() + "\n"
                    + rows.stream().filter(Row::holds).count() + " of " + rows.size()
                    + " activations: closed form within the error bars and the wrong kernel rejected: " + org.powerspec.check.lemma.MonteCarloLemma.verdict(rows) + "\n";
            default -> throw new IllegalArgumentException("lemma tables are not written as " + format.userName());
        };
    }
}
