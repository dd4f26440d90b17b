package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;

/**
 * A spectrum as CSV (header exactly {@code j,eigenvalue,abs_error_bound}, j = 1..d, eigenvalues with all their
 * significant digits) or JSON (the same rows plus every input, the method, timings and warnings).
 */
public final class SpectrumReport {
    public static final String CSV_HEADER = "j,eigenvalue,abs_error_bound";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpectrumReport() {
    }

    public static String render(Spectrum s, Format format, String provenance) {
        return switch (format) {
            case CSV -> csv(s);
            case JSON -> json(s, provenance);
            default -> throw new IllegalArgumentException("spectra are not written as " + format.userName());
        };
    }

    private static String bound(double b) {
        return String.format(Locale.ROOT, "%.3e", b);
    }

    private static String csv(Spectrum s) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (int j = 1; j <= s.size(); j++) {
            out.append(j).append(',').append(s.format(j)).append(',').append(bound(s.bound(j))).append('\n');
        }
        return out.toString();
    }

    private static String json(Spectrum s, String provenance) {
        SpectrumSpec spec = s.spec();
        ObjectNode o = JSON.createObjectNode();
        o.put("command", provenance);
        ObjectNode in = o.putObject("inputs");
        in.put("alpha", spec.alpha());
        in.put("activation", spec.activation().label());
        in.put("p", spec.p());
        in.put("d", spec.d());
        in.put("v", spec.v());
        if (spec.sketchFile() == null) {
            in.put("seed", spec.seed());
        } else {
            in.put("sketch_file", spec.sketchFile().toString());
        }
        in.put("w_variance", spec.wVariance());
        in.put("centred", spec.centred());
        in.put("precision", spec.precision().userName());
        in.put("cutoff", spec.cutoff());
        in.put("H", "diag(j^-alpha), j = 1..v" + (spec.cutoff() > 0 ? ", 0 beyond the cutoff" : ""));
        o.put("sketch", s.sketch());
        o.put("method", s.method());
        if (Timings.shown()) {
            ObjectNode t = o.putObject("seconds");
            for (String stage : Spectrum.STAGES) {
                if (s.seconds().containsKey(stage)) {
                    t.put(stage, s.seconds().get(stage));
                }
            }
        }
        ArrayNode w = o.putArray("warnings");
        s.warnings().forEach(w::add);
        ArrayNode rows = o.putArray("spectrum");
        for (int j = 1; j <= s.size(); j++) {
            ObjectNode r = rows.addObject();
            r.put("j", j);
            r.put("eigenvalue", s.format(j));
            r.put("abs_error_bound", bound(s.bound(j)));
            r.put("reliable", s.reliable(j));
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
