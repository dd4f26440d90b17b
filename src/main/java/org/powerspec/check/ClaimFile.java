package org.powerspec.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.Precision;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ClaimExpression;
import org.powerspec.symbolic.SymjaEngine;

/**
 * Reads a claim from YAML. Every key is checked: an unknown key, a missing one, a value of the wrong kind, a malformed
 * expression or an unknown name is an {@link InvalidInputException} naming the file and the key.
 */
public final class ClaimFile {
    static final Set<String> TOP = Set.of("name", "statement", "model", "rate", "range", "constants", "sweep", "parameters");
    static final Set<String> MODEL = Set.of("alpha", "p", "f", "v", "w_variance", "centred", "cutoff");
    static final Set<String> CONSTANTS = Set.of("lower", "upper");
    static final Set<String> SWEEP = Set.of("d", "seeds", "precision", "drift_tolerance");

    private final Path file;
    private final YamlReader y;

    private ClaimFile(Path file) {
        this.file = file;
        this.y = new YamlReader(file);
    }

    /** Reads and validates the claim in {@code file}. */
    public static Claim read(Path file) {
        return parse(text(file), file);
    }

    /** The claim file's text, exactly as it is on disk. */
    public static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("claim file '" + file + "' does not exist or is not a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("claim file '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    /** Parses and validates a claim's YAML text; {@code file} names it in messages and results. */
    public static Claim parse(String yaml, Path file) {
        return new ClaimFile(file).parse(YamlReader.load(yaml, file));
    }

    private Claim parse(Object doc) {
        Map<String, Object> top = y.map(doc, "", TOP);
        String name = y.text(y.required(top, "name", "name"), "name");
        String statement = top.containsKey("statement") ? y.text(top.get("statement"), "statement") : "";

        Map<String, Object> model = y.map(y.required(top, "model", "model"), "model", MODEL);
        double alpha = y.number(y.required(model, "alpha", "model.alpha"), "model.alpha");
        try {
            PowerLawCovariance.checkAlpha(alpha);
        } catch (InvalidInputException e) {
            throw y.bad("model.alpha", "= " + alpha + " is not allowed: alpha must be a finite number > 1");
        }
        Activation f;
        if (model.containsKey("p") == model.containsKey("f")) {
            throw y.bad("model", "needs exactly one of p (f = y^p) and f (a polynomial in y)");
        } else if (model.containsKey("p")) {
            int p = y.whole(model.get("p"), "model.p");
            try {
                f = Activation.monomial(p);
            } catch (InvalidInputException e) {
                throw y.bad("model.p", "= " + p + ": " + e.getMessage());
            }
        } else {
            String src = y.text(model.get("f"), "model.f");
            try {
                f = Activation.polynomial(src, SymjaEngine.get().parsePolynomial(src, "y"));
            } catch (InvalidInputException e) {
                throw y.bad("model.f", e.getMessage());
            }
        }
        double wVariance = model.containsKey("w_variance") ? y.number(model.get("w_variance"), "model.w_variance") : 1.0;
        try {
            org.powerspec.numeric.SeededGaussianSketch.checkVariance(wVariance);
        } catch (InvalidInputException e) {
            throw y.bad("model.w_variance", "= " + wVariance + " must be a finite number > 0");
        }
        Object c = model.getOrDefault("centred", Boolean.FALSE);
        if (!(c instanceof Boolean)) {
            throw y.bad("model.centred", "must be true or false");
        }
        ClaimExpression v = y.expression("model.v", y.text(model.getOrDefault("v", SpectrumSpec.V_PER_D + "*d"), "model.v"),
                Set.of("d"));
        ClaimExpression cutoff = model.containsKey("cutoff")
                ? y.expression("model.cutoff", y.text(model.get("cutoff"), "model.cutoff"), Set.of("d")) : null;

        Map<String, Double> constants = new HashMap<>();
        Map<String, Object> range = y.map(y.required(top, "range", "range"), "range", null);
        for (Map.Entry<String, Object> e : range.entrySet()) {
            if (!e.getKey().equals("from") && !e.getKey().equals("to")) {
                constants.put(e.getKey(), y.number(e.getValue(), "range." + e.getKey()));
            }
        }
        List<String> parameters = new ArrayList<>();
        if (top.containsKey("parameters")) {
            y.map(top.get("parameters"), "parameters", null).forEach((k, x) -> {
                constants.put(k, y.number(x, "parameters." + k));
                parameters.add(k);
            });
        }
        for (String reserved : List.of("j", "d", "p", "alpha")) {
            if (constants.containsKey(reserved)) {
                throw y.bad("range." + reserved, "is reserved: j, d, p and alpha are set by the model");
            }
        }
        Set<String> rangeNames = new HashSet<>(constants.keySet());
        rangeNames.addAll(List.of("d", "p", "alpha"));
        ClaimExpression from = y.expression("range.from", y.text(y.required(range, "from", "range.from"), "range.from"), rangeNames);
        ClaimExpression to = y.expression("range.to", y.text(y.required(range, "to", "range.to"), "range.to"), rangeNames);
        Set<String> rateNames = new HashSet<>(rangeNames);
        rateNames.add("j");
        String rateText = y.text(y.required(top, "rate", "rate"), "rate");
        ClaimExpression rate = rateText.trim().equals(Claim.ORACLE) ? Claim.oracleRate()
                : y.expression("rate", rateText, rateNames);

        Map<String, Object> bounds = y.map(y.required(top, "constants", "constants"), "constants", CONSTANTS);
        Double lower = bounds.containsKey("lower") ? y.number(bounds.get("lower"), "constants.lower") : null;
        Double upper = bounds.containsKey("upper") ? y.number(bounds.get("upper"), "constants.upper") : null;
        if (lower == null && upper == null) {
            throw y.bad("constants", "needs lower, upper or both");
        }
        if (lower != null && upper != null && !(lower < upper)) {
            throw y.bad("constants", "lower = " + lower + " must be below upper = " + upper);
        }

        Map<String, Object> sweep = y.map(y.required(top, "sweep", "sweep"), "sweep", SWEEP);
        Object dList = y.required(sweep, "d", "sweep.d");
        List<Integer> ds = new ArrayList<>();
        if (dList instanceof List<?> l) {
            for (Object o : l) {
                ds.add(y.whole(o, "sweep.d"));
            }
        } else {
            ds.add(y.whole(dList, "sweep.d"));
        }
        for (int d : ds) {
            if (d < 2 || d > SpectrumSpec.MAX_D) {
                throw y.bad("sweep.d", "contains " + d + ": each d must be from 2 to " + SpectrumSpec.MAX_D);
            }
        }
        int seeds = sweep.containsKey("seeds") ? y.whole(sweep.get("seeds"), "sweep.seeds") : 1;
        if (seeds < 1 || seeds > 1000) {
            throw y.bad("sweep.seeds", "= " + seeds + " must be from 1 to 1000");
        }
        Precision precision = Precision.DOUBLE;
        if (sweep.containsKey("precision")) {
            precision = Precision.parse(y.text(sweep.get("precision"), "sweep.precision"), file + ": sweep.precision");
        }
        double drift = sweep.containsKey("drift_tolerance") ? y.number(sweep.get("drift_tolerance"), "sweep.drift_tolerance")
                : Claim.DEFAULT_DRIFT_TOLERANCE;
        if (!(drift > 0)) {
            throw y.bad("sweep.drift_tolerance", "= " + drift + " must be > 0");
        }
        return new Claim(file, name, statement, alpha, f, v, wVariance, (Boolean) c, rate, from, to, constants, parameters, lower,
                upper, ds, seeds, precision, drift, cutoff);
    }
}
