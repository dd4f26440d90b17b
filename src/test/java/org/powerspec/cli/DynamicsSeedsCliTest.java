package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicsSeedsCliTest {
    private static List<double[]> rows(String csv) {
        return csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("time")).map(l -> java.util.Arrays.stream(l.split(","))
                .mapToDouble(Double::parseDouble).toArray()).toList();
    }

    @Test
    void theMeanOverSeedsIsTheMeanOfTheSeparateRuns() {
        String[] base = {"dynamics", "ode", "--activation", "linear", "--K", "1", "--M", "1", "--L", "64", "--beta", "1", "--eta",
            "0.05", "--N", "64", "--trainable", "8", "--method", "closed-form", "--times", "0,10,100", "--no-timings"};
        CliTest.Run all = CliTest.run(concat(base, "--seed", "4", "--seeds", "3"));
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().startsWith("time,eg,eg_seed_4,eg_seed_5,eg_seed_6"), all.out());
        List<double[]> mean = rows(all.out());
        double[] sum = new double[3];
        for (int s = 4; s <= 6; s++) {
            List<double[]> one = rows(CliTest.run(concat(base, "--seed", String.valueOf(s))).out());
            for (int i = 0; i < 3; i++) {
                sum[i] += one.get(i)[1] / 3;
                assertEquals(one.get(i)[1], mean.get(i)[2 + s - 4], 1e-12 * one.get(i)[1], "seed " + s + "'s own column");
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(sum[i], mean.get(i)[1], 1e-11 * sum[i]);
        }
        // control: the seeds differ (a single seed's curve is not the mean)
        assertTrue(Math.abs(mean.get(0)[2] - mean.get(0)[1]) > 1e-3 * mean.get(0)[1]);
        CliTest.Run bad = CliTest.run(concat(base, "--seeds", "2", "--order-parameters"));
        assertEquals(2, bad.code());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
