package org.powerspec.numeric.dd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powerspec.numeric.DoubleDoubleFixtures.MC;
import static org.powerspec.numeric.DoubleDoubleFixtures.relativeError;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.powerspec.numeric.DoubleDoubleFixtures;

/** Double-double arithmetic against exact BigDecimal arithmetic and against mpmath references. */
class DoubleDoubleArithmeticTest {

    /** A random normalised DD: a Gaussian times 2^[−60, 60) plus a random low part. */
    private static DoubleDouble randomDD(Random random) {
        double hi = random.nextGaussian() * Math.scalb(1.0, random.nextInt(120) - 60);
        double lo = hi * (2 * random.nextDouble() - 1) * 0x1p-53;
        double s = hi + lo;
        return new DoubleDouble(s, DoubleDoubleArithmetic.twoSumError(hi, lo, s));
    }

    private static BigDecimal exact(DoubleDouble x) {
        return x.toBigDecimal();
    }

    @Test
    void fieldOperationsAndSquareRootAgreeWithBigDecimalTo1e30() {
        Random random = new Random(1);
        double[] worst = new double[6];
        for (int i = 0; i < 20000; i++) {
            DoubleDouble x = randomDD(random);
            DoubleDouble y = randomDD(random);
            double c = random.nextGaussian();
            BigDecimal bx = exact(x);
            BigDecimal by = exact(y);
            double[] errors = {
                relativeError(x.add(y), bx.add(by)),
                relativeError(x.subtract(y), bx.subtract(by)),
                relativeError(x.multiply(y), bx.multiply(by)),
                relativeError(x.multiply(c), bx.multiply(new BigDecimal(c))),
                relativeError(x.divide(y), bx.divide(by, MC)),
                relativeError(x.abs().sqrt(), bx.abs().sqrt(MC)),
            };
            for (int k = 0; k < errors.length; k++) {
                worst[k] = Math.max(worst[k], errors[k]);
            }
        }
        System.out.printf("DD vs BigDecimal, worst relative error: add %.2e, subtract %.2e, multiply %.2e, "
                + "multiply by double %.2e, divide %.2e, sqrt %.2e%n", worst[0], worst[1], worst[2], worst[3],
                worst[4], worst[5]);
        for (double w : worst) {
            assertTrue(w < 1e-30, "relative error " + w);
        }
    }

    @Test
    void additionStaysAccurateUnderCancellation() {
        Random random = new Random(2);
        // x + y with y = −x·(1 + δ) for tiny δ: the IEEE-style addition must be accurate relative to the result
        double worst = 0;
        for (int i = 0; i < 5000; i++) {
            DoubleDouble x = randomDD(random);
            double delta = Math.scalb(random.nextDouble() - 0.5, -random.nextInt(100));
            DoubleDouble y = x.multiply(new DoubleDouble(-1 - delta, 0)).add(new DoubleDouble(x.lo() * random.nextDouble(), 0));
            BigDecimal sum = exact(x).add(exact(y));
            if (sum.signum() != 0) {
                worst = Math.max(worst, relativeError(x.add(y), sum));
            }
        }
        System.out.printf("DD add under cancellation, worst relative error %.2e%n", worst);
        assertTrue(worst < 1e-30, "relative error " + worst);
    }

    @Test
    void errorFreeTransformationsAreExact() {
        Random random = new Random(3);
        double[] out = new double[2];
        for (int i = 0; i < 10000; i++) {
            double a = random.nextGaussian() * Math.scalb(1.0, random.nextInt(200) - 100);
            double b = random.nextGaussian() * Math.scalb(1.0, random.nextInt(200) - 100);
            DoubleDoubleArithmetic.twoSum(a, b, out);
            assertEquals(0, new BigDecimal(a).add(new BigDecimal(b))
                    .compareTo(new BigDecimal(out[0]).add(new BigDecimal(out[1]))));
            DoubleDoubleArithmetic.twoProd(a, b, out);
            assertEquals(0, new BigDecimal(a).multiply(new BigDecimal(b))
                    .compareTo(new BigDecimal(out[0]).add(new BigDecimal(out[1]))));
            double big = Math.abs(a) >= Math.abs(b) ? a : b;
            double small = big == a ? b : a;
            DoubleDoubleArithmetic.quickTwoSum(big, small, out);
            assertEquals(0, new BigDecimal(big).add(new BigDecimal(small))
                    .compareTo(new BigDecimal(out[0]).add(new BigDecimal(out[1]))));
        }
    }

    @Test
    void expLogAndPowMatchMpmathTo1e29() {
        double worstExp = 0;
        double worstLog = 0;
        double worstPow = 0;
        int cases = 0;
        for (String[] row : DoubleDoubleFixtures.rows("dd_functions.txt")) {
            DoubleDouble x = new DoubleDouble(Double.parseDouble(row[1]), Double.parseDouble(row[2]));
            BigDecimal reference = new BigDecimal(row[4]);
            switch (row[0]) {
                case "exp" -> worstExp = Math.max(worstExp, relativeError(DoubleDoubleArithmetic.exp(x), reference));
                case "log" -> worstLog = Math.max(worstLog, relativeError(DoubleDoubleArithmetic.log(x), reference));
                case "pow" -> worstPow = Math.max(worstPow,
                        relativeError(DoubleDoubleArithmetic.pow(x, Double.parseDouble(row[3])), reference));
                default -> throw new IllegalStateException(row[0]);
            }
            cases++;
        }
        System.out.printf("DD vs mpmath (%d cases), worst relative error: exp %.2e, log %.2e, pow %.2e%n", cases,
                worstExp, worstLog, worstPow);
        assertEquals(224, cases);
        assertTrue(worstExp < 1e-29, "exp " + worstExp);
        assertTrue(worstLog < 1e-29, "log " + worstLog);
        assertTrue(worstPow < 1e-29, "pow " + worstPow);
    }

    @Test
    void specialValuesOfTheElementaryFunctions() {
        assertEquals(DoubleDouble.ONE, DoubleDoubleArithmetic.exp(DoubleDouble.ZERO));
        assertEquals(DoubleDouble.ZERO, DoubleDoubleArithmetic.log(DoubleDouble.ONE));
        assertEquals(Double.POSITIVE_INFINITY, DoubleDoubleArithmetic.exp(DoubleDouble.of(710)).hi());
        assertEquals(DoubleDouble.ZERO, DoubleDoubleArithmetic.exp(DoubleDouble.of(-746)));
        assertEquals(Double.NEGATIVE_INFINITY, DoubleDoubleArithmetic.log(DoubleDouble.ZERO).hi());
        assertTrue(Double.isNaN(DoubleDoubleArithmetic.log(DoubleDouble.of(-1)).hi()));
        assertTrue(Double.isNaN(DoubleDouble.of(-4).sqrt().hi()));
        assertEquals(DoubleDouble.ZERO, DoubleDouble.ZERO.sqrt());
        assertEquals(DoubleDouble.of(1.0 / 8), DoubleDoubleArithmetic.pow(DoubleDouble.of(2), -3));
        assertEquals(DoubleDouble.ONE, DoubleDoubleArithmetic.pow(DoubleDouble.of(-7), 0));
        assertEquals(DoubleDouble.of(-343), DoubleDoubleArithmetic.pow(DoubleDouble.of(-7), 3.0));
    }

    @Test
    void decimalConversionsRoundTrip() {
        Random random = new Random(4);
        for (int i = 0; i < 2000; i++) {
            DoubleDouble x = randomDD(random);
            assertEquals(x, DoubleDoubleArithmetic.fromBigDecimal(x.toBigDecimal()));
            // 32 significant digits: the decimal rounding (≤ 5e−32 relative) is about four units of the 106-bit
            // significand
            String s = x.toString();
            assertEquals(32, new BigDecimal(s).precision(), s);
            assertTrue(relativeError(DoubleDouble.valueOf(s), x.toBigDecimal()) < 6e-32, s);
        }
        BigDecimal fifteenQuarters = new BigDecimal("3.75");
        assertEquals(DoubleDouble.of(3.75), DoubleDoubleArithmetic.fromBigDecimal(fifteenQuarters));
        BigDecimal tenth = new BigDecimal("0.1");
        assertTrue(relativeError(DoubleDouble.valueOf("0.1"), tenth) < 1e-32);
        assertEquals("0.10000000000000000000000000000000", DoubleDouble.valueOf("0.1").toString());
        assertEquals("0", DoubleDouble.ZERO.toString());
    }

    @Test
    void recordRejectsPairsThatAreNotNormalised() {
        assertThrows(IllegalArgumentException.class, () -> new DoubleDouble(1, 1));
        assertEquals(Double.POSITIVE_INFINITY, new DoubleDouble(Double.POSITIVE_INFINITY, 0).hi());
    }
}
