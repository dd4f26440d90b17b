package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.powerspec.numeric.second.DeterministicEquivalent.Result;
import org.powerspec.numeric.second.DeterministicEquivalent;

/**
 * The p = 1 deterministic equivalent's quantiles as CSV (header exactly {@code j,eigenvalue}) or JSON (the inputs,
 * the method with its grid and convergence test, the integrated mass, and the rows).
 */
public final class EquivalentReport {
    public static final String CSV_HEADER = "j,eigenvalue";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EquivalentReport() {
    }

    public static String render(Result r, Format format, String provenance) {
        return switch (format) {
            case CSV -> csv(r);
            case JSON -> json(r, provenance);
            default -> throw new IllegalArgumentException("equivalents are not written as " + format.userName());
        };
    }

    private static String csv(Result r) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (int j = 1; j <= r.quantiles().length; j++) {
            out.append(j).append(',').append(OracleReport.number(r.quantile(j))).append('\n');
        }
        return out.toString();
    }

    private static String json(Result r, String provenance) {
        ObjectNode o = JSON.createObjectNode();
        o.put("command", provenance);
        ObjectNode in = o.putObject("inputs");
        in.put("alpha", r.spec().alpha());
        in.put("activation", "y^1");
        in.put("d", r.spec().d());
        in.put("v", r.spec().v());
        in.put("cutoff", r.spec().cutoff());
        in.put("w_variance", r.spec().wVariance());
        in.put("H", "diag(j^-alpha), j = 1..v" + (r.spec().cutoff() > 0 ? ", 0 beyond the cutoff" : ""));
        o.put("method", "Silverstein fixed point z = -1/m + (1/d) sum_i lambda_i/(1 + lambda_i m), Newton at z = x + i*"
                + DeterministicEquivalent.ETA + "*x, " + DeterministicEquivalent.POINTS_PER_DECADE
                + " points per decade, converged when |dm| <= " + DeterministicEquivalent.TOLERANCE + "*|m|; quantiles: d*int_x^inf rho = j - 1/2");
        o.put("grid_points", r.gridPoints());
        o.put("eta_homotopies", r.homotopies());
        o.put("mass", r.mass());
        o.put("expected_mass", r.expectedMass());
        ArrayNode rows = o.putArray("eigenvalues");
        for (int j = 1; j <= r.quantiles().length; j++) {
            ObjectNode row = rows.addObject();
            row.put("j", j);
            row.put("eigenvalue", OracleReport.number(r.quantile(j)));
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
