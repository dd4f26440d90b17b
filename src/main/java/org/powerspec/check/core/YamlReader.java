package org.powerspec.check.core;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.ClaimExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Typed access to a claim file's YAML values: every fault is an {@link InvalidInputException} that names the file and
 * the key ({@code model.alpha}, {@code sweep.d}) and says what is allowed.
 */
public final class YamlReader {
    private final Path file;

    public YamlReader(Path file) {
        this.file = file;
    }

    /** Parses YAML text safely (no arbitrary types); a syntax error names the file. */
    public static Object load(String yaml, Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidInputException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' ')
                    .replaceAll(" *\\^ *", " ").replaceAll(" +", " ").trim());
        }
    }

    public InvalidInputException bad(String key, String what) {
        return new InvalidInputException(file + ": " + (key.isEmpty() ? "the file" : key) + " " + what);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(Object o, String key, Set<String> allowed) {
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

    public Object required(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            throw bad(path, "is missing");
        }
        return v;
    }

    public double number(Object o, String key) {
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

    public int whole(Object o, String key) {
        double x = number(o, key);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw bad(key, "'" + o + "' is not a whole number");
        }
        return (int) x;
    }

    public String text(Object o, String key) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof java.math.BigInteger) {
            return o.toString();
        }
        if (o instanceof Number n) {
            return plain(n.doubleValue(), n.toString());
        }
        throw bad(key, "must be a string or a number");
    }

    /**
     * A number as a decimal without exponent ({@code 0.00005}, not {@code 5.0E-5}, which Symja would read as 5.0·e − 5);
     * {@code text} when it is not a finite number.
     */
    public static String plain(double v, String text) {
        if (!Double.isFinite(v)) {
            return text;
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A number in scientific notation inside an expression: 1e-5, 2.5E3, .5e1 (not part of a name). */
    private static final java.util.regex.Pattern SCIENTIFIC =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])(\\d+\\.?\\d*|\\.\\d+)[eE]([-+]?\\d+)(?![A-Za-z0-9_.])");

    /**
     * The expression with every number in scientific notation written as a plain decimal, exactly: Symja would read
     * 5E-1 as 5·e − 1 (E is Euler's number to it) and 1e-3 as an unknown name e.
     */
    public static String plainNumbers(String source) {
        java.util.regex.Matcher m = SCIENTIFIC.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String plain = new java.math.BigDecimal(m.group()).stripTrailingZeros().toPlainString();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("(" + plain + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    public ClaimExpression expression(String key, String source, Set<String> allowed) {
        return expression(key, source, allowed, true);
    }

    /** As {@link #expression}, not probed: the caller evaluates it where it is used. */
    public ClaimExpression expressionUnprobed(String key, String source, Set<String> allowed) {
        return expression(key, source, allowed, false);
    }

    private ClaimExpression expression(String key, String source, Set<String> allowed, boolean probed) {
        String text = plainNumbers(source);
        try {
            return probed ? ClaimExpression.parse(key, text, allowed) : ClaimExpression.parseUnprobed(key, text, allowed);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    /** A number that is a bound: finite and &gt; 0. */
    public double positive(Object o, String key, String what) {
        double x = number(o, key);
        if (!(x > 0) || !Double.isFinite(x)) {
            throw bad(key, "= " + (o instanceof String s ? s.trim() : plain(x, String.valueOf(x))) + " is not allowed: "
                    + what);
        }
        return x;
    }

}
