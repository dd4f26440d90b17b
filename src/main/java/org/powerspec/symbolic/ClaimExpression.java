package org.powerspec.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ast.ASTNode;
import org.matheclipse.parser.client.eval.DoubleEvaluator;
import org.matheclipse.parser.client.eval.DoubleVariable;
import org.powerspec.InvalidInputException;

/**
 * A real-valued expression from a claim — a rate such as {@code (Log[j+1]^(p-1)/j)^alpha} or a range end such as
 * {@code c1*d/Log[d]^(p+1)} — in Symja syntax ({@code ^}, {@code Log[x]} or {@code Log(x)}, natural log), checked once
 * for unknown names and evaluated numerically by Symja.
 *
 * <p><b>Names.</b> The names a claim declares (j, d, p, alpha and its own constants) always mean the claim's values,
 * in any case (Symja's relaxed syntax does not tell {@code e} from {@code E}): declaring {@code e: 0} makes both
 * {@code e} and {@code E} zero, and never Euler's number. Before Symja sees the text every declared name is replaced
 * by a private symbol that no built-in can shadow, so constants such as E, Pi, I, Degree or Catalan cannot capture
 * it. A declared name used as a function ({@code c1[d]}, {@code log(j)} next to a declared {@code log}) is refused.
 * Undeclared, only the constants Pi, E and EulerGamma are known. A name is a letter followed by letters and digits.
 *
 * @param name     where the expression comes from, for messages ({@code rate}, {@code range.to})
 * @param source   the text as the user wrote it
 * @param symbols  the declared names it uses, as declared
 * @param internal the text Symja evaluates: every declared name replaced by its private symbol
 */
public record ClaimExpression(String name, String source, Set<String> symbols, String internal) {
    /** Mathematical constants every expression may use. */
    public static final Set<String> BUILT_IN = Set.of("Pi", "E", "EulerGamma");

    /** A function head: a name followed by an opening bracket. */
    private static final java.util.regex.Pattern FUNCTION_HEAD =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\s*[\\[(]");

    /**
     * The functions the fast evaluator may compute, whose double values are those of Symja's engine (elementary
     * functions, Max, Min, Abs, Floor, Ceiling); any other (Round, which the two round differently at ties, Mod,
     * special functions, …) sends the whole expression to the engine.
     */
    static final Set<String> MACHINE_FUNCTIONS = Set.of("log", "exp", "sqrt", "max", "min", "abs", "sin", "cos", "tan",
            "arctan", "arcsin", "arccos", "sinh", "cosh", "tanh", "floor", "ceiling");

    /** What a name may look like: a letter, then letters and digits. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** The private symbol that stands for a declared name inside Symja (lower case: the relaxed parser keeps it). */
    static String privateSymbol(String declared) {
        return "powerspecname" + declared.toLowerCase(Locale.ROOT);
    }

    /** An expression without names (e.g. {@code oracle}, which is not evaluated). */
    public ClaimExpression(String name, String source, Set<String> symbols) {
        this(name, source, symbols, source);
    }

    /**
     * Parses and checks {@code source}: every name must be in {@code allowed} or a mathematical constant, and the
     * expression must be a real number once the names are numbers (probed with every name at 2.5).
     *
     * @throws InvalidInputException naming the expression and the unknown name or the fault
     */
    public static ClaimExpression parse(String name, String source, Set<String> allowed) {
        ClaimExpression e = parseUnprobed(name, source, allowed);
        Map<String, Double> probe = new LinkedHashMap<>();
        for (String s : e.symbols()) {
            probe.put(s, 2.5);
        }
        e.value(probe);
        return e;
    }

    /**
     * As {@link #parse}, without the probe: for expressions that the caller evaluates at the points where they are
     * used (a rate over its range), so that a rate defined only there is not refused at a point it never meets.
     */
    public static ClaimExpression parseUnprobed(String name, String source, Set<String> allowed) {
        if (source == null || source.isBlank()) {
            throw new InvalidInputException(name + " is empty: give an expression, e.g. (Log[j+1]^(p-1)/j)^alpha");
        }
        Map<String, String> declared = new java.util.HashMap<>();
        for (String a : allowed) {
            if (!NAME.matcher(a).matches()) {
                throw new IllegalArgumentException("not a name: " + a);
            }
            declared.put(a.toLowerCase(Locale.ROOT), a);
        }
        if (source.indexOf('_') >= 0) {
            throw new InvalidInputException(name + " '" + source + "' contains '_', which Symja reads as a pattern: "
                    + "names are a letter followed by letters and digits (c1, not c_1)");
        }
        // every declared name, as a whole word in any case, becomes its private symbol; numbers are skipped whole, so
        // the e of a plain decimal is never a name (scientific notation was written out before)
        StringBuilder internal = new StringBuilder();
        Set<String> used = new TreeSet<>();
        int i = 0;
        while (i < source.length()) {
            char ch = source.charAt(i);
            if (Character.isLetter(ch) && ch < 128) {
                int k = i;
                while (k < source.length() && source.charAt(k) < 128 && Character.isLetterOrDigit(source.charAt(k))) {
                    k++;
                }
                String word = source.substring(i, k);
                String as = declared.get(word.toLowerCase(Locale.ROOT));
                if (as != null) {
                    int next = k;
                    while (next < source.length() && source.charAt(next) == ' ') {
                        next++;
                    }
                    if (next < source.length() && (source.charAt(next) == '[' || (source.charAt(next) == '(' && next == k))) {
                        throw new InvalidInputException(name + " '" + source + "' uses the claim's name '" + as
                                + "' as a function (" + word + source.charAt(next) + "…): a declared name is a number here"
                                + " — write " + as + "*(…), or rename the constant if Symja's function " + word + " is meant");
                    }
                    internal.append(' ').append(privateSymbol(as)).append(' ');
                    used.add(as);
                } else {
                    internal.append(word);
                }
                i = k;
            } else if (Character.isDigit(ch) || ch == '.') {
                int k = i;
                while (k < source.length() && (Character.isDigit(source.charAt(k)) || source.charAt(k) == '.')) {
                    k++;
                }
                internal.append(source, i, k);
                i = k;
            } else {
                internal.append(ch);
                i++;
            }
        }
        String text = internal.toString();
        SymjaEngine symja = SymjaEngine.get();
        IExpr parsed;
        try {
            parsed = symja.eval("Hold[" + text + "]");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + " '" + source + "' is not a valid expression (Symja syntax: ^, *, "
                    + "Log[x] or Log(x)): " + e.getMessage().replaceFirst("^.*?: ", ""));
        }
        IExpr names = symja.eval("Union[Cases[" + parsed + ", _Symbol, Infinity]]");
        Set<String> privates = new java.util.HashSet<>();
        used.forEach(u -> privates.add(privateSymbol(u)));
        if (names.isList()) {
            IAST list = (IAST) names;
            for (int n = 1; n <= list.argSize(); n++) {
                String s = list.get(n).toString();
                if (BUILT_IN.contains(s) || privates.contains(s.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String asWritten = NAME.matcher(source).results().map(java.util.regex.MatchResult::group)
                        .filter(w -> w.equalsIgnoreCase(s)).findFirst().orElse(s);
                throw new InvalidInputException(name + " '" + source + "' uses the unknown name '" + asWritten
                        + "': allowed are " + String.join(", ", new TreeSet<>(allowed)) + " and Pi, E, EulerGamma");
            }
        }
        return new ClaimExpression(name, source, used, text);
    }

    private String substituted(Map<String, Double> values) {
        StringBuilder rules = new StringBuilder();
        for (String s : symbols) {
            Double v = values.get(s);
            if (v == null) {
                throw new IllegalArgumentException(name + ": no value for " + s);
            }
            rules.append(rules.length() == 0 ? "" : ",").append(privateSymbol(s)).append("->").append(number(v));
        }
        return rules.length() == 0 ? "(" + internal + ")" : "((" + internal + ")/.{" + rules + "})";
    }

    private static String number(double v) {
        // the shortest decimal that reads back as the same double, with a decimal point: a machine real to Symja, so
        // the expression is evaluated in double arithmetic (exact integers would make Symja carry Log[11], 2^(1/2), …
        // symbolically through the whole range, about 100 times slower)
        String s = java.math.BigDecimal.valueOf(v).toPlainString();
        return "(" + (s.contains(".") ? s : s + ".0") + ")";
    }

    /** The value with the given names bound. */
    public double value(Map<String, Double> values) {
        double[] fast = machine(values, null, 0, 0);
        if (fast != null && Double.isFinite(fast[0])) {
            return fast[0];
        }
        IExpr r = SymjaEngine.get().eval("N[" + substituted(values) + "]");
        return real(r, values);
    }

    /** Values at j = from..to (inclusive), the other names bound. */
    public double[] values(String j, int from, int to, Map<String, Double> others) {
        if (to < from) {
            return new double[0];
        }
        Map<String, Double> bound = new LinkedHashMap<>(others);
        bound.remove(j);
        for (String s : symbols) {
            if (!s.equals(j) && bound.get(s) == null) {
                throw new IllegalArgumentException(name + ": no value for " + s);
            }
        }
        double[] fast = machine(bound, j, from, to);
        if (fast != null && java.util.Arrays.stream(fast).allMatch(Double::isFinite)) {
            return fast;
        }
        // the engine decides what a non-finite machine value means, and names the point in its message
        return symbolic(j, from, to, bound);
    }

    /**
     * The expression in double arithmetic through Symja's {@code DoubleEvaluator} (its parser, relaxed syntax: the
     * same {@code Log[x]}, {@code Log(x)}, {@code ^}, {@code Sqrt}, {@code Max}, Pi, E, EulerGamma), about a thousand
     * times faster than evaluating through the engine; null when the expression uses something it does not know,
     * and the engine is used instead.
     */
    private double[] machine(Map<String, Double> bound, String j, int from, int to) {
        java.util.regex.Matcher heads = FUNCTION_HEAD.matcher(internal);
        while (heads.find()) {
            if (!MACHINE_FUNCTIONS.contains(heads.group(1).toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        try {
            DoubleEvaluator ev = new DoubleEvaluator(true);
            for (String s : symbols) {
                if (!s.equals(j)) {
                    ev.defineVariable(privateSymbol(s), bound.get(s));
                }
            }
            DoubleVariable jv = new DoubleVariable(0);
            if (j != null) {
                ev.defineVariable(privateSymbol(j), jv);
            }
            ASTNode node = ev.parse(internal);
            double[] out = new double[j == null ? 1 : to - from + 1];
            for (int i = 0; i < out.length; i++) {
                jv.setValue(from + i);
                out[i] = ev.evaluateNode(node);
            }
            return out;
        } catch (RuntimeException unsupported) {
            return null;
        }
    }

    private double[] symbolic(String j, int from, int to, Map<String, Double> bound) {
        StringBuilder rules = new StringBuilder();
        for (String s : symbols) {
            if (!s.equals(j)) {
                rules.append(rules.length() == 0 ? "" : ",").append(privateSymbol(s)).append("->").append(number(bound.get(s)));
            }
        }
        String body = rules.length() == 0 ? "(" + internal + ")" : "((" + internal + ")/.{" + rules + "})";
        double[] out = new double[to - from + 1];
        if (!symbols.contains(j)) {
            java.util.Arrays.fill(out, real(SymjaEngine.get().eval("N[" + body + "]"), bound));
            return out;
        }
        IExpr r = SymjaEngine.get().eval("N[Table[" + body + ", {" + privateSymbol(j) + ", " + from + ".0, " + to + ".0}]]");
        IAST list = (IAST) r;
        for (int i = 0; i < out.length; i++) {
            Map<String, Double> at = new LinkedHashMap<>();
            at.put(j, (double) (from + i));
            at.putAll(bound);
            out[i] = real(list.get(i + 1), at);
        }
        return out;
    }

    private double real(IExpr r, Map<String, Double> values) {
        if (r.isReal()) {
            double x = r.evalf();
            if (Double.isFinite(x)) {
                return x;
            }
        }
        List<String> at = new ArrayList<>();
        values.forEach((k, v) -> at.add(k + " = " + (v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue())
                : String.format(Locale.ROOT, "%.6g", v))));
        throw new InvalidInputException(name + " '" + source + "' is not a finite real number at " + String.join(", ", at)
                + " (it gives " + r + "): use functions Symja knows, e.g. Log[x], Sqrt[x], Exp[x]");
    }
}
