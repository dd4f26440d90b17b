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

/** The {@code --overlay} values of {@code spectrum --plot}: which second methods to draw, validated before any work. */
final class SecondMethods {
    static final String ORACLE = "oracle";
    static final String EQUIVALENT = "equivalent";

    private SecondMethods() {
    }

    /** Refuses, before any work, an unknown method, the equivalent for f ≠ y, the oracle above degree 16, and any overlay without --plot. */
    static void check(List<String> methods, Activation f, boolean plotting) {
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
    static Map<String, double[]> overlays(SpectrumSpec s, List<String> methods) {
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
