package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.check.lemma.HermiteExpansionLemma.PartResult;
import org.powerspec.check.lemma.HermiteExpansionLemma.Row;
import org.powerspec.check.lemma.HermiteExpansionLemma;

/**
 * The PASS/FAIL table of the Hermite/Wick expansion lemma: one row per activation, one column per part (a)–(d).
 * Text shows the parts' statements, the table, the details of every failing part and one verdict line; CSV, JSON
 * and Markdown carry every part's exact detail. CSV header: {@code p,activation,a,b,c,d,result,detail_a,…,detail_d}.
 */
public final class LemmaTable {
    private LemmaTable() {
    }

    public static Table table(List<Row> rows, boolean withDetails) {
        List<String> header = new ArrayList<>(List.of("p", "activation", "a", "b", "c", "d", "result"));
        if (withDetails) {
            header.addAll(List.of("detail_a", "detail_b", "detail_c", "detail_d"));
        }
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>(List.of(String.valueOf(r.degree()), r.activation()));
            r.parts().forEach(p -> line.add(p.pass() ? "PASS" : "FAIL"));
            line.add(r.passes() ? "PASS" : "FAIL");
            if (withDetails) {
                r.parts().forEach(p -> line.add(p.detail()));
            }
            cells.add(line);
        }
        return new Table(header, cells);
    }

    public static String render(List<Row> rows, Format format, String provenance) {
        return switch (format) {
            case CSV -> table(rows, true).csv();
            case JSON -> table(rows, true).json();
            case MARKDOWN -> table(rows, true).markdown();
            case TEXT -> text(rows, provenance);
            default -> throw new IllegalArgumentException("lemma tables are not written as " + format.userName());
        };
    }

    private static String text(List<Row> rows, String provenance) {
        StringBuilder s = new StringBuilder();
        s.append("lemma hermite-expansion: f = sum_k c_k He_k, z ~ N(0,1); (u,v) Gaussian, Var u = sa^2, Var v = sb^2, Cov = c\n");
        s.append("# ").append(provenance).append('\n');
        for (HermiteExpansionLemma.Part p : HermiteExpansionLemma.Part.values()) {
            s.append("  ").append(p.label()).append(' ').append(p.statement()).append('\n');
        }
        s.append('\n').append(table(rows, false).text());
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            for (PartResult p : r.parts()) {
                if (!p.pass()) {
                    failures.add("  " + r.activation() + " " + p.part().label() + ": " + p.detail());
                }
            }
        }
        if (!failures.isEmpty()) {
            s.append("\nfailing parts:\n").append(String.join("\n", failures)).append('\n');
        }
        long passed = rows.stream().filter(Row::passes).count();
        s.append('\n').append(passed).append(" of ").append(rows.size()).append(" rows pass: ")
                .append(HermiteExpansionLemma.verdict(rows)).append('\n');
        return s.toString();
    }
}
