package org.powerspec.check.spectral;

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
import org.powerspec.check.core.YamlReader;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.Precision;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.second.ProductOracle;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ClaimExpression;
import org.powerspec.symbolic.SymjaEngine;

/**
 * Reads a claim from YAML. Every key is checked: an unknown key, a missing one, a value of the wrong kind, a malformed
 * expression or an unknown name is an {@link InvalidInputException} naming the file and the key.
 */
public final class ClaimFile {
    static final Set<String> TOP = Set.of("name", "statement", "model", "rate", "range", "constants", "sweep", "parameters",
            "limit", "chain");
    static final Set<String> CHAIN = Set.of("through", "to", "j_max", "link_from", "link_to");
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
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("claim file '" + file + "' is not a text file: a claim is YAML text in UTF-8");
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
        boolean limit = false;
        if (top.containsKey("limit")) {
            if (!Claim.ORACLE.equals(String.valueOf(top.get("limit")).trim())) {
                throw y.bad("limit", "= " + top.get("limit") + " is not allowed: the one limit powerspec knows is oracle "
                        + "(the d -> infinity product oracle at v -> infinity)");
            }
            limit = true;
        }
        Set<String> modelNames = limit ? Set.of() : Set.of("d");
        ClaimExpression v;
        if (limit) {
            Object vv = model.getOrDefault("v", "infinity");
            v = "infinity".equals(String.valueOf(vv).trim())
                    ? new ClaimExpression("model.v", "infinity", Set.of(), String.valueOf(ProductOracle.INFINITE_V))
                    : y.expression("model.v", y.text(vv, "model.v"), modelNames);
        } else {
            v = y.expression("model.v", y.text(model.getOrDefault("v", SpectrumSpec.V_PER_D + "*d"), "model.v"),
                    modelNames);
        }
        ClaimExpression cutoff = model.containsKey("cutoff")
                ? y.expression("model.cutoff", y.text(model.get("cutoff"), "model.cutoff"), modelNames) : null;

        Map<String, Double> constants = new HashMap<>();
        Map<String, String> declaredAt = new HashMap<>();
        Map<String, Object> range = y.map(y.required(top, "range", "range"), "range", null);
        for (Map.Entry<String, Object> e : range.entrySet()) {
            if (!e.getKey().equals("from") && !e.getKey().equals("to")) {
                declare(declaredAt, e.getKey(), "range." + e.getKey());
                constants.put(e.getKey(), finite(e.getValue(), "range." + e.getKey()));
            }
        }
        List<String> parameters = new ArrayList<>();
        if (top.containsKey("parameters")) {
            y.map(top.get("parameters"), "parameters", null).forEach((k, x) -> {
                declare(declaredAt, k, "parameters." + k);
                constants.put(k, finite(x, "parameters." + k));
                parameters.add(k);
            });
        }
        Set<String> rangeNames = new HashSet<>(constants.keySet());
        rangeNames.addAll(limit ? List.of("p", "alpha") : List.of("d", "p", "alpha"));
        ClaimExpression from = y.expressionUnprobed("range.from", y.text(y.required(range, "from", "range.from"),
                "range.from"), rangeNames);
        ClaimExpression to = y.expressionUnprobed("range.to", y.text(y.required(range, "to", "range.to"), "range.to"),
                rangeNames);
        Set<String> rateNames = new HashSet<>(rangeNames);
        rateNames.add("j");
        String rateText = y.text(y.required(top, "rate", "rate"), "rate");
        ClaimExpression rate = rateText.trim().equals(Claim.ORACLE) ? Claim.oracleRate()
                : y.expressionUnprobed("rate", rateText, rateNames);
        if (limit && rate.source().equals(Claim.ORACLE)) {
            throw y.bad("rate", "= oracle is not allowed in a limit claim: it compares the oracle with a rate in j");
        }
        Claim.Chain chain = null;
        if (top.containsKey("chain")) {
            if (limit || rate.source().equals(Claim.ORACLE)) {
                throw y.bad("chain", "is for a finite-d claim with a rate in j: a limit claim or a rate: oracle claim has "
                        + "no chain");
            }
            Object ch = top.get("chain");
            double chainTo = Double.NaN;
            long jMax = Claim.Chain.DEFAULT_J_MAX;
            ClaimExpression linkFrom = null;
            ClaimExpression linkTo = null;
            if (ch instanceof Map) {
                Map<String, Object> cm = y.map(ch, "chain", CHAIN);
                if (cm.containsKey("link_from")) {
                    linkFrom = y.expressionUnprobed("chain.link_from", y.text(cm.get("link_from"), "chain.link_from"),
                            rangeNames);
                }
                if (cm.containsKey("link_to")) {
                    linkTo = y.expressionUnprobed("chain.link_to", y.text(cm.get("link_to"), "chain.link_to"), rangeNames);
                }
                if (!Claim.ORACLE.equals(String.valueOf(cm.get("through")).trim())) {
                    throw y.bad("chain.through", "must be oracle (the one link powerspec knows)");
                }
                if (cm.containsKey("to")) {
                    chainTo = y.positive(cm.get("to"), "chain.to", "the size D the chain argues for, a finite number > 1");
                }
                if (cm.containsKey("j_max")) {
                    double jm = y.positive(cm.get("j_max"), "chain.j_max", "the limit link's largest j, from 1 to "
                            + ProductOracle.MAX_STREAM);
                    if (jm > ProductOracle.MAX_STREAM || jm != Math.rint(jm)) {
                        throw y.bad("chain.j_max", "= " + YamlReader.plain(jm, "") + " must be a whole number from 1 to "
                                + ProductOracle.MAX_STREAM);
                    }
                    jMax = (long) jm;
                }
            } else if (!Claim.ORACLE.equals(String.valueOf(ch).trim())) {
                throw y.bad("chain", "= " + ch + " is not allowed: write chain: oracle, or chain: {through: oracle, to: D, "
                        + "j_max: J}");
            }
            if (cutoff != null || rate.symbols().contains("d")) {
                throw y.bad("chain", "needs a rate in j alone and no model.cutoff: the limit link compares mu_j with "
                        + "rate(j) once for every d up to D");
            }
            chain = new Claim.Chain(chainTo, jMax, linkFrom, linkTo);
        }

        Map<String, Object> bounds = y.map(y.required(top, "constants", "constants"), "constants", CONSTANTS);
        String bound = "a constant bounds the positive ratio r_j, so it must be a finite number > 0 (leave it out for a "
                + "one-sided claim)";
        Double lower = bounds.containsKey("lower") ? y.positive(bounds.get("lower"), "constants.lower", bound) : null;
        Double upper = bounds.containsKey("upper") ? y.positive(bounds.get("upper"), "constants.upper", bound) : null;
        if (lower == null && upper == null) {
            throw y.bad("constants", "needs lower, upper or both");
        }
        if (lower != null && upper != null && !(lower < upper)) {
            throw y.bad("constants", "lower = " + lower + " must be below upper = " + upper);
        }

        Map<String, Object> sweep = limit ? y.map(top.getOrDefault("sweep", Map.of()), "sweep", Set.of("drift_tolerance"))
                : y.map(y.required(top, "sweep", "sweep"), "sweep", SWEEP);
        Object dList = limit ? List.of() : y.required(sweep, "d", "sweep.d");
        List<Integer> ds = new ArrayList<>();
        if (limit) {
            // no sizes: the limit is judged on the oracle alone
        } else if (dList instanceof List<?> l) {
            for (Object o : l) {
                ds.add(y.whole(o, "sweep.d"));
            }
        } else {
            ds.add(y.whole(dList, "sweep.d"));
        }
        if (ds.isEmpty() && !limit) {
            throw y.bad("sweep.d", "is empty: give at least one size d (a list such as [256, 512] or one number)");
        }
        for (int d : ds) {
            if (d < 2 || d > SpectrumSpec.MAX_D) {
                throw y.bad("sweep.d", "contains " + d + ": each d must be from 2 to " + SpectrumSpec.MAX_D);
            }
            if (ds.indexOf(d) != ds.lastIndexOf(d)) {
                throw y.bad("sweep.d", "lists d = " + d + " twice: each size once (seeds give repetitions)");
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
        if (!(drift > 0 && drift <= MAX_DRIFT_TOLERANCE)) {
            throw y.bad("sweep.drift_tolerance", "= " + YamlReader.plain(drift, String.valueOf(drift)) + " is not allowed: "
                    + "it must be in (0, " + MAX_DRIFT_TOLERANCE + "] — the largest |log-log slope| of r against d still "
                    + "counted as constant (0.5 is a factor 3.2 per decade of d; more is not a constant)");
        }
        if (chain != null && !Double.isNaN(chain.to()) && chain.to() <= java.util.Collections.max(ds)) {
            throw y.bad("chain.to", "= " + YamlReader.plain(chain.to(), "") + " is not allowed: a chain argues past the "
                    + "computed sizes, so D must exceed the largest sweep.d = " + java.util.Collections.max(ds));
        }
        Claim claim = new Claim(file, name, statement, alpha, f, v, wVariance, (Boolean) c, rate, from, to, constants,
                parameters, lower, upper, ds, seeds, precision, drift, cutoff, limit, chain);
        if (limit) {
            try {
                checkLimit(claim);
            } catch (InvalidInputException e) {
                throw e.in(file);
            }
        }
        for (int d : ds) {
            try {
                checkAt(claim, d);
            } catch (InvalidInputException e) {
                throw e.in(file);
            }
        }
        return claim;
    }

    /** The largest drift tolerance: beyond a factor 10^0.5 ≈ 3.2 per decade of d a ratio is not a constant. */
    public static final double MAX_DRIFT_TOLERANCE = 0.5;

    /** Names the model sets; a claim cannot declare them (in any case). */
    static final List<String> RESERVED = List.of("j", "d", "p", "alpha", Claim.ORACLE);

    /**
     * A claim's own name (a constant of {@code range} or a {@code parameters} entry): a letter followed by letters and
     * digits, not a model name, and declared once — in any case, since Symja's relaxed syntax reads {@code C1} as
     * {@code c1}.
     */
    private void declare(Map<String, String> declaredAt, String name, String key) {
        if (!ClaimExpression.NAME.matcher(name).matches()) {
            throw y.bad(key, "is not allowed as a name: a name is a letter followed by letters and digits (e.g. c1, b2; "
                    + "no '_', which Symja reads as a pattern)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.matches("e[0-9]+")) {
            throw y.bad(key, "is not allowed as a name: " + name + " reads as scientific notation after a number (2" + name
                    + " is 2·10^" + lower.substring(1) + "); choose another name");
        }
        for (String reserved : RESERVED) {
            if (reserved.equals(lower)) {
                throw y.bad(key, "is reserved: j, d, p and alpha are set by the model (and 'oracle' names the oracle rate)");
            }
        }
        String before = declaredAt.put(lower, key);
        if (before != null) {
            throw y.bad(key, "declares the name " + name + " again (first as " + before + "; names are the same in any "
                    + "case)");
        }
    }

    private double finite(Object o, String key) {
        double x = y.number(o, key);
        if (!Double.isFinite(x)) {
            throw y.bad(key, "= " + o + " is not allowed: a constant of the claim must be a finite number");
        }
        return x;
    }

    /** The most j a limit claim's rate is evaluated at when the file is read (the rest when it is checked). */
    static final int LIMIT_READ_CHECK = 10_000;

    /**
     * A limit claim's model and range: v a whole number ≥ 1 or infinity, the cut-off a whole number, the range within
     * 1..{@value ProductOracle#MAX_STREAM}, and the rate positive and finite on the first j of the range.
     */
    private void checkLimit(Claim claim) {
        double vv = claim.v().value(Map.of());
        if (!(vv >= 1) || vv > Integer.MAX_VALUE || vv != Math.rint(vv)) {
            throw y.bad("model.v", "'" + claim.v().source() + "' is " + vv + ": v must be a whole number >= 1, or "
                    + "infinity (the default of a limit claim)");
        }
        if (claim.cutoff() != null) {
            claim.cutoffAt(0);
        }
        Map<String, Double> names = ClaimChecker.names(claim, 0);
        double from = claim.from().value(names);
        double to = claim.to().value(names);
        if (!(to <= ProductOracle.MAX_STREAM)) {
            throw y.bad("range.to", "'" + claim.to().source() + "' is " + YamlReader.plain(to, String.valueOf(to))
                    + ": a limit claim's range ends by j = " + ProductOracle.MAX_STREAM + " (the oracle is streamed, "
                    + "about 1 s per 10^6 j)");
        }
        long jFrom = (long) Math.max(1, Math.ceil(from));
        long jTo = (long) Math.floor(to);
        int check = (int) Math.max(0, Math.min(LIMIT_READ_CHECK, jTo - jFrom + 1));
        requirePositive(claim, claim.rate().values("j", (int) jFrom, (int) (jFrom + check - 1), names), (int) jFrom, "");
    }

    /** Refuses a rate that is not positive and finite at some j (its values from j = jFrom on). */
    private void requirePositive(Claim claim, double[] rate, int jFrom, String where) {
        for (int i = 0; i < rate.length; i++) {
            if (!(rate[i] > 0) || !Double.isFinite(rate[i])) {
                throw y.bad("rate", "'" + claim.rate().source() + "' is " + rate[i] + " at j = " + (jFrom + i) + where
                        + ": a rate must be positive and finite at every j of the range (r_j = lambda_j/rate(j))");
            }
        }
    }

    /**
     * Evaluates everything the sweep will need at size d — v, the cut-off, the range ends and the rate at every j of
     * the range — so that a fault is refused when the file is read, naming the claim's key, not mid-sweep.
     */
    private void checkAt(Claim claim, int d) {
        double vd = claim.v().value(Map.of("d", (double) d));
        if (!(vd >= 1) || vd > Integer.MAX_VALUE) {
            throw y.bad("model.v", "'" + claim.v().source() + "' is " + vd + " at d = " + d
                    + ": v must be a number >= 1 (it is rounded to a whole number)");
        }
        claim.cutoffAt(d);
        if (d == java.util.Collections.max(claim.ds())) {
            SpectrumSpec spec = ClaimChecker.spec(claim, new ClaimChecker.Task(d, 1));
            org.powerspec.MemoryBudget.require(org.powerspec.numeric.SpectrumComputation.heapBytes(spec),
                    "sweep.d = " + d + " (a " + claim.precision().userName() + "-precision spectrum)");
        }
        Map<String, Double> names = ClaimChecker.names(claim, d);
        double from = claim.from().value(names);
        double to = claim.to().value(names);
        if (claim.oracle()) {
            return;
        }
        int jFrom = (int) Math.max(1, Math.ceil(from));
        int jTo = (int) Math.min(d, Math.floor(to));
        requirePositive(claim, claim.rate().values("j", jFrom, jTo, names), jFrom, ", d = " + d);
    }
}
