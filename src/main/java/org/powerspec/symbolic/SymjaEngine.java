package org.powerspec.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.powerspec.InvalidInputException;

/**
 * The computer-algebra side of the symbolic layer: Symja ({@code org.matheclipse:matheclipse-core}) parses users'
 * expressions, expands and simplifies, and writes LaTeX. Symja's evaluator costs 1.5–2 s to start, so it is created
 * lazily, once per process, only by the commands that need it; coefficient tables never touch it.
 *
 * <p>Symja's syntax is relaxed: {@code y^3-3*y}, {@code Log[j+1]} or {@code Log(j+1)}; symbols are case-sensitive.
 * Its {@code HermiteH} is the physicists' H_k; the probabilists' He_k(y) = 2^(−k/2)·H_k(y/√2).
 */
public final class SymjaEngine {
    private static SymjaEngine instance;

    private final ExprEvaluator evaluator;

    private SymjaEngine() {
        // Symja logs through Log4j2's API; without a back-end it complains on stderr. The simple context is silent.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        this.evaluator = new ExprEvaluator();
        // Symja prints evaluation messages ("Power: Infinite expression 1/0 encountered.") on standard output, where
        // they would corrupt a command's CSV or JSON; powerspec reports faults itself, so the engine stays quiet
        java.io.PrintStream silent = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        evaluator.getEvalEngine().setOutPrintStream(silent);
        evaluator.getEvalEngine().setErrorPrintStream(silent);
    }

    /** The process-wide engine, started on first use. */
    public static synchronized SymjaEngine get() {
        if (instance == null) {
            instance = new SymjaEngine();
        }
        return instance;
    }

    /** Evaluates Symja input; a syntax error becomes an {@link InvalidInputException} naming the input. */
    public synchronized IExpr eval(String input) {
        try {
            return evaluator.eval(input);
        } catch (org.matheclipse.parser.client.SyntaxError e) {
            throw new InvalidInputException("'" + input + "' is not a valid expression: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new InvalidInputException("'" + input + "' could not be evaluated: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** The expanded polynomial in Symja's input form, e.g. {@code 6*c^3+9*c*sa^2*sb^2}. */
    public String expand(String input) {
        return eval("Expand[" + input + "]").toString();
    }

    /** True when the input expands to exactly 0. */
    public boolean isIdenticallyZero(String input) {
        IExpr r = eval("Expand[" + input + "]");
        return r.isZero();
    }

    /**
     * The expanded input as LaTeX, with the symbols {@code sa, sb} written s_a, s_b (Symja itself writes rho as {@code \rho}) and
     * multiplication as a thin space.
     */
    public String latex(String input) {
        String tex = eval("TeXForm[Expand[" + input + "]]").toString();
        return tex.replace(" \\cdot ", "\\,")
                .replaceAll("\\bsa\\b", "s_a")
                .replaceAll("\\bsb\\b", "s_b");
    }

    /**
     * Parses a polynomial in {@code var} with exact rational coefficients, e.g. {@code y^3-3*y} or {@code y^2/2+y}.
     *
     * @throws InvalidInputException if the text does not parse, has other symbols, is not a polynomial in var, or
     *                               has a coefficient that is not an exact rational (such as 0.5 or Sqrt[2])
     */
    public Polynomial parsePolynomial(String source, String var) {
        String text = source.trim();
        if (text.isEmpty()) {
            throw new InvalidInputException("the polynomial is empty: give one in " + var + ", e.g. " + var + "^3-3*" + var);
        }
        IExpr expr = eval("Expand[" + eval(text) + "]");
        IExpr vars = eval("Variables[" + expr + "]");
        for (IExpr v : elements(vars)) {
            if (!v.toString().equals(var)) {
                throw new InvalidInputException("polynomial '" + source + "' contains '" + v
                        + "': only the variable " + var + " and exact rational numbers are allowed");
            }
        }
        if (!eval("PolynomialQ[" + expr + ", " + var + "]").isTrue()) {
            throw new InvalidInputException("'" + source + "' is not a polynomial in " + var
                    + ": allowed are sums of rational multiples of powers " + var + "^n, n = 0, 1, 2, …");
        }
        IExpr list = eval("CoefficientList[" + expr + ", " + var + "]");
        List<BigFraction> coefficients = new ArrayList<>();
        if (list.isList()) {
            for (IExpr a : elements(list)) {
                if (!(a instanceof IRational)) {
                    throw new InvalidInputException("polynomial '" + source + "' has the coefficient " + a
                            + ": coefficients must be exact rationals (write 1/2, not 0.5)");
                }
                IRational q = (IRational) a;
                coefficients.add(new BigFraction(q.toBigNumerator(), q.toBigDenominator()));
            }
        } else if (!list.isZero()) {
            throw new InvalidInputException("'" + source + "' is not a polynomial in " + var);
        }
        return new Polynomial(coefficients);
    }

    /** The elements of a Symja list {a, b, …}; empty for anything else. */
    private static List<IExpr> elements(IExpr list) {
        List<IExpr> r = new ArrayList<>();
        if (list.isList()) {
            IAST ast = (IAST) list;
            for (int i = 1; i <= ast.argSize(); i++) {
                r.add(ast.get(i));
            }
        }
        return r;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
