package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.Progress;
import org.powerspec.symbolic.Activation;

/** The whole high-precision pipeline, end to end, against a 50-digit mpmath reference and against double precision. */
class HighPrecisionSpectrumTest {

    /** The fixture's W (α = 8, v = 240, d = 60, p = 2) written as a sketch file, the way a user would give it. */
    static Path sketchFile(Path dir) throws Exception {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, DoubleDoubleFixtures.rows("rf_w_240x60.txt").stream()
                .map(r -> String.join(",", r)).collect(Collectors.joining("\n")) + "\n");
        return csv;
    }

    static Spectrum spectrum(Path csv, Precision precision) {
        SketchFile w = SketchFile.read(csv);
        SpectrumSpec spec = new SpectrumSpec(8, Activation.monomial(2), w.columns(), w.rows(), 0, csv, 1, false, precision);
        return SpectrumComputation.compute(spec, w, Progress.NONE);
    }

    @Test
    void highPrecisionMeetsTheFiftyDigitReferenceOnEveryEigenvalue(@TempDir Path dir) throws Exception {
        List<BigDecimal> reference = DoubleDoubleFixtures.decimals("rf_kernel_eigenvalues.txt");
        Spectrum high = spectrum(sketchFile(dir), Precision.HIGH);
        assertEquals(60, high.size());
        double worst = 0;
        for (int j = 1; j <= 60; j++) {
            BigDecimal ref = reference.get(j - 1);
            double rel = high.exact(j).subtract(ref).abs().divide(ref.abs(), MathContext.DECIMAL64).doubleValue();
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-12, "j=" + j + " relative error " + rel);
            assertTrue(high.exact(j).subtract(ref).abs().doubleValue() <= high.bound(j), "bound holds at j=" + j);
            assertTrue(high.reliable(j));
        }
        System.out.println("high precision vs mpmath, alpha = 8, d = 60: worst relative error " + worst);
    }

    @Test
    void negativeControlDoublePrecisionMissesTheTailButItsBoundSaysSo(@TempDir Path dir) throws Exception {
        List<BigDecimal> reference = DoubleDoubleFixtures.decimals("rf_kernel_eigenvalues.txt");
        Spectrum dbl = spectrum(sketchFile(dir), Precision.DOUBLE);
        double worst = 0;
        for (int j = 1; j <= 60; j++) {
            BigDecimal ref = reference.get(j - 1);
            double err = new BigDecimal(dbl.eigenvalue(j)).subtract(ref).abs().doubleValue();
            worst = Math.max(worst, err / ref.doubleValue());
            // the double bound is honest: it covers the true error everywhere
            assertTrue(err <= dbl.bound(j), "double bound at j=" + j + ": error " + err + " > " + dbl.bound(j));
        }
        assertTrue(worst > 1e-12, "double precision must fail the 1e-12 bar in the tail: worst " + worst);
        assertTrue(!dbl.reliable(60), "the smallest eigenvalue is below the double floor and marked unreliable");
    }

    @Test
    void doubleAgreesWithHighAboveItsFloor() {
        for (int p = 1; p <= 4; p++) {
            SpectrumSpec base = new SpectrumSpec(2, Activation.monomial(p), 80, 200, 3, null, 1, false, Precision.DOUBLE);
            Sketch w = SpectrumComputation.sketchFor(base);
            Spectrum dbl = SpectrumComputation.compute(base, w, Progress.NONE);
            Spectrum high = SpectrumComputation.compute(new SpectrumSpec(2, Activation.monomial(p), 80, 200, 3, null, 1, false,
                    Precision.HIGH), w, Progress.NONE);
            for (int j = 1; j <= 80; j++) {
                double h = high.eigenvalue(j);
                assertTrue(Math.abs(dbl.eigenvalue(j) - h) <= dbl.bound(j), "p=" + p + " j=" + j);
                if (Math.abs(h) > 1e-10 * high.eigenvalue(1)) {
                    assertEquals(h, dbl.eigenvalue(j), 1e-8 * Math.abs(h), "p=" + p + " j=" + j);
                }
            }
        }
    }

    @Test
    void highPrecisionOfIntegerAndFractionalAlpha() {
        double[][] l = DoubleDoubleSpectrumBackend.eigenvaluesOfH(2, 7);
        assertEquals(new BigDecimal(1).divide(new BigDecimal(49), new MathContext(40)).doubleValue(), l[0][6]);
        double[][] f = DoubleDoubleSpectrumBackend.eigenvaluesOfH(1.5, 4);
        // 4^-1.5 = 1/8 exactly
        assertEquals(0.125, f[0][3]);
        assertEquals(0.0, f[1][3], 1e-31 * 0.125, "DD pow: relative error of order 2^-104");
    }
}
