package org.powerspec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.second.DeterministicEquivalent;
import org.powerspec.numeric.second.ProductOracle;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.LevelCoefficients;
import picocli.CommandLine.Option;

/**
 * {@code spectrum --plot}'s {@code --overlay}: the second methods drawn beside the exact spectrum, the product oracle
 * (d → ∞, any f) and the deterministic equivalent (f = y), validated before any work.
 */
final class OverlayOptions {
    static final String ORACLE = "oracle";
    static final String EQUIVALENT = "equivalent";

    @Option(names = "--overlay", paramLabel = "M", split = ",",
            description = "With --plot, also draw second methods: oracle (the d -> infinity product oracle, any f) and/or "
                    + "equivalent (the deterministic equivalent, f = y only).")
    List<String> methods = List.of();

    /** Refuses, before any work, an unknown method, the equivalent for f ≠ y, the oracle above degree 16, and any overlay without --plot. */
    void check(Activation f, boolean plotting) {
        for (String m : methods) {
            if (!m.equals(ORACLE) && !m.equals(EQUIVALENT)) {
                throw new InvalidInputException("--overlay '" + m + "' is not known: allowed are oracle, equivalent");
            }
            if (m.equals(EQUIVALENT)) {
                DeterministicEquivalent.requireLinear(f);
            } else {
                LevelCoefficients.checkDegree(f);
            }
        }
        if (!methods.isEmpty() && !plotting) {
            throw new InvalidInputException("--overlay " + String.join(",", methods) + " needs --plot FILE");
        }
    }

    /** The curves to draw, by legend name. */
    Map<String, double[]> overlays(SpectrumSpec s) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String m : methods) {
            if (m.equals(ORACLE)) {
                out.put("product oracle (d -> infinity)", ProductOracle.rate(s));
            } else {
                out.put("deterministic equivalent (p = 1)", DeterministicEquivalent.rate(s));
            }
        }
        return out;
    }
}
