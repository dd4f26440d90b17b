package org.powerspec.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powerspec.Progress;
import org.powerspec.numeric.linalg.DenseLinearAlgebra;
import org.powerspec.numeric.linalg.OjAlgoLinearAlgebra;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;

class DoubleSpectrumTest {

    static Path resource(String name) {
        try {
            return Path.of(DoubleSpectrumTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** numpy's eigenvalues (descending) for p, from the committed fixture. */
    static double[] numpy(int p) throws IOException {
        List<Double> out = new ArrayList<>();
        try (InputStream in = DoubleSpectrumTest.class.getResourceAsStream("numpy-spectra-v96-d40.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList()) {
                String[] f = line.split(",");
                if (Integer.parseInt(f[0]) == p) {
                    out.add(Double.parseDouble(f[2]));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static Spectrum fromFixture(int p, DenseLinearAlgebra la) {
        SketchFile w = SketchFile.read(resource("sketch-v96-d40.csv"));
        SpectrumSpec spec = new SpectrumSpec(2.0, Activation.monomial(p), w.columns(), w.rows(), 0,
                resource("sketch-v96-d40.csv"), 1.0, false, Precision.DOUBLE);
        return SpectrumComputation.computeDouble(spec, w, la, Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void sketchFileSpectrumAgreesWithNumpy(int p) throws IOException {
        double[] reference = numpy(p);
        for (DenseLinearAlgebra la : List.of(DenseLinearAlgebra.best(), OjAlgoLinearAlgebra.INSTANCE)) {
            Spectrum s = fromFixture(p, la);
            assertEquals(reference.length, s.size());
            double floor = 1e-10 * reference[0];
            for (int j = 1; j <= s.size(); j++) {
                double ref = reference[j - 1];
                if (Math.abs(ref) > floor) {
                    assertEquals(ref, s.eigenvalue(j), 1e-8 * Math.abs(ref), la.name() + " p=" + p + " j=" + j);
                }
                // the stated error bound covers the difference to the independent build
                assertTrue(Math.abs(ref - s.eigenvalue(j)) <= s.bound(j), "bound at j=" + j);
            }
        }
    }

    @Test
    void negativeControlAWrongKernelDisagreesWithNumpy() throws IOException {
        double[] reference = numpy(3);
        // y^3 - y has a different kernel: its spectrum must not pass the same comparison
        SketchFile w = SketchFile.read(resource("sketch-v96-d40.csv"));
        SpectrumSpec spec = new SpectrumSpec(2.0, Activation.polynomial("y^3-y", new org.powerspec.symbolic.Polynomial(
                List.of(org.hipparchus.fraction.BigFraction.ZERO, org.hipparchus.fraction.BigFraction.MINUS_ONE,
                        org.hipparchus.fraction.BigFraction.ZERO, org.hipparchus.fraction.BigFraction.ONE))),
                40, 96, 0, null, 1.0, false, Precision.DOUBLE);
        Spectrum s = SpectrumComputation.computeDouble(spec, w, DenseLinearAlgebra.best(), Progress.NONE);
        int disagreements = 0;
        for (int j = 1; j <= s.size(); j++) {
            if (Math.abs(reference[j - 1] - s.eigenvalue(j)) > 1e-8 * Math.abs(reference[j - 1])) {
                disagreements++;
            }
        }
        assertTrue(disagreements > 30, "a different kernel must be told apart: " + disagreements);
    }

    @Test
    void seededSketchIsTheDocumentedStreamWhateverTheRequests() {
        long seed = 0x1234_5678_9ABCL;
        int v = 200;
        int d = 7;
        SeededGaussianSketch sketch = new SeededGaussianSketch(seed, v, d, 4.0);
        double[] all = new double[v * d];
        sketch.fill(0, v, all);
        // the documented definition: block b = row/64 from xoshiro256++{seed, b}, sigma * ziggurat normal
        double[] documented = new double[v * d];
        for (int b = 0; b * SeededGaussianSketch.BLOCK < v; b++) {
            var rng = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(
                    org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, b}));
            for (int r = b * 64; r < Math.min(v, b * 64 + 64); r++) {
                for (int a = 0; a < d; a++) {
                    documented[r * d + a] = 2.0 * rng.sample();
                }
            }
        }
        assertArrayEquals(documented, all);
        // ragged requests give the same rows
        double[] part = new double[37 * d];
        sketch.fill(50, 37, part);
        for (int i = 0; i < part.length; i++) {
            assertEquals(all[50 * d + i], part[i]);
        }
    }

    @Test
    void gramMatrixMatchesTheDefinitionOnBothBackends() {
        int v = 150;
        int d = 9;
        SeededGaussianSketch w = new SeededGaussianSketch(7, v, d, 1.0);
        double[] z = new double[v * d];
        w.fill(0, v, z);
        PowerLawCovariance h = new PowerLawCovariance(1.5, v);
        double[] expected = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int j = 0; j < v; j++) {
                    s += z[j * d + a] * h.eigenvalue(j + 1) * z[j * d + b];
                }
                expected[a * d + b] = s;
            }
        }
        for (DenseLinearAlgebra la : List.of(DenseLinearAlgebra.best(), OjAlgoLinearAlgebra.INSTANCE)) {
            double[] scaled = z.clone();
            for (int j = 0; j < v; j++) {
                for (int a = 0; a < d; a++) {
                    scaled[j * d + a] *= Math.sqrt(h.eigenvalue(j + 1));
                }
            }
            double[] g;
            try (DenseLinearAlgebra.GramAccumulator acc = la.gram(d)) {
                acc.add(java.util.Arrays.copyOfRange(scaled, 0, 64 * d), 64);
                acc.add(java.util.Arrays.copyOfRange(scaled, 64 * d, v * d), v - 64);
                g = acc.result();
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    assertEquals(expected[a * d + b], g[a * d + b], 1e-13 * expected[a * d + a], la.name());
                }
            }
        }
    }

    @Test
    void kernelIsTheClosedFormEntryByEntryAndCentringRemovesTheMean() {
        int d = 6;
        double[] g = new double[d * d];
        Well19937c rng = new Well19937c(3);
        double[] x = new double[d * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                for (int i = 0; i < 10; i++) {
                    g[a * d + b] += x[i * d + a] * x[i * d + b] / 10;
                }
            }
        }
        Activation f = Activation.polynomial("y^4+2*y^2-y", new org.powerspec.symbolic.Polynomial(List.of(
                org.hipparchus.fraction.BigFraction.ZERO, org.hipparchus.fraction.BigFraction.MINUS_ONE,
                org.hipparchus.fraction.BigFraction.TWO, org.hipparchus.fraction.BigFraction.ZERO,
                org.hipparchus.fraction.BigFraction.ONE)));
        KernelPolynomial kp = KernelPolynomial.of(HermiteChaos.expand(f));
        double[] k = g.clone();
        RandomFeatureKernel.buildInPlace(k, d, KernelTerms.of(kp, false));
        double[] kc = g.clone();
        RandomFeatureKernel.buildInPlace(kc, d, KernelTerms.of(kp, true));
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double sa = Math.sqrt(g[a * d + a]);
                double sb = Math.sqrt(g[b * d + b]);
                double expected = kp.evaluate(sa, sb, g[a * d + b]) / d;
                assertEquals(expected, k[a * d + b], 1e-13 * Math.abs(expected) + 1e-15);
                // E[f(u)] = E[u^4] + 2 E[u^2] = 3 s^4 + 2 s^2
                double mua = 3 * Math.pow(sa, 4) + 2 * sa * sa;
                double mub = 3 * Math.pow(sb, 4) + 2 * sb * sb;
                assertEquals(expected - mua * mub / d, kc[a * d + b], 1e-12 * Math.abs(expected) + 1e-15);
            }
        }
    }

    @Test
    void bothSolversFindAKnownSpectrum() {
        // the second-difference matrix tridiag(-1, 2, -1): eigenvalues 2 - 2 cos(k pi / (n + 1))
        int n = 50;
        for (DenseLinearAlgebra la : List.of(DenseLinearAlgebra.best(), OjAlgoLinearAlgebra.INSTANCE)) {
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                a[i * n + i] = 2;
                if (i + 1 < n) {
                    a[i * n + i + 1] = -1;
                    a[(i + 1) * n + i] = -1;
                }
            }
            double[] ev = la.symmetricEigenvalues(a, n);
            for (int k = 1; k <= n; k++) {
                assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), ev[k - 1], 1e-13, la.name());
            }
        }
    }

    @Test
    void kernelIsPositiveSemidefiniteWithinItsBound() {
        for (int p = 1; p <= 4; p++) {
            SpectrumSpec spec = new SpectrumSpec(2.0, Activation.monomial(p), 64, 256, 5, null, 1.0, false, Precision.DOUBLE);
            Spectrum s = SpectrumComputation.compute(spec, SpectrumComputation.sketchFor(spec), Progress.NONE);
            for (int j = 1; j <= s.size(); j++) {
                assertTrue(s.eigenvalue(j) >= -s.bound(j), "p=" + p + " j=" + j + ": " + s.eigenvalue(j));
                if (j > 1) {
                    assertTrue(s.eigenvalue(j) <= s.eigenvalue(j - 1), "descending");
                }
            }
        }
    }
}
