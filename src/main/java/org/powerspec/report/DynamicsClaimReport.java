package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimResult;

/** Checks of dynamics claims as text, Markdown or JSON: the claim, its parameters, the numbers, the verdict and why. */
public final class DynamicsClaimReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int TEXT_ROWS = 13;

    private DynamicsClaimReport() {
    }

    public static String render(List<DynamicsClaimResult> results, Format format, String provenance) {
        return switch (format) {
            case TEXT -> text(results, provenance, false);
            case MARKDOWN -> text(results, provenance, true);
            case JSON -> json(results, provenance);
            default -> throw new IllegalArgumentException("dynamics claims are not reported as " + format.userName());
        };
    }

    private static String text(List<DynamicsClaimResult> results, String provenance, boolean md) {
        StringBuilder s = new StringBuilder(md ? "`" + provenance + "`\n" : "# " + provenance + "\n");
        for (DynamicsClaimResult r : results) {
            DynamicsClaim c = r.claim();
            ClaimReport.heading(s, md, c.name(), c.file() + ", " + c.kind(), c.statement(), "`" + c.kind() + "`: " + c.describe(),
                    c.describe());
            if (!r.rows().isEmpty()) {
                List<List<String>> all = r.rows().stream().map(DynamicsClaimReport::cells).toList();
                List<List<String>> shown = md ? all : thinned(all);
                s.append(md ? new Table(r.header(), shown).markdown() : new Table(r.header(), shown).text());
                if (shown.size() < r.rows().size()) {
                    s.append(String.format(Locale.ROOT, "  (%d of %d points shown; --format json or markdown for all)%n",
                            shown.size(), r.rows().size()));
                }
                s.append('\n');
            }
            s.append(md ? "- " : "  ").append(r.figures()).append('\n');
            s.append(md ? "\n**" + r.verdict() + "**: " : "verdict: " + r.verdict() + " — ").append(r.evidence())
                    .append(Timings.suffix(r.seconds())).append('\n');
        }
        return s.toString();
    }

    /** A row's numbers as cells: whole numbers as integers, others to 6 significant digits, NaN as empty. */
    private static List<String> cells(double[] row) {
        List<String> out = new java.util.ArrayList<>();
        for (double v : row) {
            out.add(Double.isNaN(v) ? "" : v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                    : String.format(Locale.ROOT, "%.6g", v));
        }
        return out;
    }

    /** At most {@value #TEXT_ROWS} rows, evenly spaced, the first and the last always among them. */
    private static List<List<String>> thinned(List<List<String>> rows) {
        if (rows.size() <= TEXT_ROWS) {
            return rows;
        }
        List<List<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < TEXT_ROWS; i++) {
            out.add(rows.get((int) Math.round(i * (rows.size() - 1.0) / (TEXT_ROWS - 1))));
        }
        return out;
    }

    private static String json(List<DynamicsClaimResult> results, String provenance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", provenance);
        ArrayNode claims = root.putArray("claims");
        for (DynamicsClaimResult r : results) {
            DynamicsClaim c = r.claim();
            ObjectNode o = claims.addObject();
            o.put("name", c.name());
            o.put("file", c.file().toString());
            o.put("claim", c.kind());
            o.put("statement", c.statement());
            o.put("parameters", c.describe());
            o.put("verdict", r.verdict().name());
            o.put("figures", r.figures());
            o.put("evidence", r.evidence());
            if (Timings.shown()) {
                o.put("seconds", r.seconds());
            }
            ArrayNode rows = o.putArray("points");
            for (double[] row : r.rows()) {
                ObjectNode x = rows.addObject();
                for (int i = 0; i < row.length; i++) {
                    if (Double.isFinite(row[i])) {
                        x.put(r.header().get(i), row[i]);
                    } else {
                        x.putNull(r.header().get(i));
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
