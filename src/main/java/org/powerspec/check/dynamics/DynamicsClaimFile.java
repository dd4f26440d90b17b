package org.powerspec.check.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.powerspec.InvalidInputException;
import org.powerspec.check.core.YamlReader;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.ModelSettings;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;
import org.powerspec.symbolic.ClaimExpression;

/**
 * Reads a {@link DynamicsClaim} from YAML. Every key is checked: a key the claim's kind does not use, a missing one, a
 * value of the wrong kind or out of range is an {@link InvalidInputException} naming the file and the key. The format
 * is in the README ("Claims about the dynamics") and in {@code proofs/dynamics/README.md}.
 */
public final class DynamicsClaimFile {
    static final Set<String> COMMON = Set.of("name", "statement", "claim", "model");
    static final Map<String, Set<String>> KIND_KEYS = Map.of(
            "learning-curve-exponent", Set.of("exponent", "tolerance", "window", "init", "method", "integrator"),
            "floor-exponent", Set.of("exponent", "tolerance", "trainable"),
            "plateau-trend", Set.of("trend", "time", "band", "margin", "init", "integrator"),
            "finite-size", Set.of("trend", "time", "time_points", "seeds", "sizes", "init"),
            PlateauScaling.KIND, PlateauScaling.KEYS,
            AsymptoticConvergence.KIND, AsymptoticConvergence.KEYS);
    static final Set<String> MODEL = Set.of("activation", "K", "M", "L", "beta", "eigenvalues", "eta", "output_scaling",
            "trainable");
    static final Set<String> INIT = Set.of("N", "sigma_J", "sigma_B", "seed");
    /** plateau runs draw the teacher with sigma_B = 1; finite-size runs take N from {@code sizes}. */
    static final Set<String> PLATEAU_INIT = Set.of("N", "sigma_J", "seed");
    static final Set<String> FINITE_SIZE_INIT = Set.of("sigma_J", "sigma_B", "seed");
    static final Set<String> WINDOW = Set.of("from", "to");
    /** The default relative step a plateau trend must make: differences at integration noise do not count. */
    static final double DEFAULT_MARGIN = 0.02;
    static final int DEFAULT_TIME_POINTS = 13;
    static final int DEFAULT_SEEDS = 3;
    static final Set<String> EXPONENT_NAMES = Set.of("beta", "K", "M", "L", "eta");
    static final Set<String> WINDOW_NAMES = Set.of("beta", "K", "M", "L", "eta", "kappa", "lambda1", "lambdaL");

    final Path file;
    final YamlReader y;

    private DynamicsClaimFile(Path file) {
        this.file = file;
        this.y = new YamlReader(file);
    }

    /** Reads and validates the dynamics claim in {@code file}. */
    public static DynamicsClaim read(Path file) {
        return parse(ClaimFile.text(file), file);
    }

    /** Parses and validates a dynamics claim's YAML text; {@code file} names it in messages. */
    public static DynamicsClaim parse(String yaml, Path file) {
        return new DynamicsClaimFile(file).parse(YamlReader.load(yaml, file));
    }

    private DynamicsClaim parse(Object doc) {
        Map<String, Object> top = y.map(doc, "", null);
        String kind = y.text(y.required(top, "claim", "claim"), "claim").trim();
        if (!KIND_KEYS.containsKey(kind)) {
            throw y.bad("claim", "'" + kind + "' is not known: allowed are " + String.join(", ", DynamicsClaim.KINDS));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(KIND_KEYS.get(kind));
        y.map(doc, "", allowed);
        String name = y.text(y.required(top, "name", "name"), "name");
        String statement = top.containsKey("statement") ? y.text(top.get("statement"), "statement") : "";
        Map<String, Object> model = y.map(y.required(top, "model", "model"), "model", MODEL);
        return switch (kind) {
            case "learning-curve-exponent" -> exponentClaim(top, name, statement, model);
            case "floor-exponent" -> floorClaim(top, name, statement, model);
            case "plateau-trend" -> plateauClaim(top, name, statement, model);
            case PlateauScaling.KIND -> PlateauScaling.read(this, top, name, statement, model);
            case AsymptoticConvergence.KIND -> AsymptoticConvergence.read(this, top, name, statement, model);
            default -> finiteSizeClaim(top, name, statement, model);
        };
    }

    private DynamicsClaim exponentClaim(Map<String, Object> top, String name, String statement, Map<String, Object> model) {
        TwoLayerModel m = model(model, single(model, "L"), single(model, "K"));
        DynamicsClaim.Init init = init(top, false, m.L(), INIT);
        ClaimExpression exponent = exponent(top, m);
        double tolerance = positive(top, "tolerance");
        Map<String, Object> window = y.map(y.required(top, "window", "window"), "window", WINDOW);
        Set<String> names = DynamicsClaim.windowSymbols(m).keySet();
        ClaimExpression from = y.expression("window.from", y.text(y.required(window, "from", "window.from"), "window.from"),
                names);
        ClaimExpression to = y.expression("window.to", y.text(y.required(window, "to", "window.to"), "window.to"), names);
        Map<String, Double> values = DynamicsClaim.windowSymbols(m);
        double lo = value(from, values, "window.from");
        double hi = value(to, values, "window.to");
        if (!(lo > 0)) {
            throw y.bad("window.from", "'" + from.source() + "' = " + lo + " must be > 0");
        }
        if (!(hi > 0)) {
            throw y.bad("window.to", "'" + to.source() + "' = " + hi + " must be > 0");
        }
        String method = top.containsKey("method") ? y.text(top.get("method"), "method").trim() : "";
        boolean ode;
        if (method.isEmpty()) {
            ode = m.g() != Nonlinearity.LINEAR;
        } else if (method.equals("ode") || method.equals("closed-form")) {
            ode = method.equals("ode");
        } else {
            throw y.bad("method", "'" + method + "' is not known: allowed are ode, closed-form");
        }
        if (!ode && m.g() != Nonlinearity.LINEAR) {
            throw y.bad("method", "closed-form exists for activation linear only");
        }
        if (!ode && top.containsKey("integrator")) {
            throw y.bad("integrator", "is not used by the closed form: give method: ode, or leave it out");
        }
        if (!ode) {
            memory(m);
        }
        if (ode && m.g() == Nonlinearity.ERF && init == null) {
            throw y.bad("init", "is missing: an erf claim needs initial weights (the zero student never leaves the "
                    + "symmetric plateau)");
        }
        return new DynamicsClaim.LearningCurveExponent(file, name, statement, m, exponent, tolerance, from, to, init, ode,
                integrator(top));
    }

    /** The exponent expression, which must be a finite number for this model. */
    private ClaimExpression exponent(Map<String, Object> top, TwoLayerModel m) {
        Map<String, Double> values = DynamicsClaim.symbols(m);
        ClaimExpression e = y.expression("exponent", y.text(y.required(top, "exponent", "exponent"), "exponent"),
                values.keySet());
        value(e, values, "exponent");
        return e;
    }

    /** Evaluates an expression of the file once the model is known: it must be a finite number. */
    private double value(ClaimExpression e, Map<String, Double> values, String key) {
        double v;
        try {
            v = e.value(values);
        } catch (IllegalArgumentException ex) {
            String msg = String.valueOf(ex.getMessage());
            java.util.regex.Matcher gives = java.util.regex.Pattern.compile("\\(it gives ([^)]*)\\)").matcher(msg);
            throw y.bad(key, "'" + e.source() + "' is not a finite number for this model"
                    + (gives.find() ? " (it gives " + gives.group(1) + ")" : ": " + msg));
        }
        if (!Double.isFinite(v)) {
            throw y.bad(key, "'" + e.source() + "' = " + v + " for this model: it must be a finite number");
        }
        return v;
    }

    /** The closed form's memory, refused when the file is read rather than when it is checked. */
    private void memory(TwoLayerModel m) {
        try {
            org.powerspec.dynamics.LinearClosedForm.requireMemory(m);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    private DynamicsClaim floorClaim(Map<String, Object> top, String name, String statement, Map<String, Object> model) {
        if (model.containsKey("trainable")) {
            throw y.bad("model.trainable", "is not used by a floor-exponent claim: its values are the list 'trainable'");
        }
        TwoLayerModel m = model(model, single(model, "L"), single(model, "K"));
        if (m.g() != Nonlinearity.LINEAR) {
            throw y.bad("model.activation", "must be linear for a floor-exponent claim (its floor is in closed form)");
        }
        List<Integer> trainable = ascending(top, "trainable", 5);
        for (int nl : trainable) {
            if (nl < 1 || nl >= m.L()) {
                throw y.bad("trainable", "contains " + nl + ": each N_l must be from 1 to L - 1 = " + (m.L() - 1)
                        + " (with every eigenspace trained the floor is 0)");
            }
        }
        memory(new TwoLayerModel(m.g(), m.K(), m.M(), m.spectrum(), m.eta(), m.scaling(), trainable.get(trainable.size() - 1)));
        return new DynamicsClaim.FloorExponent(file, name, statement, m, trainable, exponent(top, m), positive(top, "tolerance"));
    }

    private DynamicsClaim plateauClaim(Map<String, Object> top, String name, String statement, Map<String, Object> model) {
        List<Integer> ks = list(model, "K", "model.K");
        List<Integer> ls = list(model, "L", "model.L");
        for (List<Integer> l : List.of(ks, ls)) {
            for (int i = 1; i < l.size(); i++) {
                if (l.get(i) <= l.get(i - 1)) {
                    throw y.bad(l == ks ? "model.K" : "model.L", "must be strictly ascending: " + l);
                }
            }
        }
        if ((ks.size() > 1) == (ls.size() > 1)) {
            throw y.bad("model", "needs exactly one of K and L as a list of at least two values (the quantity that varies)");
        }
        if (model.containsKey("M")) {
            throw y.bad("model.M", "is not used: a plateau-trend claim has M = K");
        }
        if (model.containsKey("eigenvalues") || model.containsKey("trainable")) {
            throw y.bad("model", "a plateau-trend claim takes L and beta, not eigenvalues or trainable");
        }
        TwoLayerModel m = model(model, ls.get(0), ks.get(0));
        if (m.g() != Nonlinearity.ERF) {
            throw y.bad("model.activation", "must be erf for a plateau-trend claim (linear networks have no plateau)");
        }
        for (int k : ks) {
            model(model, ls.get(0), k);
        }
        for (int l : ls) {
            model(model, l, ks.get(0));
        }
        DynamicsClaim.Init init = init(top, true, ls.stream().reduce(1, DynamicsClaimFile::lcm), PLATEAU_INIT);
        double band = top.containsKey("band") ? positive(top, "band") : 0.1;
        if (band >= 1) {
            throw y.bad("band", "= " + band + " must be below 1");
        }
        double margin = top.containsKey("margin") ? y.number(top.get("margin"), "margin") : DEFAULT_MARGIN;
        if (!(margin >= 0 && margin < 1)) {
            throw y.bad("margin", "= " + margin + " must be from 0 to below 1");
        }
        return new DynamicsClaim.PlateauTrend(file, name, statement, m, ks, ls, trend(top), time(top), band, margin, init,
                integrator(top));
    }

    private DynamicsClaim finiteSizeClaim(Map<String, Object> top, String name, String statement, Map<String, Object> model) {
        TwoLayerModel m = model(model, single(model, "L"), single(model, "K"));
        List<Integer> sizes = ascending(top, "sizes", 2);
        for (int n : sizes) {
            if (n % m.L() != 0 || n > Weights.MAX_N) {
                throw y.bad("sizes", "contains " + n + ": each N must be a multiple of L = " + m.L() + " and at most "
                        + Weights.MAX_N);
            }
        }
        DynamicsClaim.Init init = init(top, true, m.L(), FINITE_SIZE_INIT);
        double time = time(top);
        int points = top.containsKey("time_points") ? y.whole(top.get("time_points"), "time_points") : DEFAULT_TIME_POINTS;
        if (points < 2 || points > 1000) {
            throw y.bad("time_points", "= " + points + " must be from 2 to 1000");
        }
        if (time / (points - 1) * sizes.get(0) < 1) {
            throw y.bad("time", "= " + time + " is too short: at N = " + sizes.get(0) + " SGD would take no step between two of the "
                    + points + " time points (time/(time_points - 1)*N must be >= 1)");
        }
        int seeds = top.containsKey("seeds") ? y.whole(top.get("seeds"), "seeds") : DEFAULT_SEEDS;
        if (seeds < 1 || seeds > 100) {
            throw y.bad("seeds", "= " + seeds + " must be from 1 to 100");
        }
        if (seeds * sizes.size() < 3) {
            throw y.bad("seeds", "= " + seeds + " with " + sizes.size() + " sizes gives " + seeds * sizes.size()
                    + " points: the slope's interval needs at least 3 (more seeds or sizes)");
        }
        return new DynamicsClaim.FiniteSize(file, name, statement, m, sizes, trend(top), time, points, seeds, init);
    }

    TwoLayerModel model(Map<String, Object> model, int L, int k) {
        Nonlinearity g;
        OutputScaling scaling;
        try {
            g = Nonlinearity.parse(y.text(y.required(model, "activation", "model.activation"), "model.activation"));
        } catch (InvalidInputException e) {
            throw y.bad("model.activation", e.detail());
        }
        try {
            scaling = OutputScaling.parse(y.text(model.getOrDefault("output_scaling", "none"), "model.output_scaling"));
        } catch (InvalidInputException e) {
            throw y.bad("model.output_scaling", e.detail());
        }
        int mUnits = model.containsKey("M") ? y.whole(model.get("M"), "model.M") : k;
        double eta = y.number(y.required(model, "eta", "model.eta"), "model.eta");
        try {
            List<Double> list = null;
            Double beta = null;
            if (model.containsKey("eigenvalues")) {
                if (model.containsKey("L") || model.containsKey("beta")) {
                    throw y.bad("model", "needs either eigenvalues or L and beta, not both");
                }
                if (!(model.get("eigenvalues") instanceof List<?> values)) {
                    throw y.bad("model.eigenvalues", "must be a list of numbers");
                }
                list = new ArrayList<>();
                for (Object o : values) {
                    list.add(y.number(o, "model.eigenvalues"));
                }
                for (int i = 1; i < list.size(); i++) {
                    if (list.get(i) > list.get(i - 1)) {
                        throw y.bad("model.eigenvalues", "must be listed from the largest down (the top N_l are trained first)");
                    }
                }
            } else {
                beta = y.number(y.required(model, "beta", "model.beta"), "model.beta");
            }
            EigenspaceSpectrum spectrum = ModelSettings.spectrum(list, L, beta);
            Integer trainable = model.containsKey("trainable") ? y.whole(model.get("trainable"), "model.trainable") : null;
            return new ModelSettings(g, k, mUnits, spectrum, eta, scaling, trainable).model();
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            // the model's own fault, said of this file's model block (its field, e.g. K, kept)
            throw e.in(file + ": model");
        }
    }

    int single(Map<String, Object> model, String key) {
        if (key.equals("L") && model.containsKey("eigenvalues")) {
            return 1;
        }
        List<Integer> l = list(model, key, "model." + key);
        if (l.size() != 1) {
            throw y.bad("model." + key, "must be one number for this kind of claim");
        }
        return l.get(0);
    }

    List<Integer> list(Map<String, Object> m, String key, String path) {
        Object o = y.required(m, key, path);
        List<Integer> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(y.whole(x, path));
            }
        } else {
            out.add(y.whole(o, path));
        }
        if (out.isEmpty()) {
            throw y.bad(path, "is empty");
        }
        return out;
    }

    List<Integer> ascending(Map<String, Object> top, String key, int atLeast) {
        List<Integer> l = list(top, key, key);
        if (l.size() < atLeast) {
            throw y.bad(key, "needs at least " + atLeast + " values");
        }
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i) <= l.get(i - 1)) {
                throw y.bad(key, "must be strictly ascending: " + l);
            }
        }
        return l;
    }

    Integrator integrator(Map<String, Object> top) {
        if (!top.containsKey("integrator")) {
            return Integrator.DP853;
        }
        try {
            return Integrator.parse(y.text(top.get("integrator"), "integrator"), "integrator");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    double positive(Map<String, Object> m, String key) {
        double x = y.number(y.required(m, key, key), key);
        if (!(x > 0) || Double.isInfinite(x)) {
            throw y.bad(key, "= " + x + " must be a finite number > 0");
        }
        return x;
    }

    double time(Map<String, Object> top) {
        double t = positive(top, "time");
        if (t > 1e7) {
            throw y.bad("time", "= " + t + " must be at most 1e7");
        }
        return t;
    }

    private DynamicsClaim.Trend trend(Map<String, Object> top) {
        String t = y.text(y.required(top, "trend", "trend"), "trend").trim().toUpperCase(Locale.ROOT);
        try {
            return DynamicsClaim.Trend.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw y.bad("trend", "'" + t.toLowerCase(Locale.ROOT) + "' is not known: allowed are decreasing, increasing");
        }
    }

    /** The init block; {@code required} for claims that start from random weights; N must be a multiple of {@code lcm}. */
    DynamicsClaim.Init init(Map<String, Object> top, boolean required, int lcm, Set<String> keys) {
        if (!top.containsKey("init")) {
            if (required) {
                throw y.bad("init", "is missing: this claim starts from random weights {N, sigma_J, sigma_B, seed}");
            }
            return null;
        }
        Map<String, Object> i = y.map(top.get("init"), "init", keys);
        int n = i.containsKey("N") ? y.whole(i.get("N"), "init.N") : Weights.defaultN(lcm, 1024);
        if (n < 1 || n % lcm != 0 || n > Weights.MAX_N) {
            throw y.bad("init.N", "= " + n + " must be a multiple of " + lcm + " (every L) and at most " + Weights.MAX_N);
        }
        double sj = i.containsKey("sigma_J") ? y.number(i.get("sigma_J"), "init.sigma_J") : 0.01;
        double sb = i.containsKey("sigma_B") ? y.number(i.get("sigma_B"), "init.sigma_B") : 1;
        try {
            Weights.checkSigmas(sj, sb);
        } catch (InvalidInputException e) {
            throw y.bad("init", "sigma_J = " + sj + ", sigma_B = " + sb + ": sigma_J must be >= 0 and sigma_B > 0, both finite");
        }
        long seed = i.containsKey("seed") ? y.whole(i.get("seed"), "init.seed") : 1;
        return new DynamicsClaim.Init(n, sj, sb, seed);
    }

    static int lcm(int a, int b) {
        return a / gcd(a, b) * b;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
