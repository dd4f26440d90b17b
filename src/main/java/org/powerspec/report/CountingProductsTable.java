package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.check.lemma.CountingProductsLemma.Row;
import org.powerspec.check.lemma.CountingProductsLemma;

/**
 * The counting-products lemma's table: per (k, N) the exact count D_k(N), the Piltz main term, the error, the allowed
 * error and their ratio, the multiset counts (oracle enumeration vs Burnside), PASS/FAIL, and whether that is the
 * expected outcome (controls must FAIL).
 */
public final class CountingProductsTable {
    private CountingProductsTable() {
    }

    public static Table table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(String.valueOf(r.k()), String.valueOf(r.n()), r.polynomial().label(),
                    String.valueOf(r.tuples()), String.format(Locale.ROOT, "%.1f", r.mainTerm()),
                    String.format(Locale.ROOT, "%.1f", r.error()), String.format(Locale.ROOT, "%.1f", r.allowed()),
                    String.format(Locale.ROOT, "%.3f", Math.abs(r.error()) / r.allowed()),
                    r.multisets() < 0 ? "-" : String.valueOf(r.multisets()),
                    r.multisetsBurnside() < 0 ? "-" : String.valueOf(r.multisetsBurnside()),
                    r.pass() ? "PASS" : "FAIL", r.control() ? "FAIL" : "PASS", r.asExpected() ? "yes" : "NO"));
        }
        return new Table(List.of("k", "N", "polynomial", "D_k(N)", "N*P(log N)", "error", "allowed", "error/allowed",
                "multisets_enumerated", "multisets_burnside", "result", "expected", "as_expected"), cells);
    }

    public static String render(List<Row> rows, Format format, String provenance) {
        return switch (format) {
            case CSV -> table(rows).csv();
            case JSON -> table(rows).json();
            case MARKDOWN -> table(rows).markdown();
            case TEXT -> text(rows, provenance);
            default -> throw new IllegalArgumentException("lemma tables are not written as " + format.userName());
        };
    }

    private static String text(List<Row> rows, String provenance) {
        StringBuilder s = new StringBuilder();
        s.append("lemma counting-products: D_k(N) = #{(i1..ik): i1*...*ik <= N} = N*P_{k-1}(log N) + Delta_k(N) (Piltz)\n");
        s.append("# ").append(provenance).append('\n');
        rows.stream().map(Row::k).distinct().forEach(k -> s.append(String.format(Locale.ROOT,
                "#   k = %d: P_%d(L) = %s; PASS: |Delta| <= %s  [%s]%n", k, k - 1,
                org.powerspec.symbolic.PiltzPolynomial.of(k).formula(), CountingProductsLemma.bound(k).describe(),
                CountingProductsLemma.bound(k).source())));
        s.append("#   multisets {i1<=...<=ik} with product <= N: the oracle's lazy enumeration against Burnside's formula\n");
        s.append("#   controls (must FAIL): the constant term + 1; for k >= 3, P computed without gamma_1\n\n");
        s.append(table(rows).text());
        long ok = rows.stream().filter(Row::asExpected).count();
        s.append('\n').append(ok).append(" of ").append(rows.size()).append(" rows as expected: ")
                .append(CountingProductsLemma.verdict(rows)).append('\n');
        return s.toString();
    }
}
