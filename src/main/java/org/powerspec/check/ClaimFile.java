package org.powerspec.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

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

    private ClaimFile(Path file) {
        this.file = file;
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
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidInputException("claim file '" + file + "' is not valid YAML: "
                    + e.getMessage().replace('\n', ' ').replaceAll(" +", " "));
        }
        return new ClaimFile(file).parse(doc);
    }

    private InvalidInputException bad(String key, String what) {
        return new InvalidInputException(file + ": " + key + " " + what);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String key, Set<String> allowed) {
        if (!(o instanceof Map)) {
            throw bad(key, "must be a mapping {key: value, …}");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> m.put(String.valueOf(k), v));
        if (allowed != null) {
            for (String k : m.keySet()) {
                if (!allowed.contains(k)) {
                    throw bad((key.isEmpty() ? "" : key + ".") + k, "is not a known key: allowed are "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }
        return m;
    }

    private Object required(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            throw bad(path, "is missing");
        }
        return v;
    }

    private double number(Object o, String key) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw bad(key, "'" + s + "' is not a number");
            }
        }
        throw bad(key, "'" + o + "' is not a number");
    }

    private int whole(Object o, String key) {
        double x = number(o, key);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw bad(key, "'" + o + "' is not a whole number");
        }
        return (int) x;
    }

    private String text(Object o, String key) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Number n) {
            return n.toString();
        }
        throw bad(key, "must be a string or a number");
    }

    private ClaimExpression expression(String key, String source, Set<String> allowed) {
        try {
            return ClaimExpression.parse(key, source, allowed);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    private Claim parse(Object doc) {
        Map<String, Object> top = map(doc, "", TOP);
        String name = text(required(top, "name", "name"), "name");
        String statement = top.containsKey("statement") ? text(top.get("statement"), "statement") : "";

        Map<String, Object> model = map(required(top, "model", "model"), "model", MODEL);
        double alpha = number(required(model, "alpha", "model.alpha"), "model.alpha");
        try {
            new PowerLawCovariance(alpha, 1);
        } catch (InvalidInputException e) {
            throw bad("model.alpha", "= " + alpha + " is not allowed: alpha must be a finite number > 1");
        }
        Activation f;
        if (model.containsKey("p") == model.containsKey("f")) {
            throw bad("model", "needs exactly one of p (f = y^p) and f (a polynomial in y)");
        } else if (model.containsKey("p")) {
            int p = whole(model.get("p"), "model.p");
            try {
                f = Activation.monomial(p);
            } catch (InvalidInputException e) {
                throw bad("model.p", "= " + p + ": " + e.getMessage());
            }
        } else {
            String src = text(model.get("f"), "model.f");
            try {
                f = Activation.polynomial(src, SymjaEngine.get().parsePolynomial(src, "y"));
            } catch (InvalidInputException e) {
                throw bad("model.f", e.getMessage());
            }
        }
        double wVariance = model.containsKey("w_variance") ? number(model.get("w_variance"), "model.w_variance") : 1.0;
        if (!(wVariance > 0) || Double.isInfinite(wVariance)) {
            throw bad("model.w_variance", "= " + wVariance + " must be a finite number > 0");
        }
        Object c = model.getOrDefault("centred", Boolean.FALSE);
        if (!(c instanceof Boolean)) {
            throw bad("model.centred", "must be true or false");
        }
        ClaimExpression v = expression("model.v", text(model.getOrDefault("v", SpectrumSpec.V_PER_D + "*d"), "model.v"),
                Set.of("d"));
        ClaimExpression cutoff = model.containsKey("cutoff")
                ? expression("model.cutoff", text(model.get("cutoff"), "model.cutoff"), Set.of("d")) : null;

        Map<String, Double> constants = new HashMap<>();
        Map<String, Object> range = map(required(top, "range", "range"), "range", null);
        for (Map.Entry<String, Object> e : range.entrySet()) {
            if (!e.getKey().equals("from") && !e.getKey().equals("to")) {
                constants.put(e.getKey(), number(e.getValue(), "range." + e.getKey()));
            }
        }
        List<String> parameters = new ArrayList<>();
        if (top.containsKey("parameters")) {
            map(top.get("parameters"), "parameters", null).forEach((k, x) -> {
                constants.put(k, number(x, "parameters." + k));
                parameters.add(k);
            });
        }
        for (String reserved : List.of("j", "d", "p", "alpha")) {
            if (constants.containsKey(reserved)) {
                throw bad("range." + reserved, "is reserved: j, d, p and alpha are set by the model");
            }
        }
        Set<String> rangeNames = new HashSet<>(constants.keySet());
        rangeNames.addAll(List.of("d", "p", "alpha"));
        ClaimExpression from = expression("range.from", text(required(range, "from", "range.from"), "range.from"), rangeNames);
        ClaimExpression to = expression("range.to", text(required(range, "to", "range.to"), "range.to"), rangeNames);
        Set<String> rateNames = new HashSet<>(rangeNames);
        rateNames.add("j");
        String rateText = text(required(top, "rate", "rate"), "rate");
        ClaimExpression rate = rateText.trim().equals(Claim.ORACLE) ? Claim.oracleRate()
                : expression("rate", rateText, rateNames);

        Map<String, Object> bounds = map(required(top, "constants", "constants"), "constants", CONSTANTS);
        Double lower = bounds.containsKey("lower") ? number(bounds.get("lower"), "constants.lower") : null;
        Double upper = bounds.containsKey("upper") ? number(bounds.get("upper"), "constants.upper") : null;
        if (lower == null && upper == null) {
            throw bad("constants", "needs lower, upper or both");
        }
        if (lower != null && upper != null && !(lower < upper)) {
            throw bad("constants", "lower = " + lower + " must be below upper = " + upper);
        }

        Map<String, Object> sweep = map(required(top, "sweep", "sweep"), "sweep", SWEEP);
        Object dList = required(sweep, "d", "sweep.d");
        List<Integer> ds = new ArrayList<>();
        if (dList instanceof List<?> l) {
            for (Object o : l) {
                ds.add(whole(o, "sweep.d"));
            }
        } else {
            ds.add(whole(dList, "sweep.d"));
        }
        for (int d : ds) {
            if (d < 2 || d > SpectrumSpec.MAX_D) {
                throw bad("sweep.d", "contains " + d + ": each d must be from 2 to " + SpectrumSpec.MAX_D);
            }
        }
        int seeds = sweep.containsKey("seeds") ? whole(sweep.get("seeds"), "sweep.seeds") : 1;
        if (seeds < 1 || seeds > 1000) {
            throw bad("sweep.seeds", "= " + seeds + " must be from 1 to 1000");
        }
        Precision precision = Precision.DOUBLE;
        if (sweep.containsKey("precision")) {
            precision = Precision.parse(text(sweep.get("precision"), "sweep.precision"), file + ": sweep.precision");
        }
        double drift = sweep.containsKey("drift_tolerance") ? number(sweep.get("drift_tolerance"), "sweep.drift_tolerance")
                : Claim.DEFAULT_DRIFT_TOLERANCE;
        if (!(drift > 0)) {
            throw bad("sweep.drift_tolerance", "= " + drift + " must be > 0");
        }
        return new Claim(file, name, statement, alpha, f, v, wVariance, (Boolean) c, rate, from, to, constants, parameters, lower,
                upper, ds, seeds, precision, drift, cutoff);
    }
}
