package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powerspec.check.Verification;
import org.powerspec.check.core.Outcome;
import org.powerspec.check.dynamics.DynamicsClaimResult;
import org.powerspec.check.dynamics.DynamicsLemma;
import org.powerspec.check.dynamics.DynamicsLemmas;
import org.powerspec.check.lemma.CountingProductsLemma;
import org.powerspec.check.lemma.HermiteExpansionLemma;
import org.powerspec.check.lemma.MonteCarloLemma;
import org.powerspec.check.spectral.ClaimResult;

/**
 * The output of {@code verify}: the summary table (one row per statement: name, kind, verdict, key figures, seconds,
 * what the verdict means for it) and the overall line, then the evidence, one section per kind of detail — each
 * section renders the details of its kind, in the order decided — as text or Markdown.
 */
public final class VerificationReport {
    private VerificationReport() {
    }

    /**
     * One section of the evidence: a heading and how to render the details of one type.
     *
     * @param <T> the detail type
     */
    private record Section<T>(String heading, Class<T> type, Renderer<T> renderer) {
        String render(Verification v, Format part, String provenance) {
            List<T> details = v.outcomes().stream().map(o -> o.detail(type)).filter(java.util.Objects::nonNull).toList();
            return renderer.render(details, part, provenance);
        }
    }

    @FunctionalInterface
    private interface Renderer<T> {
        String render(List<T> details, Format part, String provenance);
    }

    /** The sections, in the order verify prints them; a new kind of statement adds its own here. */
    private static final List<Section<?>> SECTIONS = List.of(
            new Section<>("hermite-expansion", HermiteExpansionLemma.Result.class, (ds, part, prov) ->
                    LemmaTable.render(ds.stream().flatMap(d -> d.rows().stream()).toList(), part, prov)),
            new Section<>("closed-form-vs-monte-carlo", MonteCarloLemma.Result.class, (ds, part, prov) ->
                    ds.isEmpty() ? "" : MonteCarloTable.render(ds.stream().flatMap(d -> d.rows().stream()).toList(),
                            ds.get(0).setup(), part, prov)),
            new Section<>("claims and controls", ClaimResult.class, ClaimReport::render),
            new Section<>("counting-products", CountingProductsLemma.Result.class, (ds, part, prov) ->
                    CountingProductsTable.render(ds.stream().flatMap(d -> d.rows().stream()).toList(), part, prov)),
            new Section<>("dynamics lemmas", DynamicsLemma.Result.class, (ds, part, prov) -> {
                List<DynamicsLemma.Row> rows = ds.stream().flatMap(d -> d.rows().stream()).toList();
                return DynamicsTables.lemmas(rows, DynamicsLemmas.holds(rows), part, prov, Map.of());
            }),
            new Section<>("dynamics claims and controls", DynamicsClaimResult.class, DynamicsClaimReport::render));

    public static String render(Verification v, Format fmt, String provenance) {
        List<List<String>> rows = new ArrayList<>();
        for (Outcome o : v.outcomes()) {
            rows.add(List.of(o.name(), o.kind().userName(), o.verdict().name(), o.figures(),
                    Timings.cell("%.1f", o.seconds()), o.meaning()));
        }
        Table summary = new Table(List.of("statement", "kind", "verdict", "key figures", "s", "outcome"), rows);
        boolean md = fmt == Format.MARKDOWN;
        Format part = md ? Format.MARKDOWN : Format.TEXT;
        String overall = v.ok() ? "every lemma holds, no claim fails, no control holds"
                : "something failed (see the outcome column)";
        StringBuilder s = new StringBuilder();
        s.append(md ? "# powerspec verify\n\n`" + provenance + "`\n\n" + summary.markdown() + "\n**" + overall + "**\n"
                : "powerspec verify\n# " + provenance + "\n\n" + leftAligned(summary) + "\n" + overall + "\n");
        for (Section<?> section : SECTIONS) {
            s.append(md ? "\n## " + section.heading() + "\n\n" : "\n").append(section.render(v, part, provenance));
        }
        return s.toString();
    }

    /** The summary with its text columns left-aligned, for reading. */
    static String leftAligned(Table t) {
        int[] w = new int[t.header().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (List<String> r : all) {
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (List<String> r : all) {
            for (int c = 0; c < w.length; c++) {
                s.append(c == 0 ? "" : "  ").append(r.get(c)).append(" ".repeat(w[c] - r.get(c).length()));
            }
            s.append('\n');
        }
        return s.toString().replaceAll(" +\n", "\n");
    }
}
