package org.powerspec.report;

import java.util.Locale;

/**
 * Whether outputs show wall-clock seconds. They are on by default; {@code --no-timings} turns them off for one run,
 * so that the same inputs give the same bytes (every other number of an output is a deterministic function of its
 * inputs and seeds).
 */
public final class Timings {
    private static volatile boolean shown = true;

    private Timings() {
    }

    /** Shows or hides timings in every output rendered from now on. */
    public static void show(boolean show) {
        shown = show;
    }

    /** Whether timings are shown. */
    public static boolean shown() {
        return shown;
    }

    /** " (12.3 s)", or nothing when timings are hidden. */
    public static String suffix(double seconds) {
        return shown ? String.format(Locale.ROOT, " (%.1f s)", seconds) : "";
    }

    /** A table cell: the seconds in {@code format}, or "–" when timings are hidden. */
    public static String cell(String format, double seconds) {
        return shown ? String.format(Locale.ROOT, format, seconds) : "–";
    }
}
