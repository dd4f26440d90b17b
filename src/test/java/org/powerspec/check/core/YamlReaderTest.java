package org.powerspec.check.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.ClaimExpression;

/** Typed YAML access: every value read as the claim files need it, every fault one line naming the file and the key. */
class YamlReaderTest {
    private static final Path FILE = Path.of("claims", "c.yaml");
    private final YamlReader y = new YamlReader(FILE);

    /** The message of the InvalidInputException that {@code e} throws: one line, starting with the file. */
    private static String fault(Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertTrue(x.getMessage().startsWith(FILE + ": "), x.getMessage());
        assertFalse(x.getMessage().contains("\n"), x.getMessage());
        return x.getMessage();
    }

    private Map<String, Object> load(String yaml) {
        return y.map(YamlReader.load(yaml, FILE), "", null);
    }

    @Test
    void loadReadsYamlTypesAndKeepsTheOrderOfKeys() {
        Map<String, Object> m = load("b: 2\na: 2.5\nc: text\nd: [1, 2]\ne: {x: 1}\nf: 1e7\ng: 1.0e+7\n3: three\n");
        assertEquals(List.of("b", "a", "c", "d", "e", "f", "g", "3"), List.copyOf(m.keySet()), "file order, keys as strings");
        assertEquals(2, m.get("b"));
        assertEquals(2.5, m.get("a"));
        assertEquals("text", m.get("c"));
        assertEquals(List.of(1, 2), m.get("d"));
        assertEquals(Map.of("x", 1), m.get("e"));
        // a number in scientific notation is read as a number, and text() writes it without the exponent
        assertEquals(1e7, y.number(m.get("f"), "f"));
        assertEquals(1e7, y.number(m.get("g"), "g"));
        assertEquals("10000000", y.text(m.get("f"), "f"));
        assertEquals("three", m.get("3"));
    }

    @Test
    void faultyYamlIsOneLineNamingTheFile() {
        String syntax = fault(() -> YamlReader.load("name: [unclosed\n", FILE));
        assertTrue(syntax.startsWith(FILE + ": not valid YAML: "), syntax);
        String twice = fault(() -> YamlReader.load("a: 1\na: 2\n", FILE));
        assertTrue(twice.contains("duplicate key"), twice);
        // the safe constructor builds no Java objects from tags
        String tag = fault(() -> YamlReader.load("a: !!java.io.File [\"/\"]\n", FILE));
        assertTrue(tag.contains("not valid YAML"), tag);
        // negative control: the same texts, well formed, load
        assertEquals(Map.of("name", List.of("unclosed")), YamlReader.load("name: [unclosed]\n", FILE));
        assertEquals(Map.of("a", 1, "b", 2), YamlReader.load("a: 1\nb: 2\n", FILE));
    }

    @Test
    void mapRefusesWhatIsNotAMappingAndKeysItDoesNotKnow() {
        assertEquals(FILE + ": the file must be a mapping {key: value, …}", fault(() -> y.map(List.of(1), "", null)));
        assertEquals(FILE + ": model must be a mapping {key: value, …}", fault(() -> y.map("x", "model", Set.of("p"))));
        Object model = YamlReader.load("alpha: 2\np: 1\ncolour: blue\n", FILE);
        assertEquals(FILE + ": model.colour is not a known key: allowed are alpha, p, v",
                fault(() -> y.map(model, "model", Set.of("v", "p", "alpha"))));
        assertEquals(FILE + ": colour is not a known key: allowed are alpha, p",
                fault(() -> y.map(model, "", Set.of("p", "alpha"))), "a top-level key has no prefix");
        // negative control: with colour allowed (or no list of keys) the same mapping is read
        assertEquals(3, y.map(model, "model", Set.of("alpha", "p", "colour")).size());
        assertEquals(3, y.map(model, "model", null).size());
    }

    @Test
    void requiredNamesTheMissingKeyByItsPath() {
        Map<String, Object> m = load("alpha: 2\nempty: ~\n");
        assertEquals(2, y.required(m, "alpha", "model.alpha"));
        assertEquals(FILE + ": model.p is missing", fault(() -> y.required(m, "p", "model.p")));
        assertEquals(FILE + ": model.empty is missing", fault(() -> y.required(m, "empty", "model.empty")), "null is missing");
    }

    @Test
    void numbersWholeNumbersAndBounds() {
        assertEquals(3.0, y.number(3, "k"));
        assertEquals(0.25, y.number(0.25, "k"));
        assertEquals(2.5e-3, y.number(" 2.5e-3 ", "k"));
        assertEquals(Long.MAX_VALUE, y.number(Long.MAX_VALUE, "k"), 0);
        assertEquals(FILE + ": sweep.d 'x' is not a number", fault(() -> y.number("x", "sweep.d")));
        assertEquals(FILE + ": sweep.d '[1, 2]' is not a number", fault(() -> y.number(List.of(1, 2), "sweep.d")));

        assertEquals(64, y.whole(64, "sweep.d"));
        assertEquals(64, y.whole(64.0, "sweep.d"));
        assertEquals(-7, y.whole("-7", "sweep.d"));
        assertEquals(Integer.MAX_VALUE, y.whole((double) Integer.MAX_VALUE, "sweep.d"));
        assertEquals(FILE + ": sweep.d '2.5' is not a whole number", fault(() -> y.whole(2.5, "sweep.d")));
        assertEquals(FILE + ": sweep.d '3000000000' is not a whole number", fault(() -> y.whole(3_000_000_000L, "sweep.d")));

        assertEquals(0.5, y.positive(0.5, "constants.lower", "a constant must be > 0"));
        assertEquals(FILE + ": constants.lower = 0 is not allowed: a constant must be > 0",
                fault(() -> y.positive(0, "constants.lower", "a constant must be > 0")));
        assertEquals(FILE + ": constants.lower = -0.00005 is not allowed: must be > 0",
                fault(() -> y.positive(-5e-5, "constants.lower", "must be > 0")), "a plain decimal, not -5.0E-5");
        assertEquals(FILE + ": constants.upper = Infinity is not allowed: finite",
                fault(() -> y.positive(" Infinity ", "constants.upper", "finite")), "a string is quoted as written, trimmed");
        assertEquals(FILE + ": constants.upper = Infinity is not allowed: finite",
                fault(() -> y.positive(YamlReader.load("u: .inf\n", FILE) instanceof Map<?, ?> u ? u.get("u") : null,
                        "constants.upper", "finite")), "YAML's .inf");
        assertTrue(fault(() -> y.positive(Double.NaN, "k", "finite")).contains("k = NaN is not allowed"));
    }

    @Test
    void textIsAStringOrANumberWrittenWithoutExponent() {
        assertEquals("d/2", y.text("d/2", "range.to"));
        assertEquals("7", y.text(7, "range.to"));
        assertEquals("12345678901", y.text(12_345_678_901L, "range.to"));
        assertEquals("123456789012345678901234567890", y.text(new java.math.BigInteger("123456789012345678901234567890"), "k"));
        assertEquals("0.00005", y.text(5e-5, "exponent"));
        assertEquals("10000000", y.text(1e7, "window.to"));
        assertEquals("2.5", y.text(2.50, "k"));
        assertEquals("Infinity", y.text(Double.POSITIVE_INFINITY, "k"));
        assertEquals(FILE + ": range.to must be a string or a number", fault(() -> y.text(List.of("d"), "range.to")));
        // plain() agrees with BigDecimal's exact reading for every double it writes (a second method: the decimal
        // expansion of the double's shortest representation)
        Random rnd = new Random(12);
        for (int i = 0; i < 1000; i++) {
            double v = Math.pow(10, rnd.nextInt(40) - 20) * rnd.nextDouble() * (rnd.nextBoolean() ? 1 : -1);
            String p = YamlReader.plain(v, "?");
            assertFalse(p.contains("E") || p.contains("e"), p);
            assertEquals(v, Double.parseDouble(p), p);
        }
    }

    @Test
    void scientificNotationInAnExpressionIsWrittenOutExactly() {
        assertEquals("(0.001)*L", YamlReader.plainNumbers("1e-3*L"));
        assertEquals("(0.5)*(1+beta) + 0*E", YamlReader.plainNumbers("5E-1*(1+beta) + 0*E"));
        assertEquals("(2500)*L/E", YamlReader.plainNumbers("2.5e+3*L/E"));
        assertEquals("(5)", YamlReader.plainNumbers(".5e1"));
        // not a number in scientific notation: part of a name, a name after a number, Euler's E alone
        for (String kept : List.of("x1e5", "c1e2*d", "1e5x", "2*E", "E-1", "Log[d]^(p+1)", "d/2")) {
            assertEquals(kept, YamlReader.plainNumbers(kept), kept);
        }
        // each written-out number is the same decimal, exactly, as the one written in scientific notation
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            String mantissa = rnd.nextInt(1000) + (rnd.nextBoolean() ? "." + rnd.nextInt(1000) : "");
            String sci = mantissa + (rnd.nextBoolean() ? "e" : "E") + (rnd.nextBoolean() ? "-" : rnd.nextBoolean() ? "+" : "")
                    + rnd.nextInt(30);
            String out = YamlReader.plainNumbers("2*" + sci + "*d");
            assertTrue(out.startsWith("2*(") && out.endsWith(")*d"), out);
            BigDecimal written = new BigDecimal(out.substring(3, out.length() - 3));
            assertEquals(0, written.compareTo(new BigDecimal(sci)), sci + " -> " + out);
            assertFalse(out.substring(3, out.length() - 3).contains("E"), out);
        }
    }

    @Test
    void expressionsReadScientificNotationAsNumbersAndNameTheFile() {
        Set<String> names = Set.of("L", "beta");
        ClaimExpression e = y.expression("window.from", "1e-3*L", names);
        assertEquals(0.064, e.value(Map.of("L", 64.0)), 1e-15);
        assertEquals(1.0, y.expression("exponent", "5E-1*(1+beta)", names).value(Map.of("beta", 1.0)), 1e-15);
        // negative control: without the rewriting, Symja reads 5E-1 as 5*E - 1 and 1e-3 as an unknown name e
        assertNotEquals(1.0, ClaimExpression.parse("exponent", "5E-1*(1+beta)", names).value(Map.of("beta", 1.0)), 1e-3);
        assertThrows(InvalidInputException.class, () -> ClaimExpression.parse("window.from", "1e-3*L", names));

        String unknown = fault(() -> y.expression("exponent", "beta/(1+gamma)", names));
        assertTrue(unknown.contains("exponent 'beta/(1+gamma)' uses the unknown name 'gamma'"), unknown);
        assertTrue(unknown.startsWith(FILE + ": exponent"), "the file once: " + unknown);
        // probed at 2.5 by expression(), not by expressionUnprobed(): Log[1 - x] is not real there
        Set<String> x = Set.of("x");
        assertTrue(fault(() -> y.expression("rate", "Log[1 - x]", x)).startsWith(FILE + ": rate"));
        assertEquals(Math.log(0.5), y.expressionUnprobed("rate", "Log[1 - x]", x).value(Map.of("x", 0.5)), 1e-15);
    }
}
