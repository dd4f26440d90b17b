package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powerspec.check.Verification;
import org.powerspec.check.dynamics.DynamicsLemmas;
import org.powerspec.check.lemma.MonteCarloLemma;

/** The output of {@code verify}: the summary table and the overall line, then each part's evidence, as text or Markdown. */
public final class VerificationReport {
    private VerificationReport() {
    }

    public static String render(Verification v, MonteCarloLemma.Setup setup, Format fmt, String provenance) {
        List<List<String>> rows = new ArrayList<>();
        for (Verification.Entry e : v.entries()) {
            rows.add(List.of(e.statement(), e.kind(), e.verdict().name(), e.figures(),
                    Timings.cell("%.1f", e.seconds()), e.outcome()));
        }
        Table summary = new Table(List.of("statement", "kind", "verdict", "key figures", "s", "outcome"), rows);
        boolean md = fmt == Format.MARKDOWN;
        Format part = md ? Format.MARKDOWN : Format.TEXT;
        String overall = v.ok() ? "every lemma holds, no claim fails, no control holds"
                : "something failed (see the outcome column)";
        StringBuilder s = new StringBuilder();
        s.append(md ? "# powerspec verify\n\n`" + provenance + "`\n\n" + summary.markdown() + "\n**" + overall + "**\n"
                : "powerspec verify\n# " + provenance + "\n\n" + leftAligned(summary) + "\n" + overall + "\n");
        s.append(md ? "\n## hermite-expansion\n\n" : "\n").append(LemmaTable.render(v.hermite(), part, provenance));
        s.append(md ? "\n## closed-form-vs-monte-carlo\n\n" : "\n").append(MonteCarloTable.render(v.monteCarlo(), setup, part,
                provenance));
        s.append(md ? "\n## claims and controls\n\n" : "\n").append(ClaimReport.render(v.spectral(), part, provenance));
        s.append(md ? "\n## counting-products\n\n" : "\n").append(CountingProductsTable.render(v.counting(), part, provenance));
        s.append(md ? "\n## dynamics lemmas\n\n" : "\n").append(DynamicsTables.lemmas(v.dynamicsLemmas(),
                DynamicsLemmas.holds(v.dynamicsLemmas()), part, provenance, Map.of()));
        s.append(md ? "\n## dynamics claims and controls\n\n" : "\n").append(DynamicsClaimReport.render(v.dynamicsClaims(), part,
                provenance));
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
