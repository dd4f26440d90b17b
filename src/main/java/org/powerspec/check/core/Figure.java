package org.powerspec.check.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement's evidence looks like on log–log axes, as data: a title, the axes' names, series of points and
 * guide lines (a stated law drawn for comparison), and an optional note. A claim kind says which figure its outcome
 * makes; the report layer draws any figure the same way.
 *
 * @param title  the figure's title
 * @param xLabel the x axis
 * @param yLabel the y axis
 * @param series what is drawn, in order
 * @param note   a line written on the figure, or null
 */
public record Figure(String title, String xLabel, String yLabel, List<Series> series, String note) {

    /** Measured points, or a dashed guide line. */
    public enum Style { POINTS, GUIDE }

    /**
     * One series.
     *
     * @param rgb the guide's colour as 0xRRGGBB (points take the next colour of the palette: -1)
     */
    public record Series(String label, double[] x, double[] y, Style style, int rgb) {
        public Series {
            x = x.clone();
            y = y.clone();
        }
    }

    public Figure {
        series = List.copyOf(series);
    }

    /** An empty figure. */
    public Figure(String title, String xLabel, String yLabel) {
        this(title, xLabel, yLabel, List.of(), null);
    }

    /** This figure with measured points added. */
    public Figure points(String label, double[] x, double[] y) {
        return with(new Series(label, x, y, Style.POINTS, -1));
    }

    /** This figure with a dashed guide line of colour {@code rgb} added. */
    public Figure guide(String label, double[] x, double[] y, int rgb) {
        return with(new Series(label, x, y, Style.GUIDE, rgb));
    }

    /** This figure with a note. */
    public Figure note(String text) {
        return new Figure(title, xLabel, yLabel, series, text);
    }

    private Figure with(Series s) {
        List<Series> all = new ArrayList<>(series);
        all.add(s);
        return new Figure(title, xLabel, yLabel, all, note);
    }
}
