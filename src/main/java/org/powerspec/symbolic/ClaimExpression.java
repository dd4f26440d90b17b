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
 * @param name    where the expression comes from, for messages ({@code rate}, {@code range.to})
 * @param source  the text
 * @param symbols the names it uses
 */
public record ClaimExpression(String name, String source, Set<String> symbols) {
    /** Mathematical constants every expression may use. */
    public static final Set<String> BUILT_IN = Set.of("Pi", "E", "EulerGamma");

    /**
     * Parses and checks {@code source}: every name must be in {@code allowed} or a mathematical constant, and the
     * expression must be a real number once the names are numbers.
     *
     * @throws InvalidInputException naming the expression and the unknown name or the fault
     */
    public static ClaimExpression parse(String name, String source, Set<String> allowed) {
        if (source == null || source.isBlank()) {
            throw new InvalidInputException(name + " is empty: give an expression, e.g. (Log[j+1]^(p-1)/j)^alpha");
        }
        SymjaEngine symja = SymjaEngine.get();
        IExpr parsed;
        try {
            parsed = symja.eval("Hold[" + source + "]");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + " '" + source + "' is not a valid expression (Symja syntax: ^, *, "
                    + "Log[x] or Log(x)): " + e.getMessage().replaceFirst("^.*?: ", ""));
        }
        IExpr names = symja.eval("Union[Cases[" + parsed + ", _Symbol, Infinity]]");
        Set<String> symbols = new TreeSet<>();
        if (names.isList()) {
            IAST list = (IAST) names;
            for (int i = 1; i <= list.argSize(); i++) {
                String s = list.get(i).toString();
                if (BUILT_IN.contains(s)) {
                    continue;
                }
                if (!allowed.contains(s)) {
                    // the relaxed parser capitalises names of built-in functions (beta -> Beta, gamma -> Gamma); the
                    // user's spelling parses to the same symbol in every rule and in the machine evaluator
                    String spelled = allowed.stream().filter(a -> a.equalsIgnoreCase(s)).findFirst().orElse(null);
                    if (spelled != null) {
                        symbols.add(spelled);
                        continue;
                    }
                    String asWritten = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*").matcher(source).results()
                            .map(java.util.regex.MatchResult::group).filter(w -> w.equalsIgnoreCase(s)).findFirst().orElse(s);
                    throw new InvalidInputException(name + " '" + source + "' uses the unknown name '" + asWritten + "': allowed are "
                            + String.join(", ", new TreeSet<>(allowed)) + " and Pi, E");
                }
                symbols.add(s);
            }
        }
        ClaimExpression e = new ClaimExpression(name, source, symbols);
        Map<String, Double> probe = new LinkedHashMap<>();
        for (String s : symbols) {
            probe.put(s, 2.5);
        }
        e.value(probe);
        return e;
    }

    private String substituted(Map<String, Double> values) {
        StringBuilder rules = new StringBuilder();
        for (String s : symbols) {
            Double v = values.get(s);
            if (v == null) {
                throw new IllegalArgumentException(name + ": no value for " + s);
            }
            rules.append(rules.length() == 0 ? "" : ",").append(s).append("->").append(number(v));
        }
        return rules.length() == 0 ? "(" + source + ")" : "((" + source + ")/.{" + rules + "})";
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
        try {
            DoubleEvaluator ev = new DoubleEvaluator(true);
            for (String s : symbols) {
                if (!s.equals(j)) {
                    ev.defineVariable(s, bound.get(s));
                }
            }
            DoubleVariable jv = new DoubleVariable(0);
            if (j != null) {
                ev.defineVariable(j, jv);
            }
            ASTNode node = ev.parse(source);
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
                rules.append(rules.length() == 0 ? "" : ",").append(s).append("->").append(number(bound.get(s)));
            }
        }
        String body = rules.length() == 0 ? "(" + source + ")" : "((" + source + ")/.{" + rules + "})";
        double[] out = new double[to - from + 1];
        if (!symbols.contains(j)) {
            java.util.Arrays.fill(out, real(SymjaEngine.get().eval("N[" + body + "]"), bound));
            return out;
        }
        IExpr r = SymjaEngine.get().eval("N[Table[" + body + ", {" + j + ", " + from + ".0, " + to + ".0}]]");
        IAST list = (IAST) r;
        for (int i = 0; i < out.length; i++) {
            out[i] = real(list.get(i + 1), bound);
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
        values.forEach((k, v) -> at.add(k + " = " + String.format(Locale.ROOT, "%.6g", v)));
        throw new InvalidInputException(name + " '" + source + "' is not a finite real number at " + String.join(", ", at)
                + " (it gives " + r + "): use functions Symja knows, e.g. Log[x], Sqrt[x], Exp[x]");
    }
}
