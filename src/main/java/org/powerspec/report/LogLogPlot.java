package org.powerspec.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.InvalidInputException;

/** A log–log chart (XChart), written as PNG or SVG by the file's extension, whole or not at all. */
public final class LogLogPlot {
    private final XYChart chart;

    public LogLogPlot(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        chart = new XYChartBuilder().width(1000).height(700).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setLegendPosition(Styler.LegendPosition.InsideSW);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setPlotGridLinesVisible(true);
        s.setMarkerSize(5);
        s.setYAxisDecimalPattern("0.#E0");
    }

    /** The allowed plot file: {@code .png} or {@code .svg}. */
    public static void checkPath(Path file, String option) {
        if (file == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new InvalidInputException(option + " '" + file + "': the file must end in .png or .svg");
        }
        Output.checkWritable(file, option);
    }

    /** Data points as markers. */
    public LogLogPlot points(String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** A curve without markers. */
    public LogLogPlot line(String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** A reference curve: dashed, in the given colour, no markers. */
    public LogLogPlot reference(String name, double[] x, double[] y, java.awt.Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(color);
        return this;
    }

    /** A linear x axis: for abscissae within a decade or two, where a log axis would show no tick labels. */
    public LogLogPlot linearX() {
        chart.getStyler().setXAxisLogarithmic(false);
        return this;
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        return encode(false, "cannot draw");
    }

    /** Writes the chart to {@code file} (.png or .svg). */
    public void write(Path file) {
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Output.write(encode(svg, "cannot draw " + file), file);
    }

    /** The chart as SVG or PNG bytes; a failure of the encoder is reported as {@code failure: reason}. */
    private byte[] encode(boolean svg, String failure) {
        try {
            if (svg) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                return out.toByteArray();
            }
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(failure + ": " + e.getMessage(), e);
        }
    }
}
