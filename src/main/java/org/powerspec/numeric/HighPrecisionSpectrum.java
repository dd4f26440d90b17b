package org.powerspec.numeric;

import org.powerspec.InvalidInputException;

/** Placeholder until the double-double solver is merged. */
final class HighPrecisionSpectrum {
    private HighPrecisionSpectrum() {
    }

    static Spectrum compute(SpectrumSpec spec, Sketch sketch, Progress progress) {
        throw new InvalidInputException("--precision high is being merged");
    }
}
