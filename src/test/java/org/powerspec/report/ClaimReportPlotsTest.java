package org.powerspec.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimFile;
import org.powerspec.check.spectral.ClaimResult;

/** The report's plots: the drift on the axes it is fitted on, with its fit, interval and tolerance; one colour per d. */
class ClaimReportPlotsTest {

    private static ClaimResult check(Path dir, String name, String ds) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nmodel: {alpha: 2, p: 1}\nrate: \"j^(-alpha)\"\n"
                + "range: {from: 2, to: \"d/4\"}\nconstants: {lower: 0.05, upper: 20}\nsweep: {d: " + ds + ", seeds: 2}\n");
        return ClaimChecker.check(ClaimFile.read(f), line -> { });
    }

    private static XYSeries series(XYChart chart, String prefix) {
        return chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + prefix + " in " + chart.getSeriesMap().keySet()));
    }

    @Test
    void theDriftIsDrawnAgainstLogDWithItsFitIntervalAndTolerance(@TempDir Path dir) throws Exception {
        ClaimResult r = check(dir, "a", "[32, 64, 128, 256]");
        Map<Integer, Color> colours = ClaimReportFolder.colours(List.of(r));
        XYChart drift = ClaimReportFolder.driftPlot(r, colours).layout();
        assertTrue(drift.getStyler().isXAxisLogarithmic(), "drift is fitted against log d");
        ClaimResult.Drift minDrift = r.drifts().get(0);
        XYSeries fit = series(drift, "drift of min r");
        assertEquals(List.of(64.0, 256.0), Arrays.stream(fit.getXData()).boxed().toList(), "the largest three sizes");
        // on log-log axes the drawn line has the fitted slope
        double slope = Math.log10(fit.getYData()[1] / fit.getYData()[0]) / Math.log10(fit.getXData()[1] / fit.getXData()[0]);
        assertEquals(minDrift.slope(), slope, 1e-9);
        assertTrue(series(drift, "its 95% interval").getName().contains(String.format(java.util.Locale.ROOT, "%.3f", minDrift.lo())));
        XYSeries tol = series(drift, "tolerance -0.10");
        double tolSlope = Math.log10(tol.getYData()[1] / tol.getYData()[0]) / Math.log10(tol.getXData()[1] / tol.getXData()[0]);
        assertEquals(-r.claim().driftTolerance(), tolSlope, 1e-9);
        assertTrue(series(drift, "lower = 0.05").getYData()[0] == 0.05);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(ClaimReportFolder.driftPlot(r, colours).png(), 4));
    }

    @Test
    void aDHasOneColourInEveryPlotOfAReport(@TempDir Path dir) throws Exception {
        ClaimResult a = check(dir, "a", "[32, 64, 128]");
        ClaimResult b = check(dir, "b", "[64, 128, 256]");
        Map<Integer, Color> colours = ClaimReportFolder.colours(List.of(a, b));
        for (int d : new int[] {64, 128}) {
            Color inRatiosA = series(ClaimReportFolder.ratioPlot(a, colours).layout(), "d = " + d + " (").getMarkerColor();
            Color inDriftA = series(ClaimReportFolder.driftPlot(a, colours).layout(), "d = " + d).getMarkerColor();
            Color inRatiosB = series(ClaimReportFolder.ratioPlot(b, colours).layout(), "d = " + d + " (").getMarkerColor();
            Color inDriftB = series(ClaimReportFolder.driftPlot(b, colours).layout(), "d = " + d).getMarkerColor();
            assertEquals(inRatiosA, inDriftA, "d = " + d);
            assertEquals(inRatiosA, inRatiosB, "d = " + d + " in another claim of the same report");
            assertEquals(inRatiosA, inDriftB);
        }
        assertNotEquals(colours.get(64), colours.get(128));
        assertEquals(4, colours.size());
        Map<String, byte[]> files = ClaimReportFolder.files(List.of(a, b), "test");
        assertEquals(List.of("a-ratios.png", "a-drift.png", "b-ratios.png", "b-drift.png", "report.md"), List.copyOf(files.keySet()));
    }
}
