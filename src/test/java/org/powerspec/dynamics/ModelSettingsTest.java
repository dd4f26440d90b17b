package org.powerspec.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.InvalidInputException;

class ModelSettingsTest {
    /** The power law λ_ℓ = ℓ^(−(1+β)) / mean: ratios ℓ^(−(1+β)) and mean 1; a list is used as given. */
    @Test
    void spectrumIsThePowerLawOrTheListAsGiven() {
        EigenspaceSpectrum p = ModelSettings.spectrum(null, 8, 1.5);
        double sum = 0;
        for (int l = 0; l < 8; l++) {
            sum += p.get(l);
            assertEquals(Math.pow(l + 1, -2.5), p.get(l) / p.get(0), 1e-15);
        }
        assertEquals(8, sum, 1e-12);
        assertEquals(1.5, p.beta());
        EigenspaceSpectrum e = ModelSettings.spectrum(List.of(3.0, 1.0, 0.25), null, null);
        assertArrayEquals(new double[] {3, 1, 0.25}, e.values(), 0);
        assertEquals(Double.NaN, e.beta());
        // control: the list is not normalised, so it differs from the same ratios at mean 1
        assertNotEquals(e, new EigenspaceSpectrum(new double[] {3 / 1.4166666666666667, 1 / 1.4166666666666667,
            0.25 / 1.4166666666666667}, Double.NaN));
    }

    /** Without {@code trainable} every eigenspace is trained; with it the model trains that many. */
    @Test
    void modelIsTheTwoLayerModelOfTheSettings() {
        EigenspaceSpectrum s = ModelSettings.spectrum(null, 16, 1.0);
        TwoLayerModel all = new ModelSettings(Nonlinearity.ERF, 3, 2, s, 0.25, OutputScaling.SQRT, null).model();
        assertEquals(new TwoLayerModel(Nonlinearity.ERF, 3, 2, s, 0.25, OutputScaling.SQRT), all);
        assertEquals(16, all.trainable());
        TwoLayerModel top = new ModelSettings(Nonlinearity.LINEAR, 1, 1, s, 0.25, OutputScaling.NONE, 4).model();
        assertEquals(4, top.trainable());
        assertEquals(Nonlinearity.LINEAR, top.g());
        assertNotEquals(all, top);
    }

    /** What the model refuses is refused with the model's own words. */
    @Test
    void theModelsRefusalsComeThrough() {
        EigenspaceSpectrum s = ModelSettings.spectrum(null, 4, 1.0);
        InvalidInputException k = assertThrows(InvalidInputException.class,
                () -> new ModelSettings(Nonlinearity.ERF, 0, 2, s, 0.5, OutputScaling.NONE, null).model());
        assertEquals("K 0 is not allowed: 1 <= K <= 200", k.getMessage());
        InvalidInputException t = assertThrows(InvalidInputException.class,
                () -> new ModelSettings(Nonlinearity.ERF, 2, 2, s, 0.5, OutputScaling.NONE, 5).model());
        assertEquals("trainable 5 is not allowed: 1 <= N_l <= L = 4", t.getMessage());
        InvalidInputException l = assertThrows(InvalidInputException.class, () -> ModelSettings.spectrum(null, 0, 1.0));
        assertEquals("L 0 is not allowed: 1 <= L <= 65536", l.getMessage());
    }
}
