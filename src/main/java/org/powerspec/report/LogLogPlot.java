package org.powerspec.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.InvalidInputException;

/**
 * A log–log chart (XChart), rendered to PNG or SVG bytes; the series are collected first and the chart is laid out
 * when it is rendered, so the axes can be fitted to everything drawn. What it guarantees, for any input:
 * <ul>
 * <li><b>Any finite data can be drawn.</b> A data value ≤ 0 (which a log axis cannot show), or one more than
 *     {@value #MAX_DECADES} decades below the largest, is drawn on the floor of the y axis with a downward triangle in
 *     its series' colour, and the legend says how many ("NAME: k &lt;= 0, drawn on the floor"): nothing is dropped
 *     silently.</li>
 * <li><b>Nothing non-finite makes it fail.</b> NaN and ±∞ (and points at x ≤ 0) are left out, and a legend note counts
 *     them.</li>
 * <li><b>Every axis has at least three labelled ticks.</b> With three or more powers of ten in its range the decades
 *     are labelled (minor ticks 2…9 marked by grid lines); a range of at most {@value #X_MINOR_SPAN} decade (x) or
 *     {@value #Y_MINOR_SPAN} decades (y) labels every 1…9·10^k tick (widened to hold three of them if it is
 *     narrower); any other range is widened to the nearest powers of ten until it holds three.</li>
 * <li><b>The legend never covers the plot</b>: it sits outside, to the right of the plot area.</li>
 * <li><b>Constants are always in view</b> ({@link #constant}); model curves ({@link #guide}) are clipped to the
 *     axes, which they may extend by at most a decade, so a rate that underflows cannot stretch the axis.</li>
 * <li>Colours are explicit: a series given a colour keeps it ({@link #colour(int)} is the fixed palette), others take
 *     the palette in order.</li>
 * </ul>
 */
public final class LogLogPlot {
    /** The widest y range drawn: data further below the largest value go on the floor. */
    public static final int MAX_DECADES = 30;
    /** The widest x range, in decades, whose ticks 1…9·10^k are all labelled. */
    public static final double X_MINOR_SPAN = 1.0;
    /** The widest y range, in decades, whose ticks 1…9·10^k are all labelled. */
    public static final double Y_MINOR_SPAN = 1.6;
    /** The longest line of a legend entry, in characters; longer entries are broken at spaces. */
    public static final int LEGEND_WIDTH = 44;

    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd),
        new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22),
        new Color(0x7f, 0x7f, 0x7f), new Color(0xd6, 0x27, 0x28)};

    private enum Kind { POINTS, CURVE, GUIDE, CONSTANT, VERTICAL, NOTE }

    private record Item(Kind kind, String name, double[] x, double[] y, Color color, Marker marker, BasicStroke stroke,
                        boolean legend) {
        Item(Kind kind, String name, double[] x, double[] y, Color color, Marker marker, BasicStroke stroke) {
            this(kind, name, x, y, color, marker, stroke, true);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Item> items = new ArrayList<>();
    private int nextColour;

    public LogLogPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Colour {@code i} of the fixed palette (ten colours, then again from the first). */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
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

    /** Draws {@code f}: its points in the palette's colours, its guides dashed, its note in the legend. */
    public static LogLogPlot of(org.powerspec.check.core.Figure f) {
        LogLogPlot plot = new LogLogPlot(f.title(), f.xLabel(), f.yLabel());
        for (org.powerspec.check.core.Figure.Series s : f.series()) {
            if (s.style() == org.powerspec.check.core.Figure.Style.POINTS) {
                plot.points(s.label(), s.x(), s.y());
            } else {
                plot.guide(s.label(), s.x(), s.y(), new Color(s.rgb()), true);
            }
        }
        return f.note() == null ? plot : plot.note(f.note());
    }

    /** Data points as circles, in the next colour of the palette. */
    public LogLogPlot points(String name, double[] x, double[] y) {
        return points(name, x, y, colour(nextColour++), SeriesMarkers.CIRCLE);
    }

    /** Data points with the given colour and marker. */
    public LogLogPlot points(String name, double[] x, double[] y, Color color, Marker marker) {
        check(x, y);
        items.add(new Item(Kind.POINTS, name, x.clone(), y.clone(), color, marker, SeriesLines.NONE));
        return this;
    }

    /** A data curve (a line through the points, in order), in the next colour of the palette. */
    public LogLogPlot curve(String name, double[] x, double[] y) {
        check(x, y);
        items.add(new Item(Kind.CURVE, name, x.clone(), y.clone(), colour(nextColour++), SeriesMarkers.NONE, SeriesLines.SOLID));
        return this;
    }

    /**
     * A model curve (a rate, a fitted or stated slope): a line clipped to the axes, which it extends by at most a decade
     * beyond the data; values ≤ 0 are off the axis and not drawn.
     */
    public LogLogPlot guide(String name, double[] x, double[] y, Color color, boolean dashed) {
        check(x, y);
        items.add(new Item(Kind.GUIDE, name, x.clone(), y.clone(), color, SeriesMarkers.NONE,
                dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID));
        return this;
    }

    /**
     * A band of a model: two dashed lines, {@code low} and {@code high} over the same x, with one legend entry (e.g.
     * the ends of a confidence interval); clipped as {@link #guide}.
     */
    public LogLogPlot band(String name, double[] x, double[] low, double[] high, Color color) {
        guide(name, x, low, color, true);
        return guide(name, x, high, color, true).withoutLegend();
    }

    /** Leaves the series added last out of the legend (its floor and non-finite counts are still noted there). */
    public LogLogPlot withoutLegend() {
        Item it = items.remove(items.size() - 1);
        items.add(new Item(it.kind(), it.name(), it.x(), it.y(), it.color(), it.marker(), it.stroke(), false));
        return this;
    }

    /** A constant: a dashed horizontal line across the whole x axis, always within the y axis. */
    public LogLogPlot constant(String name, double y, Color color) {
        items.add(new Item(Kind.CONSTANT, name, new double[0], new double[] {y}, color, SeriesMarkers.NONE, SeriesLines.DASH_DASH));
        return this;
    }

    /** A vertical line at {@code x} across the whole y axis (or, when x is outside the x axis, a legend note). */
    public LogLogPlot vertical(String name, double x, Color color) {
        items.add(new Item(Kind.VERTICAL, name, new double[] {x}, new double[0], color, SeriesMarkers.NONE, SeriesLines.SOLID));
        return this;
    }

    /** A line of text in the legend. */
    public LogLogPlot note(String text) {
        items.add(new Item(Kind.NOTE, text, new double[0], new double[0], Color.BLACK, SeriesMarkers.NONE, SeriesLines.NONE));
        return this;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y " + y.length);
        }
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        return encode(false);
    }

    /** The chart as SVG bytes. */
    public byte[] svg() {
        return encode(true);
    }

    /** The chart as the bytes of {@code file}'s format: SVG for a name ending in .svg, PNG otherwise. */
    public byte[] bytes(Path file) {
        return encode(file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg"));
    }

    private byte[] encode(boolean svg) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = layout();
        try {
            if (svg) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                return out.toByteArray();
            }
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the plot '" + title + "': " + e.getMessage(), e);
        }
    }

    /** One data series split by what a log–log plot can show. */
    private static final class Split {
        final List<double[]> shown = new ArrayList<>();
        final List<Double> floorX = new ArrayList<>();
        int nonPositive;
        int belowCut;
        int nonFinite;
        int xNonPositive;
    }

    private static boolean drawable(double v) {
        return v > 0 && Double.isFinite(v);
    }

    /** Lays the chart out: axis ranges, ticks, then every series. */
    XYChart layout() {
        List<Split> splits = new ArrayList<>();
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Item it : items) {
            Split s = new Split();
            splits.add(s);
            if (it.kind() == Kind.POINTS || it.kind() == Kind.CURVE) {
                for (int i = 0; i < it.x().length; i++) {
                    double x = it.x()[i];
                    double y = it.y()[i];
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        s.nonFinite++;
                    } else if (x <= 0) {
                        s.xNonPositive++;
                    } else {
                        xLo = Math.min(xLo, x);
                        xHi = Math.max(xHi, x);
                        if (y > 0) {
                            s.shown.add(new double[] {x, y});
                            yLo = Math.min(yLo, y);
                            yHi = Math.max(yHi, y);
                        } else {
                            s.floorX.add(x);
                            s.nonPositive++;
                        }
                    }
                }
            } else if (it.kind() == Kind.CONSTANT && drawable(it.y()[0])) {
                yLo = Math.min(yLo, it.y()[0]);
                yHi = Math.max(yHi, it.y()[0]);
            }
        }
        // guides set the x axis where there are no data, and the y axis only when nothing else does
        double gxLo = Double.POSITIVE_INFINITY;
        double gxHi = Double.NEGATIVE_INFINITY;
        double gyLo = Double.POSITIVE_INFINITY;
        double gyHi = Double.NEGATIVE_INFINITY;
        for (Item it : items) {
            if (it.kind() == Kind.GUIDE) {
                for (int i = 0; i < it.x().length; i++) {
                    if (drawable(it.x()[i]) && drawable(it.y()[i])) {
                        gxLo = Math.min(gxLo, it.x()[i]);
                        gxHi = Math.max(gxHi, it.x()[i]);
                        gyLo = Math.min(gyLo, it.y()[i]);
                        gyHi = Math.max(gyHi, it.y()[i]);
                    }
                }
            }
        }
        if (!(xLo <= xHi)) {
            xLo = gxLo <= gxHi ? gxLo : 1;
            xHi = gxLo <= gxHi ? gxHi : 10;
        } else if (gxLo <= gxHi) {
            xLo = Math.min(xLo, gxLo);
            xHi = Math.max(xHi, gxHi);
        }
        boolean yFromData = yLo <= yHi;
        if (!yFromData) {
            yLo = gyLo <= gyHi ? gyLo : 1;
            yHi = gyLo <= gyHi ? gyHi : 10;
        }
        // too wide: the lowest data go on the floor
        double cut = yHi * Math.pow(10, -MAX_DECADES);
        if (yLo < cut) {
            yLo = cut;
            for (int k = 0; k < items.size(); k++) {
                Split s = splits.get(k);
                for (int i = s.shown.size() - 1; i >= 0; i--) {
                    if (s.shown.get(i)[1] < cut) {
                        s.floorX.add(0, s.shown.get(i)[0]);
                        s.shown.remove(i);
                        s.belowCut++;
                    }
                }
            }
        }
        boolean floor = splits.stream().anyMatch(s -> !s.floorX.isEmpty());
        double yMin = floor ? yLo / 2 : yLo;
        double yMax = yHi;
        if (yFromData && gyLo <= gyHi) {
            yMax = Math.max(yMax, Math.min(gyHi, yHi * 10));
            if (!floor) {
                yMin = Math.min(yMin, Math.max(gyLo, yLo / 10));
            }
        }
        double[] xr = axis(xLo, xHi, X_MINOR_SPAN);
        double[] yr = axis(yMin, yMax, Y_MINOR_SPAN);
        double floorY = floor ? yr[0] : Double.NaN;
        return build(splits, xr, yr, floorY, cut);
    }

    /**
     * The range [min, max] of one axis and whether only decades are labelled ({@code [min, max, 1]}) or every
     * 1…9·10^k ({@code [min, max, 0]}), widened as little as needed for three labels.
     */
    static double[] axis(double min, double max, double minorSpan) {
        if (!(max > min)) {
            min = min / Math.sqrt(10);
            max = max * Math.sqrt(10);
        }
        if (powers(min, max) >= 3) {
            return new double[] {min, max, 1};
        }
        double span = Math.log10(max / min);
        if (span <= minorSpan) {
            double lo = min;
            double hi = max;
            for (int i = 0; minorTicks(lo, hi) < 3 && i < 6; i++) {
                if (i % 2 == 0) {
                    lo = previousTick(lo);
                } else {
                    hi = nextTick(hi);
                }
            }
            return new double[] {lo, hi, 0};
        }
        int lo = (int) Math.ceil(Math.log10(min) - 1e-9);
        int hi = (int) Math.floor(Math.log10(max) + 1e-9);
        double best = Double.POSITIVE_INFINITY;
        double[] out = null;
        for (int i = 0; i <= 3; i++) {
            for (int k = 0; k <= 3; k++) {
                double newMin = i == 0 ? min : Math.pow(10, lo - i);
                double newMax = k == 0 ? max : Math.pow(10, hi + k);
                if (powers(newMin, newMax) >= 3) {
                    double cost = Math.log10(min / newMin) + Math.log10(newMax / max);
                    if (cost < best - 1e-12) {
                        best = cost;
                        out = new double[] {newMin, newMax, 1};
                    }
                }
            }
        }
        return out;
    }

    /** How many powers of ten lie in [min, max]. */
    static int powers(double min, double max) {
        return (int) Math.floor(Math.log10(max) + 1e-9) - (int) Math.ceil(Math.log10(min) - 1e-9) + 1;
    }

    /** How many ticks m·10^k (m = 1…9) lie in [min, max]. */
    static int minorTicks(double min, double max) {
        int n = 0;
        for (double t = nextTick(min * (1 - 1e-9)); t <= max * (1 + 1e-9); t = nextTick(t)) {
            n++;
        }
        return n;
    }

    /** The smallest tick m·10^k greater than v. */
    static double nextTick(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v) + 1e-12));
        double m = Math.floor(v / p + 1e-9) + 1;
        return m >= 10 ? 10 * p : m * p;
    }

    /** The largest tick m·10^k less than v. */
    static double previousTick(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v) - 1e-12));
        double m = Math.ceil(v / p - 1e-9) - 1;
        return m < 1 ? 0.9 * p : m * p;
    }

    private XYChart build(List<Split> splits, double[] xr, double[] yr, double floorY, double cut) {
        XYChart chart = new XYChartBuilder().width(1200).height(700).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setXAxisMin(xr[0]);
        st.setXAxisMax(xr[1]);
        st.setYAxisMin(yr[0]);
        st.setYAxisMax(yr[1]);
        st.setXAxisLogarithmicDecadeOnly(xr[2] == 1);
        st.setYAxisLogarithmicDecadeOnly(yr[2] == 1);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setMarkerSize(6);
        st.setXAxisDecimalPattern(pattern(xr[0], xr[1]));
        st.setYAxisDecimalPattern(pattern(yr[0], yr[1]));
        Set<String> names = new HashSet<>();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            Split s = splits.get(k);
            switch (it.kind()) {
                case POINTS, CURVE -> {
                    if (!s.shown.isEmpty()) {
                        XYSeries series = chart.addSeries(unique(it.name(), names), column(s.shown, 0), column(s.shown, 1));
                        style(series, it);
                        series.setShowInLegend(it.legend());
                    } else if (s.floorX.isEmpty()) {
                        notes.add(it.name() + ": no values to draw");
                    }
                    if (!s.floorX.isEmpty()) {
                        double[] fx = s.floorX.stream().mapToDouble(Double::doubleValue).toArray();
                        double[] fy = new double[fx.length];
                        java.util.Arrays.fill(fy, floorY);
                        StringBuilder label = new StringBuilder(it.name()).append(": ");
                        if (s.nonPositive > 0) {
                            label.append(s.nonPositive).append(" <= 0");
                        }
                        if (s.belowCut > 0) {
                            label.append(s.nonPositive > 0 ? ", " : "").append(s.belowCut).append(" below ")
                                    .append(String.format(Locale.ROOT, "%.1e", cut));
                        }
                        label.append(", drawn on the floor");
                        XYSeries f = chart.addSeries(unique(label.toString(), names), fx, fy);
                        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        f.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                        f.setMarkerColor(it.color());
                    }
                    if (s.nonFinite > 0) {
                        notes.add(it.name() + ": " + s.nonFinite + " non-finite (NaN or infinite) not drawn");
                    }
                    if (s.xNonPositive > 0) {
                        notes.add(it.name() + ": " + s.xNonPositive + " at x <= 0 not drawn (log axis)");
                    }
                }
                case GUIDE -> {
                    List<List<double[]>> pieces = clip(it.x(), it.y(), yr[0], yr[1]);
                    int bad = 0;
                    for (int i = 0; i < it.x().length; i++) {
                        bad += Double.isFinite(it.x()[i]) && Double.isFinite(it.y()[i]) ? 0 : 1;
                    }
                    if (pieces.isEmpty()) {
                        notes.add(it.name() + ": outside the axes, not drawn");
                    }
                    for (int p = 0; p < pieces.size(); p++) {
                        XYSeries series = chart.addSeries(unique(it.name(), names), column(pieces.get(p), 0), column(pieces.get(p), 1));
                        style(series, it);
                        series.setShowInLegend(p == 0 && it.legend());
                    }
                    if (bad > 0) {
                        notes.add(it.name() + ": " + bad + " non-finite (NaN or infinite) not drawn");
                    }
                }
                case CONSTANT -> {
                    double y = it.y()[0];
                    if (drawable(y)) {
                        style(chart.addSeries(unique(it.name(), names), new double[] {xr[0], xr[1]}, new double[] {y, y}), it)
                                .setShowInLegend(it.legend());
                    } else {
                        notes.add(it.name() + ": " + y + " cannot be drawn on a log axis");
                    }
                }
                case VERTICAL -> {
                    double x = it.x()[0];
                    if (x >= xr[0] && x <= xr[1]) {
                        style(chart.addSeries(unique(it.name(), names), new double[] {x, x}, new double[] {yr[0], yr[1]}), it)
                                .setShowInLegend(it.legend());
                    } else {
                        notes.add(it.name() + " (outside the x axis)");
                    }
                }
                case NOTE -> notes.add(it.name());
                default -> throw new IllegalStateException(it.kind().toString());
            }
        }
        for (String n : notes) {
            XYSeries series = chart.addSeries(unique(n, names), new double[] {xr[0]}, new double[] {yr[0]});
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.NONE);
            series.setMarkerColor(Color.WHITE);
        }
        return chart;
    }

    /** Tick labels as plain decimals (0.02, 5, 2000) on an axis within [0.001, 10^5], in E notation (2E-7) otherwise. */
    static String pattern(double min, double max) {
        return min >= 0.001 * (1 - 1e-9) && max <= 1e5 * (1 + 1e-9) ? "0.###" : "0.#E0";
    }

    private static XYSeries style(XYSeries s, Item it) {
        if (it.kind() == Kind.POINTS) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(it.marker());
            s.setMarkerColor(it.color());
        } else {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(it.color());
            s.setLineStyle(it.stroke());
        }
        return s;
    }

    /** A legend entry: at most {@value #LEGEND_WIDTH} characters a line, broken at spaces, continuation indented. */
    static String wrap(String name) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : name.split(" ")) {
            if (line > 0 && line + 1 + word.length() > LEGEND_WIDTH) {
                out.append("\n  ");
                line = 2;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    /** XChart needs distinct series names: a repeated name gets invisible trailing spaces. */
    private static String unique(String name, Set<String> used) {
        String n = wrap(name);
        while (!used.add(n)) {
            n = n + " ";
        }
        return n;
    }

    /**
     * The polyline through the drawable points (x, y &gt; 0, finite), cut where a point is not drawable and clipped, in
     * log–log coordinates, to y in [lo, hi]: the pieces that remain.
     */
    static List<List<double[]>> clip(double[] x, double[] y, double lo, double hi) {
        double a = Math.log10(lo);
        double b = Math.log10(hi);
        List<List<double[]>> pieces = new ArrayList<>();
        List<double[]> cur = new ArrayList<>();
        for (int i = 0; i + 1 < x.length; i++) {
            if (!(drawable(x[i]) && drawable(y[i]) && drawable(x[i + 1]) && drawable(y[i + 1]))) {
                flush(pieces, cur);
                cur = new ArrayList<>();
                continue;
            }
            double x0 = Math.log10(x[i]);
            double y0 = Math.log10(y[i]);
            double x1 = Math.log10(x[i + 1]);
            double y1 = Math.log10(y[i + 1]);
            double t0 = 0;
            double t1 = 1;
            double dy = y1 - y0;
            if (dy == 0) {
                if (y0 < a || y0 > b) {
                    flush(pieces, cur);
                    cur = new ArrayList<>();
                    continue;
                }
            } else {
                double ta = (a - y0) / dy;
                double tb = (b - y0) / dy;
                t0 = Math.max(t0, Math.min(ta, tb));
                t1 = Math.min(t1, Math.max(ta, tb));
                if (t0 > t1) {
                    flush(pieces, cur);
                    cur = new ArrayList<>();
                    continue;
                }
            }
            double[] p0 = {Math.pow(10, x0 + t0 * (x1 - x0)), Math.pow(10, y0 + t0 * dy)};
            double[] p1 = {Math.pow(10, x0 + t1 * (x1 - x0)), Math.pow(10, y0 + t1 * dy)};
            if (t0 > 0 || cur.isEmpty()) {
                flush(pieces, cur);
                cur = new ArrayList<>();
                cur.add(t0 == 0 ? new double[] {x[i], y[i]} : p0);
            }
            cur.add(t1 == 1 ? new double[] {x[i + 1], y[i + 1]} : p1);
            if (t1 < 1) {
                flush(pieces, cur);
                cur = new ArrayList<>();
            }
        }
        flush(pieces, cur);
        return pieces;
    }

    private static void flush(List<List<double[]>> pieces, List<double[]> cur) {
        if (cur.size() >= 2) {
            pieces.add(cur);
        }
    }

    private static double[] column(List<double[]> points, int c) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = points.get(i)[c];
        }
        return out;
    }
}
