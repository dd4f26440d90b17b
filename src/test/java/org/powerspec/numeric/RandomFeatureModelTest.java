package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.second.DeterministicEquivalent;
import org.powerspec.numeric.second.ProductOracle;
import org.powerspec.symbolic.Activation;

/** One model behind the spectrum, the oracle and the equivalent: shared, validated once, errors in their old order. */
class RandomFeatureModelTest {

    @Test
    void theSecondMethodsHoldTheSpectrumsModel() {
        SpectrumSpec s = new SpectrumSpec(2, Activation.monomial(1), 16, 64, 1, null, 0.5, true, Precision.DOUBLE, 9);
        assertSame(s.model(), ProductOracle.Spec.of(s).model());
        assertSame(s.model(), DeterministicEquivalent.Spec.of(s).model());
        assertEquals(new RandomFeatureModel(2, Activation.monomial(1), 64, 9, 0.5), s.model());
        assertEquals(9, s.covariance().rank());
        assertEquals(new PowerLawCovariance(2, 64, 12), s.withCutoff(12).covariance());
        assertEquals("alpha = 2.0, f(y) = y^1, d = 16, v = 64, cutoff = 9, w_variance = 0.5",
                DeterministicEquivalent.Spec.of(s).describe());
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void eachFieldIsRefusedByTheModel() {
        assertEquals("alpha 1.0 is not allowed: alpha must be a finite number > 1",
                message(() -> new RandomFeatureModel(1, Activation.monomial(2), 10, 0, 1)));
        assertEquals("w_variance 0.0 is not allowed: it must be a finite number > 0",
                message(() -> new RandomFeatureModel(2, Activation.monomial(2), 10, 0, 0)));
        assertEquals("cutoff 0 is not allowed: the cut-off M must be a whole number >= 1",
                message(() -> new RandomFeatureModel(2, Activation.monomial(2), 10, 0, 1).withCutoff(0)));
    }

    @Test
    void errorsComeInTheOrderTheyAlwaysHave() {
        // with two parameters wrong, the one reported is the one reported before the model was shared
        assertEquals("activation 'y^17' has degree 17: the product oracle's exact level coefficients are derived"
                + " for degree <= 16", message(() -> new ProductOracle.Spec(2, Activation.monomial(17), 10, 0, 0)));
        assertEquals("alpha 1.0 is not allowed: alpha must be a finite number > 1",
                message(() -> new ProductOracle.Spec(1, Activation.monomial(17), 10, 0, 0)));
        assertEquals("d 0 is not allowed: d must be a whole number from 1 to 46000",
                message(() -> new SpectrumSpec(2, Activation.monomial(2), 0, 10, 1, null, 0, false, Precision.DOUBLE)));
        assertEquals("alpha 1.0 is not allowed: alpha must be a finite number > 1",
                message(() -> new SpectrumSpec(1, Activation.monomial(2), 0, 10, 1, null, 0, false, Precision.DOUBLE)));
        assertEquals("d 0 is not allowed: d must be a whole number from 1 to 46000",
                message(() -> new DeterministicEquivalent.Spec(1, 0, 10, 0, 0)));
        assertEquals("alpha 1.0 is not allowed: alpha must be a finite number > 1",
                message(() -> new DeterministicEquivalent.Spec(1, 5, 10, 0, 0)));
    }

    @Test
    void theEquivalentRefusesANonlinearModel() {
        SpectrumSpec s = new SpectrumSpec(2, Activation.monomial(2), 16, 64, 1, null, 1, false, Precision.DOUBLE);
        assertEquals("the deterministic equivalent needs f(y) = y (p = 1), not y^2",
                message(() -> DeterministicEquivalent.Spec.of(s)));
    }
}
