package org.powerspec.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IAST;
import org.powerspec.InvalidInputException;

/**
 * Claim expressions are evaluated in double arithmetic (Symja's DoubleEvaluator) for speed; the second method is
 * Symja's engine evaluating the same text exactly and then to 30 digits.
 */
class ClaimExpressionTest {
    private static final Set<String> NAMES = Set.of("j", "d", "p", "alpha", "b", "c1");
    private static final Map<String, Double> AT = Map.of("d", 1024.0, "p", 3.0, "alpha", 1.5, "b", 1.25, "c1", 8.0);

    private static final int[] JS = {1, 2, 3, 4, 5, 7, 10, 16, 31, 64, 100, 127, 200, 255, 299, 300};

    private static double[] exact(String source) {
        String rules = "{d->1024, p->3, alpha->3/2, b->5/4, c1->8}";
        String js = java.util.Arrays.toString(JS).replace('[', '{').replace(']', '}');
        IAST list = (IAST) SymjaEngine.get().eval("N[Table[(" + source + ")/." + rules + ", {j, " + js + "}], 30]");
        double[] out = new double[JS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i + 1).evalf();
        }
        return out;
    }

    @Test
    void machineValuesAgreeWithTheEngineToRounding() {
        String[] rates = {"(Log[j+1]^(p-1)/j)^alpha", "j^(-alpha)*Log[d]^(alpha*(p-1))", "(Log(j+1)^b/j)^alpha",
            "Max[2, c1*d/Log[d]^(p+1)] + Sqrt[j]*Exp[-j/d]", "j^(-alpha-1/2) + Pi*E^(-j) + EulerGamma"};
        for (String rate : rates) {
            ClaimExpression e = ClaimExpression.parse("rate", rate, NAMES);
            double[] fast = e.values("j", 1, 300, AT);
            double[] truth = exact(rate);
            double worst = 0;
            for (int i = 0; i < JS.length; i++) {
                worst = Math.max(worst, Math.abs(fast[JS[i] - 1] - truth[i]) / Math.abs(truth[i]));
            }
            assertTrue(worst < 1e-13, rate + ": worst relative error " + worst);
        }
    }

    @Test
    void namesThatSpellBuiltInFunctionsAreVariables() {
        // Symja's relaxed parser reads beta and gamma as Beta and Gamma; spelled as allowed names they are variables
        ClaimExpression e = ClaimExpression.parse("exponent", "beta/(1+beta) + 0*gamma", java.util.Set.of("beta", "gamma"));
        assertEquals(java.util.Set.of("beta", "gamma"), e.symbols());
        assertEquals(2.0 / 3.0, e.value(java.util.Map.of("beta", 2.0, "gamma", 7.0)), 1e-15);
        assertEquals(0.5, e.value(java.util.Map.of("beta", 1.0, "gamma", 7.0)), 1e-15);
    }

    @Test
    void whatTheMachinePathCannotDoTheEngineDoes() {
        // Zeta is not one of DoubleEvaluator's functions: the engine evaluates it
        ClaimExpression e = ClaimExpression.parse("rate", "Zeta[alpha]*j^(-alpha)", NAMES);
        double[] v = e.values("j", 1, 3, AT);
        assertEquals(2.612375348685488, v[0], 1e-12);
        assertEquals(2.612375348685488 / Math.pow(3, 1.5), v[2], 1e-12);
    }

    @Test
    void aNonRealValueIsAnErrorThatNamesThePoint() {
        ClaimExpression e = ClaimExpression.parse("rate", "Log[j-2]", NAMES);
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> e.values("j", 1, 5, AT));
        assertTrue(x.getMessage().contains("not a finite real number"), x.getMessage());
    }
}
