package org.powerspec.check.lemma;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.symbolic.Activation;

class MonteCarloLemmaTest {

    @Test
    void closedFormsPassAndWrongKernelsFail() {
        MonteCarloLemma.Setup setup = new MonteCarloLemma.Setup(2.0, 6, 24, 11, 100_000);
        List<MonteCarloLemma.Row> rows = MonteCarloLemma.check(setup,
                List.of(Activation.monomial(1), Activation.monomial(2), Activation.monomial(3)));
        for (MonteCarloLemma.Row r : rows) {
            assertTrue(r.closedForm().pass(), "closed form within error bars: " + r);
            assertFalse(r.control().pass(), "the wrong kernel must be rejected: " + r);
            assertTrue(r.holds());
        }
    }
}
