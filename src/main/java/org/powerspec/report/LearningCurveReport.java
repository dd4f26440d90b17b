package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.powerspec.dynamics.LearningCurve;

/**
 * A learning curve as CSV (first line exactly {@code time,eg}, then any order-parameter columns; no comment lines, so
 * the parameters go to stderr or to the JSON form) or as JSON with every parameter it depends on. Neither contains
 * timings, so the output is a deterministic function of the parameters and the seed.
 */
public final class LearningCurveReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LearningCurveReport() {
    }

    /** A number as written in every dynamics output: 12 significant digits. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.12g", v);
    }

    public static String csv(LearningCurve c) {
        StringBuilder s = new StringBuilder("time,eg");
        for (String n : c.columnNames()) {
            s.append(',').append(n);
        }
        s.append('\n');
        for (int i = 0; i < c.times().length; i++) {
            s.append(num(c.times()[i])).append(',').append(num(c.eg()[i]));
            for (double v : c.columns()[i]) {
                s.append(',').append(num(v));
            }
            s.append('\n');
        }
        return s.toString();
    }

    public static String json(LearningCurve c, Map<String, Object> parameters, String provenance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", provenance);
        ObjectNode p = root.putObject("parameters");
        parameters.forEach((k, v) -> p.putPOJO(k, v));
        root.put("method", c.method());
        root.put("steps", c.steps());
        root.put("evaluations", c.evaluations());
        ArrayNode rows = root.putArray("curve");
        for (int i = 0; i < c.times().length; i++) {
            ObjectNode r = rows.addObject();
            r.put("time", c.times()[i]);
            r.put("eg", c.eg()[i]);
            for (int j = 0; j < c.columnNames().size(); j++) {
                r.put(c.columnNames().get(j), c.columns()[i][j]);
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Draws ε_g(α) log–log for each named curve, from its first time α &gt; 0 (α = 0, the initial state, has no place on
     * a log axis); values of ε_g ≤ 0 (an integration floor) are marked on the axis floor and counted, non-finite ones
     * left out and counted ({@link LogLogPlot}).
     */
    public static LogLogPlot plot(String title, Map<String, LearningCurve> curves) {
        LogLogPlot p = new LogLogPlot(title, "alpha (SGD steps / N)", "generalisation error eps_g");
        curves.forEach((name, c) -> {
            int first = 0;
            while (first < c.times().length && !(c.times()[first] > 0)) {
                first++;
            }
            p.curve(name, java.util.Arrays.copyOfRange(c.times(), first, c.times().length),
                    java.util.Arrays.copyOfRange(c.eg(), first, c.eg().length));
        });
        return p;
    }
}
