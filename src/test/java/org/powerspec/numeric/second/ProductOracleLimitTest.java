package org.powerspec.numeric.second;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.powerspec.symbolic.Activation;

/** The oracle at v → ∞ and its streamed enumeration, against ζ values and against the stored prediction. */
class ProductOracleLimitTest {

    @Test
    void theTailSumsToZeta() {
        // Σ_{i ≤ n} i^(-s) + tail(s, n, ∞) = ζ(s): ζ(2) = π²/6, ζ(4) = π⁴/90, ζ(3) = Apéry's constant
        double[][] cases = {{2, Math.PI * Math.PI / 6}, {4, Math.pow(Math.PI, 4) / 90}, {3, 1.2020569031595942854}};
        for (double[] c : cases) {
            for (int n : new int[] {1000, 100_000}) {
                double head = 0;
                for (int i = n; i >= 1; i--) {
                    head += Math.pow(i, -c[0]);
                }
                assertEquals(c[1], head + ProductOracle.tail(c[0], n, Double.POSITIVE_INFINITY), 2e-15 * c[1], "s = " + c[0]);
            }
        }
        // a finite end: against the direct sum
        double direct = 0;
        for (int i = 200_000; i > 1000; i--) {
            direct += Math.pow(i, -1.5);
        }
        assertEquals(direct, ProductOracle.tail(1.5, 1000, 200_000), 1e-14 * direct);
    }

    @Test
    void aLongFiniteVAgreesWithTheExactSumAndTheLimitIsItsEnd() {
        // v = 3e6 > the exact terms: the tail by Euler–Maclaurin; the levels of y^2 carry p_1, p_2
        Activation f = Activation.monomial(2);
        var finite = ProductOracle.levels(new ProductOracle.Spec(1.5, f, 3_000_000, 0, 1.0));
        var limit = ProductOracle.levels(ProductOracle.Spec.limit(1.5, f, 0, 1.0, false));
        double p1 = 0;
        for (int i = 3_000_000; i >= 1; i--) {
            p1 += Math.pow(i, -1.5);
        }
        // level 0 of y^2 is p_1^2 + 2 p_2: compare through the exact p_1 (p_2 converges fast)
        double p2 = 0;
        for (int i = 3_000_000; i >= 1; i--) {
            p2 += Math.pow(i, -3.0);
        }
        double level0 = finite.stream().filter(l -> l.level().k() == 0).findFirst().orElseThrow().value();
        assertEquals(p1 * p1 + 2 * p2, level0, 1e-12 * level0);
        double zeta15 = 2.6123753486854883433;
        double zeta3 = 1.2020569031595942854;
        double limit0 = limit.stream().filter(l -> l.level().k() == 0).findFirst().orElseThrow().value();
        assertEquals(zeta15 * zeta15 + 2 * zeta3, limit0, 1e-13 * limit0);
    }

    @Test
    void theStreamIsThePrediction() {
        ProductOracle.Spec s = new ProductOracle.Spec(2, Activation.monomial(3), 500, 0, 1.0);
        ProductOracle.Prediction p = ProductOracle.predict(s, 5000);
        long[] n = {0};
        ProductOracle.stream(s, 5000, (j, mu, level, set) -> {
            assertEquals(p.eigenvalue((int) j), mu, 0);
            assertEquals(p.level((int) j), level);
            n[0]++;
            return true;
        });
        assertEquals(5000, n[0]);
    }
}
