package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powerspec.check.dynamics.DynamicsLemma;
import org.powerspec.dynamics.FiniteSizeComparison;
import org.powerspec.dynamics.Plateau;
import org.powerspec.dynamics.PlateauStudy;

/**
 * Tables of the dynamics commands: text (with the parameters and a verdict line), CSV and Markdown (the table
 * only), JSON (parameters, rows and verdict). Every number has 12 significant digits; no timings, so outputs are
 * deterministic.
 */
public final class DynamicsTables {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DynamicsTables() {
    }

    /** Renders {@code table} with its parameters and summary lines in the given format. */
    public static String render(Table table, Format format, String provenance, Map<String, Object> parameters,
            Map<String, Object> summary) {
        return switch (format) {
            case CSV -> table.csv();
            case MARKDOWN -> table.markdown();
            case JSON -> {
                ObjectNode root = JSON.createObjectNode();
                root.put("command", provenance);
                ObjectNode p = root.putObject("parameters");
                parameters.forEach(p::putPOJO);
                try {
                    root.set("rows", JSON.readTree(table.json()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                summary.forEach(root::putPOJO);
                try {
                    yield JSON.writeValueAsString(root) + "\n";
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> {
                StringBuilder s = new StringBuilder("# ").append(provenance).append('\n');
                parameters.forEach((k, v) -> {
                    if (!k.equals("eigenvalues")) {
                        s.append("# ").append(k).append(" = ").append(v).append('\n');
                    }
                });
                s.append(table.text());
                summary.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
                yield s.toString();
            }
        };
    }

    public static String comparison(FiniteSizeComparison c, Format format, String provenance, Map<String, Object> parameters) {
        List<List<String>> rows = new ArrayList<>();
        for (FiniteSizeComparison.Row r : c.rows()) {
            int last = r.ode().eg().length - 1;
            rows.add(List.of(String.valueOf(r.n()), LearningCurveReport.num(r.ode().eg()[last]),
                    LearningCurveReport.num(r.simulation().eg()[last]), LearningCurveReport.num(r.maxGap()),
                    LearningCurveReport.num(r.maxRelGap())));
        }
        Table t = new Table(List.of("N", "eg_ode_final", "eg_sgd_final", "max_gap", "max_rel_gap"), rows);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("gap_exponent_in_N", LearningCurveReport.num(c.gapExponent()) + " (fluctuations predict -0.5)");
        summary.put("verdict", c.rows().size() < 2 ? "none: one N, no trend to judge (give several --N)"
                : c.gapShrinks() ? "HOLDS: the gap shrinks as N grows" : "FAILS: the gap does not shrink with N");
        return render(t, format, provenance, parameters, summary);
    }

    public static String plateau(PlateauStudy study, Format format, String provenance, Map<String, Object> parameters) {
        List<List<String>> rows = new ArrayList<>();
        for (PlateauStudy.Row r : study.rows()) {
            Plateau p = r.plateau();
            String model = Double.isNaN(p.rate()) ? "-" : p.exponentialWins() ? "exponential" : "power law";
            rows.add(List.of(String.valueOf(r.K()), String.valueOf(r.L()), LearningCurveReport.num(r.epsStar()),
                    LearningCurveReport.num(r.epsEta()), LearningCurveReport.num(p.height()), LearningCurveReport.num(p.entry()), LearningCurveReport.num(p.escape()),
                    LearningCurveReport.num(p.length()), LearningCurveReport.num(p.rate()), LearningCurveReport.num(p.rateR2()),
                    LearningCurveReport.num(p.exponent()), LearningCurveReport.num(p.exponentR2()), model, String.valueOf(r.seed()),
                    LearningCurveReport.num(r.fixed().height()), LearningCurveReport.num(r.fixed().escapeRate()),
                    LearningCurveReport.num(r.lengthTimesRate())));
        }
        Table t = new Table(List.of("K", "L", "eps_star", "eps_star_eta", "plateau_height", "entry", "escape", "plateau_length",
                "tail_rate", "tail_rate_R2", "tail_exponent", "tail_exponent_R2", "tail_model", "seed", "band_centre",
                "escape_rate", "length_x_escape_rate"), rows);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("fit_plateau_length", lawText(study.lengthFit(), study.seeds().size()));
        summary.put("fit_escape_time", lawText(study.escapeFit(), study.seeds().size()));
        summary.put("fit_inverse_escape_rate", lawText(study.rateFit(), study.seeds().size()));
        List<String> vanished = new ArrayList<>();
        for (PlateauStudy.Cell c : study.cells()) {
            if (!c.usable()) {
                vanished.add("K = " + c.K() + ", L = " + c.L() + ": " + c.why());
            }
        }
        summary.put("not_fitted", vanished.isEmpty() ? "none" : String.join("; ", vanished));
        summary.put("paper", "plateau width ~ M^2/L (outputs scaled by 1/sqrt M), escape time ~ 1/L (Worschech & Rosenow,"
                + " arXiv:2410.09005, as quoted by the reviewers); unscaled outputs: ~ K/L");
        return render(t, format, provenance, parameters, summary);
    }

    /** "y = C K^a L^-b: a = 1.13 [1.05, 1.21], b = 0.85 [0.80, 0.90] (3 seeds, 95 %), R^2 = 0.99 over 12 cells". */
    public static String lawText(PlateauStudy.Law f, int seeds) {
        if (!f.fitted()) {
            return f.note();
        }
        StringBuilder s = new StringBuilder("y = C");
        if (!Double.isNaN(f.a())) {
            s.append(" K^a");
        }
        if (!Double.isNaN(f.b())) {
            s.append(" L^-b");
        }
        s.append(":");
        if (!Double.isNaN(f.a())) {
            s.append(" a = ").append(LearningCurveReport.num(f.a())).append(interval(f.aLo(), f.aHi()));
        }
        if (!Double.isNaN(f.b())) {
            s.append(Double.isNaN(f.a()) ? "" : ",").append(" b = ").append(LearningCurveReport.num(f.b())).append(interval(f.bLo(), f.bHi()));
        }
        return s.append(" (").append(seeds).append(seeds == 1 ? " seed: no interval" : " seeds, 95 % over seeds").append("), C = ")
                .append(LearningCurveReport.num(Math.exp(f.logC()))).append(", R^2 = ").append(LearningCurveReport.num(f.r2()))
                .append(" over ").append(f.points()).append(" cells").toString();
    }

    private static String interval(double lo, double hi) {
        return Double.isInfinite(lo) ? "" : " [" + LearningCurveReport.num(lo) + ", " + LearningCurveReport.num(hi) + "]";
    }

    /** One row per claim and control: PASS/FAIL of its statement, and whether that is what was expected. */
    public static String lemmas(List<DynamicsLemma.Row> rows, boolean ok, Format format, String provenance,
            Map<String, Object> parameters) {
        List<List<String>> cells = new ArrayList<>();
        for (DynamicsLemma.Row r : rows) {
            cells.add(List.of(r.lemma(), r.item(), r.control() ? "control" : "claim", r.pass() ? "PASS" : "FAIL",
                    r.asExpected() ? "yes" : "NO", r.detail()));
        }
        Table t = new Table(List.of("lemma", "item", "kind", "result", "as_expected", "detail"), cells);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("verdict", ok ? "HOLDS: every claim passes and every control is rejected"
                : "FAILS: a claim fails or a control is not rejected");
        return render(t, format, provenance, parameters, summary);
    }
}
