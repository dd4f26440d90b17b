package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.powerspec.numeric.second.ProductOracle.Prediction;
import org.powerspec.numeric.second.ProductOracle;

/**
 * The product oracle's prediction as CSV (header exactly {@code j,eigenvalue,level}), as text (the parameters, the
 * level coefficients, then j, eigenvalue, level and multiset) or as JSON (the inputs, the exact level coefficients and
 * their values, and the rows with their multisets).
 */
public final class OracleReport {
    public static final String CSV_HEADER = "j,eigenvalue,level";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OracleReport() {
    }

    /** An eigenvalue with all 17 significant digits. */
    public static String number(double x) {
        return String.format(Locale.ROOT, "%.16e", x);
    }

    private static String multiset(int[] m) {
        return "{" + Arrays.stream(m).mapToObj(String::valueOf).collect(Collectors.joining(",")) + "}";
    }

    /**
     * The heap that rendering {@code rows} eigenvalues takes at its peak, in bytes, for multisets of at most
     * {@code maxK} indices (the prediction itself not counted: {@link ProductOracle#heapBytes}). Measured with
     * JDK 17 (G1) as the smallest heap a whole {@code powerspec oracle} run (the prediction included) completes in,
     * and rounded up: JSON builds a Jackson tree (an object, a text and an array node a row) and then its ~120
     * characters a row (2 B each in Jackson's buffer, 1 B in the string), 1.07–1.12 kB a row for y^2 (3·10^5 and
     * 2·10^6 rows) and 1.2–1.5 kB for y^16 at α = 8 (multisets of 8 indices on average); text holds a table of four
     * strings a row, 0.47–0.6 kB for y^2 and at most 0.75 kB for y^16; CSV only its ~50 characters a row, 140–150 B
     * for y^2 and 165–200 B for y^16.
     */
    public static long heapBytes(Format format, int rows, int maxK) {
        long perRow = switch (format) {
            case JSON -> 1200 + 40L * maxK;
            case TEXT -> 550 + 20L * maxK;
            default -> 150;
        };
        return rows * perRow;
    }

    public static String render(Prediction p, Format format, String provenance) {
        return switch (format) {
            case CSV -> csv(p);
            case TEXT -> text(p, provenance);
            case JSON -> json(p, provenance);
            default -> throw new IllegalArgumentException("oracle predictions are not written as " + format.userName());
        };
    }

    private static String csv(Prediction p) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (int j = 1; j <= p.size(); j++) {
            out.append(j).append(',').append(number(p.eigenvalue(j))).append(',').append(p.level(j)).append('\n');
        }
        return out.toString();
    }

    private static String text(Prediction p, String provenance) {
        StringBuilder s = new StringBuilder();
        s.append("product oracle: d -> infinity eigenvalues mu = l_k * lambda_i1*...*lambda_ik over multisets {i1<=...<=ik}\n");
        s.append("# ").append(provenance).append('\n');
        s.append("# ").append(p.spec().describe()).append("; p_j = tr H^j\n");
        for (ProductOracle.Level l : p.levels()) {
            s.append(String.format(Locale.ROOT, "# level %d: l_%d = %s = %.6g%n", l.level().k(), l.level().k(),
                    l.level().formula(), l.value()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int j = 1; j <= p.size(); j++) {
            rows.add(List.of(String.valueOf(j), number(p.eigenvalue(j)), String.valueOf(p.level(j)), multiset(p.multiset(j))));
        }
        return s.append('\n').append(new Table(List.of("j", "eigenvalue", "level", "multiset"), rows).text()).toString();
    }

    private static String json(Prediction p, String provenance) {
        ObjectNode o = JSON.createObjectNode();
        o.put("command", provenance);
        ObjectNode in = o.putObject("inputs");
        in.put("alpha", p.spec().alpha());
        in.put("activation", p.spec().activation().label());
        in.put("p", p.spec().activation().degree());
        in.put("v", p.spec().v());
        in.put("cutoff", p.spec().cutoff());
        in.put("w_variance", p.spec().wVariance());
        in.put("centred", p.spec().centred());
        in.put("count", p.size());
        in.put("H", "diag(j^-alpha), j = 1..v" + (p.spec().cutoff() > 0 ? ", 0 beyond the cutoff" : ""));
        o.put("method", "product oracle: mu = l_k * prod lambda_i over multisets; l_k = (k!)^2 E_w[h_k(s_w)^2], s_w^2 = w'Hw");
        ArrayNode levels = o.putArray("levels");
        for (ProductOracle.Level l : p.levels()) {
            ObjectNode n = levels.addObject();
            n.put("level", l.level().k());
            n.put("coefficient", l.level().formula());
            n.put("value", number(l.value()));
        }
        ArrayNode rows = o.putArray("eigenvalues");
        for (int j = 1; j <= p.size(); j++) {
            ObjectNode r = rows.addObject();
            r.put("j", j);
            r.put("eigenvalue", number(p.eigenvalue(j)));
            r.put("level", p.level(j));
            ArrayNode m = r.putArray("multiset");
            Arrays.stream(p.multiset(j)).forEach(m::add);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
