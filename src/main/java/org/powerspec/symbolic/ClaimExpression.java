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
                    throw new InvalidInputException(name + " '" + source + "' uses the unknown name '" + s + "': allowed are "
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
        // exact decimal text of the double, so Symja sees the same number
        return "(" + new java.math.BigDecimal(v).toPlainString() + ")";
    }

    /** The value with the given names bound. */
    public double value(Map<String, Double> values) {
        IExpr r = SymjaEngine.get().eval("N[" + substituted(values) + "]");
        return real(r, values);
    }

    /** Values at j = from..to (inclusive), the other names bound: one Symja call for the whole range. */
    public double[] values(String j, int from, int to, Map<String, Double> others) {
        if (to < from) {
            return new double[0];
        }
        Map<String, Double> bound = new LinkedHashMap<>(others);
        bound.remove(j);
        StringBuilder rules = new StringBuilder();
        for (String s : symbols) {
            if (!s.equals(j)) {
                Double v = bound.get(s);
                if (v == null) {
                    throw new IllegalArgumentException(name + ": no value for " + s);
                }
                rules.append(rules.length() == 0 ? "" : ",").append(s).append("->").append(number(v));
            }
        }
        String body = rules.length() == 0 ? "(" + source + ")" : "((" + source + ")/.{" + rules + "})";
        IExpr r = SymjaEngine.get().eval("N[Table[" + body + ", {" + j + ", " + from + ", " + to + "}]]");
        double[] out = new double[to - from + 1];
        if (!symbols.contains(j)) {
            java.util.Arrays.fill(out, real(SymjaEngine.get().eval("N[" + body + "]"), bound));
            return out;
        }
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
