package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.numeric.Precision;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.symbolic.Activation;

/** Plots draw whatever they are given: zeros, negatives, infinities, NaN, one point, no point; axes with three labels. */
class LogLogPlotTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static String legend(XYChart chart) {
        StringBuilder s = new StringBuilder();
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                s.append(series.getName().replace("\n  ", " ")).append('\n');
            }
        }
        return s.toString();
    }

    @Test
    void zerosNegativesAndNonFiniteValuesAreDrawnOrCountedNeverFatal() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {1, 0.5, 0, -1e-17, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.01};
        LogLogPlot plot = new LogLogPlot("t", "x", "y").points("data", x, y)
                .curve("curve", x, y)
                .guide("rate", x, new double[] {1, 0.25, 0, 1e-300, Double.NaN, 1e-3, 1e-4, 1e-5}, LogLogPlot.colour(3), false)
                .constant("lower", 0.1, LogLogPlot.colour(4))
                .constant("zero constant", 0, LogLogPlot.colour(5))
                .vertical("outside", 1e6, LogLogPlot.colour(6));
        assertArrayEquals(PNG, Arrays.copyOf(plot.png(), 4));
        String svg = new String(plot.svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        XYChart chart = plot.layout();
        String legend = legend(chart);
        assertTrue(legend.contains("data: 2 <= 0, drawn on the floor"), legend);
        assertTrue(legend.contains("data: 3 non-finite (NaN or infinite) not drawn"), legend);
        assertTrue(legend.contains("curve: 2 <= 0, drawn on the floor"), legend);
        assertTrue(legend.contains("rate: 1 non-finite"), legend);
        assertTrue(legend.contains("zero constant: 0.0 cannot be drawn on a log axis"), legend);
        assertTrue(legend.contains("outside (outside the x axis)"), legend);
        // the zeros sit on the floor of the y axis, with their own marker in the colour of their series
        XYSeries floor = chart.getSeriesMap().get("data: 2 <= 0, drawn on the floor");
        assertEquals(SeriesMarkers.TRIANGLE_DOWN, floor.getMarker());
        assertEquals(LogLogPlot.colour(0), floor.getMarkerColor());
        assertArrayEquals(new double[] {3, 4}, floor.getXData());
        double yMin = chart.getStyler().getYAxisMin();
        assertTrue(Arrays.stream(floor.getYData()).allMatch(v -> v == yMin), Arrays.toString(floor.getYData()));
        assertTrue(yMin < 0.01, "below the smallest positive value: " + yMin);
        // the rate's values are clipped to the axes: nothing below the floor is passed on
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                assertTrue(v >= yMin * (1 - 1e-12) && Double.isFinite(v), s.getName() + ": " + v);
            }
        }
        assertEquals(Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition(), "the legend never covers the plot");
    }

    @Test
    void nothingDrawableStillRenders() {
        double[] none = {};
        LogLogPlot empty = new LogLogPlot("empty", "x", "y").points("data", none, none);
        assertArrayEquals(PNG, Arrays.copyOf(empty.png(), 4));
        assertTrue(legend(empty.layout()).contains("data: no values to draw"));
        LogLogPlot allZero = new LogLogPlot("zeros", "x", "y").points("data", new double[] {1, 2}, new double[] {0, 0});
        assertArrayEquals(PNG, Arrays.copyOf(allZero.png(), 4));
        LogLogPlot nan = new LogLogPlot("nan", "x", "y").points("data", new double[] {Double.NaN}, new double[] {1});
        assertArrayEquals(PNG, Arrays.copyOf(nan.png(), 4));
        LogLogPlot one = new LogLogPlot("one", "x", "y").points("data", new double[] {1}, new double[] {1e-7});
        assertArrayEquals(PNG, Arrays.copyOf(one.png(), 4));
    }

    @Test
    void aDataRangeOverThirtyDecadesPutsTheLowestOnTheFloor() {
        XYChart chart = new LogLogPlot("wide", "x", "y").points("data", new double[] {1, 2, 3},
                new double[] {1, 1e-20, 1e-200}).layout();
        assertTrue(legend(chart).contains("data: 1 below 1.0e-30, drawn on the floor"), legend(chart));
        assertTrue(chart.getStyler().getYAxisMin() >= 1e-32, "" + chart.getStyler().getYAxisMin());
    }

    /** How many labels XChart's log axis shows for one of our axis ranges. */
    private static int labels(double[] r) {
        return r[2] == 1 ? LogLogPlot.powers(r[0], r[1]) : LogLogPlot.minorTicks(r[0], r[1]);
    }

    @ParameterizedTest
    @CsvSource({"4, 128, 1.0", "256, 2048, 1.0", "0.2, 5, 1.6", "1e-5, 10, 1.6", "250, 260, 1.0", "500, 8000, 1.0",
        "0.9, 1.1, 1.6", "3, 3, 1.0", "0.03, 0.4, 1.6", "1, 1024, 1.0", "17, 900, 1.6"})
    void everyAxisHasAtLeastThreeLabelsAndHoldsItsData(double min, double max, double minorSpan) {
        double[] r = LogLogPlot.axis(min, max, minorSpan);
        assertTrue(labels(r) >= 3, Arrays.toString(r) + " has " + labels(r) + " labels");
        assertTrue(r[0] <= min && r[1] >= max, Arrays.toString(r));
        if (r[2] == 0) {
            assertTrue(Math.log10(r[1] / r[0]) <= minorSpan + 0.1, "every 1..9 label only on a narrow axis: " + Arrays.toString(r));
        }
    }

    @Test
    void theDecadeOnlyDefaultIsReplacedWhereItWouldShowFewLabels() {
        // the drift plot's d axis (256..2048) holds one power of ten: every 1..9 tick is labelled instead
        XYChart chart = new LogLogPlot("d", "d", "r").points("r", new double[] {256, 2048}, new double[] {1.2, 1.5}).layout();
        assertFalse(chart.getStyler().isXAxisLogarithmicDecadeOnly());
        assertFalse(chart.getStyler().isYAxisLogarithmicDecadeOnly());
        XYChart wide = new LogLogPlot("j", "j", "l").points("l", new double[] {1, 1000}, new double[] {1e-6, 1}).layout();
        assertTrue(wide.getStyler().isXAxisLogarithmicDecadeOnly());
        assertTrue(wide.getStyler().isYAxisLogarithmicDecadeOnly());
    }

    @Test
    void modelLinesAreClippedToTheAxesInLogCoordinates() {
        List<List<double[]>> pieces = LogLogPlot.clip(new double[] {1, 100}, new double[] {1, 1e-4}, 1e-2, 10);
        assertEquals(1, pieces.size());
        assertEquals(10, pieces.get(0).get(1)[0], 1e-9, "the line y = x^-2 leaves y = 1e-2 at x = 10");
        assertEquals(1e-2, pieces.get(0).get(1)[1], 1e-12);
        assertEquals(2, LogLogPlot.clip(new double[] {1, 2, 3, 4, 5}, new double[] {1, 1, 0, 1, 1}, 0.1, 10).size(),
                "a zero breaks the line into the pieces either side of it");
        assertTrue(LogLogPlot.clip(new double[] {1, 2}, new double[] {1e-9, 1e-8}, 1e-2, 10).isEmpty());
    }

    private static Spectrum spectrum(double[] eigenvalues, double bound) {
        int d = eigenvalues.length;
        SpectrumSpec spec = new SpectrumSpec(2, Activation.monomial(2), d, 4 * d, 1, null, 1, false, Precision.DOUBLE);
        double[] b = new double[d];
        Arrays.fill(b, bound);
        return new Spectrum(spec, "test", "test", eigenvalues, new double[d], b, Map.of("gram", 0.0, "kernel", 0.0,
                "eigenvalues", 0.0), List.of());
    }

    @Test
    void aSpectrumWithZerosNegativesAndNonFiniteValuesIsDrawn() {
        double[] l = new double[64];
        for (int j = 1; j <= 64; j++) {
            l[j - 1] = Math.pow(j, -2);
        }
        l[60] = 0;
        l[61] = -3e-15;
        l[62] = Double.NaN;
        l[63] = Double.POSITIVE_INFINITY;
        LogLogPlot plot = SpectrumPlot.plot(spectrum(l, 1e-14), Map.of());
        assertArrayEquals(PNG, Arrays.copyOf(plot.png(), 4));
        assertTrue(new String(plot.svg(), StandardCharsets.UTF_8).contains("<svg"));
        String legend = legend(plot.layout());
        assertTrue(legend.contains("lambda_j below its error bound: 2 <= 0, drawn on the floor"), legend);
        assertTrue(legend.contains("non-finite"), legend);
        // d = 1: the head/tail boundary d/ln^3 d is infinite, which used to crash the plot
        LogLogPlot one = SpectrumPlot.plot(spectrum(new double[] {0.3}, 1e-16), Map.of());
        assertArrayEquals(PNG, Arrays.copyOf(one.png(), 4));
        assertTrue(legend(one.layout()).contains("undefined at d = 1"), legend(one.layout()));
        // all zero (a zero sketch): nothing measured, every eigenvalue on the floor, no rate to scale
        LogLogPlot zero = SpectrumPlot.plot(spectrum(new double[] {0, 0, 0}, 0), Map.of());
        assertArrayEquals(PNG, Arrays.copyOf(zero.png(), 4));
        assertTrue(legend(zero.layout()).contains("no measured eigenvalue to scale it to"), legend(zero.layout()));
    }

    @Test
    void eachRateIsFittedOverItsOwnRangeNotPinnedToLambdaOne() {
        // a spectrum with a spike at j = 1 (the uncentred mean) and 3/j^2 beyond it: the tail rate must meet the data
        int d = 1000;
        double[] l = new double[d];
        l[0] = 50;
        for (int j = 2; j <= d; j++) {
            l[j - 1] = 3 * Math.pow(j, -2.0) * (1 + 0.1 * Math.sin(j));
        }
        Spectrum s = spectrum(l, 1e-16);
        int lastHead = (int) Math.floor(SpectrumPlot.headTailBoundary(d, 2));
        assertEquals(3, lastHead, "1000/ln^3(1000) = 3.03");
        SpectrumPlot.ScaledRate tail = SpectrumPlot.scale(s, j -> -2 * Math.log(j), lastHead + 1, d, "j = 4..1000");
        double mean = 0;
        for (int j = lastHead + 1; j <= d; j++) {
            mean += Math.log(l[j - 1] / tail.values()[j - 1]);
        }
        assertEquals(0, mean / (d - lastHead), 1e-12, "least squares in log space: the mean log residual vanishes");
        assertEquals(3, tail.values()[9] * 100, 0.05, "C = 3 (to the sine's average), not lambda_1 = 50");
        assertEquals("C fitted on j = 4..1000 (997 measured lambda_j)", tail.how());
        // where the range holds no measured eigenvalue, all measured j >= 2 are used, and the legend says so
        SpectrumPlot.ScaledRate empty = SpectrumPlot.scale(s, j -> -2 * Math.log(j), d + 1, d, null);
        assertEquals("C fitted on all 999 measured lambda_j of j >= 2 (its range is empty at this d)", empty.how());
        assertEquals(3, empty.values()[9] * 100, 0.05);
    }
}
