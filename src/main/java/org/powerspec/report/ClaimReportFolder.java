package org.powerspec.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.InvalidInputException;
import org.powerspec.check.spectral.Claim;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.check.spectral.DriftTest;

/**
 * The report of {@code check --report DIR} (and {@code merge --report DIR}): {@code DIR/report.md} with a summary
 * table and, per claim, the verdict, two pictures and the full tables; {@code NAME-ratios.png} shows r_j = λ_j/rate(j)
 * against j on log–log axes, one colour per d (all seeds), with the claim's constants drawn as dashed lines, so that
 * a ratio leaving the band or a band that slides with d is seen rather than read; {@code NAME-drift.png} shows the
 * measured min r and max r of every (d, seed) against log d — the axes the drift is fitted on — with each fitted
 * drift line, the ends of its 95 % interval and the tolerance, and the same constants. A d has the same colour in
 * every plot of a report. The folder and its files are written as one {@link OutputSet}.
 */
public final class ClaimReportFolder {
    private ClaimReportFolder() {
    }

    /** Checks, before any work, that {@code dir} exists or can be created in an existing folder. */
    public static void checkWritable(Path dir) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("report", "'" + dir + "' is a file: give a folder (it is created if missing)");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.exists(dir) && (parent == null || !Files.isDirectory(parent))) {
            throw new InvalidInputException("report", "'" + dir + "': the folder " + parent + " does not exist");
        }
        Path writable = Files.exists(dir) ? dir : parent;
        if (!Files.isWritable(writable)) {
            throw new InvalidInputException("report", "'" + dir + "': the folder " + writable + " is not writable");
        }
    }

    /**
     * Every file of the report, rendered: {@code report.md} and the plots, by name. The colour of a d is the same in
     * every plot of the report (the palette in the order of all d of all claims).
     */
    public static Map<String, byte[]> files(List<ClaimResult> results, String provenance) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<Integer, java.awt.Color> colours = colours(results);
        StringBuilder md = new StringBuilder("# powerspec check report\n\n`" + provenance + "`\n\n");
        List<List<String>> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<String> stems = new ArrayList<>();
        for (ClaimResult r : results) {
            stems.add(uniqueStem(r.claim().name(), used));
            rows.add(List.of("[" + r.claim().name() + "](#" + anchor(r.claim().name()) + ")", "**" + r.verdict() + "**",
                    r.evidence().replace("|", "\\|")));
        }
        md.append(new Table(List.of("claim", "verdict", "witness, reason or summary"), rows).markdown());
        for (int i = 0; i < results.size(); i++) {
            ClaimResult r = results.get(i);
            Claim c = r.claim();
            md.append("\n## ").append(c.name()).append("\n\n");
            if (!c.statement().isEmpty()) {
                md.append("> ").append(c.statement()).append("\n\n");
            }
            md.append("File `").append(c.file()).append("`: ").append(ClaimReport.describe(c)).append("\n\n");
            md.append("**").append(r.verdict()).append("**: ").append(r.evidence())
                    .append(Timings.suffix(r.seconds())).append("\n\n");
            if (r.limit() != null) {
                String limit = stems.get(i) + "-limit.png";
                files.put(limit, limitPlot(c.name() + ": mu_j / rate(j) by decade of j  [" + r.verdict() + "]", c,
                        r.limit()).png());
                md.append("![mu_j / rate(j) by decade](").append(limit).append(")\n\n");
                md.append(ClaimReport.decades(r.limit()).markdown()).append('\n');
                continue;
            }
            String ratios = stems.get(i) + "-ratios.png";
            String drift = stems.get(i) + "-drift.png";
            files.put(ratios, ratioPlot(r, colours).png());
            files.put(drift, driftPlot(r, colours).png());
            md.append("![r_j against j](").append(ratios).append(")\n\n");
            md.append("![min r and max r against d](").append(drift).append(")\n\n");
            md.append(ClaimReport.runs(r).markdown()).append('\n');
            r.drifts().forEach(d -> md.append("- ").append(ClaimReport.drift(d)).append('\n'));
            md.append("- ").append(ClaimReport.fit(r.fit())).append('\n');
            r.scans().forEach(p -> md.append("- ").append(ClaimReport.scan(p)).append('\n'));
            if (r.headEnd() != null) {
                md.append("- ").append(ClaimReport.headEnd(r.headEnd())).append('\n');
            }
            if (r.chain() != null && r.chain().limit() != null) {
                String link = stems.get(i) + "-limit-link.png";
                files.put(link, limitPlot(c.name() + ": the chain's limit link mu_j / rate(j)  [" + r.chain().verdict()
                        + "]", null, r.chain().limit()).png());
                md.append("\n![the chain's limit link](").append(link).append(")\n\n");
                md.append(ClaimReport.decades(r.chain().limit()).markdown()).append('\n');
            }
        }
        List<ClaimResult> limits = results.stream().filter(r -> r.limit() != null).toList();
        if (limits.size() >= 2) {
            files.put("limits.png", limitsPlot(limits).png());
            md.append("\n## The limit claims together\n\n![mu_j / rate(j) of every limit claim](limits.png)\n");
        }
        files.put("report.md", md.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** One colour per d over all the claims' sizes, in ascending order of d: the same d, the same colour. */
    static Map<Integer, java.awt.Color> colours(List<ClaimResult> results) {
        TreeMap<Integer, java.awt.Color> out = new TreeMap<>();
        for (ClaimResult r : results) {
            r.claim().ds().forEach(d -> out.put(d, null));
            r.runs().forEach(run -> out.put(run.d(), null));
        }
        int i = 0;
        for (Map.Entry<Integer, java.awt.Color> e : out.entrySet()) {
            e.setValue(LogLogPlot.colour(i++));
        }
        return out;
    }

    /** A file-name stem for {@code name}, made unique among {@code used} (which it joins). */
    static String uniqueStem(String name, Set<String> used) {
        String stem = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String unique = stem;
        for (int k = 2; !used.add(unique); k++) {
            unique = stem + "-" + k;
        }
        return unique;
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** r_j against j, one series per d (every seed) in the colour of that d, with the constants as dashed lines. */
    static LogLogPlot ratioPlot(ClaimResult r, Map<Integer, java.awt.Color> colours) {
        Claim c = r.claim();
        LogLogPlot plot = new LogLogPlot(c.name() + ": r_j = lambda_j / rate(j)  [" + r.verdict() + "]", "j",
                "r_j = lambda_j / (" + c.rate().source() + ")");
        TreeMap<Integer, List<Run>> byD = new TreeMap<>();
        r.runs().forEach(run -> byD.computeIfAbsent(run.d(), k -> new ArrayList<>()).add(run));
        boolean any = false;
        for (Map.Entry<Integer, List<Run>> e : byD.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            for (Run run : e.getValue()) {
                for (int k = 0; k < run.js().length; k++) {
                    pts.add(new double[] {run.js()[k], run.ratios()[k]});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            any = true;
            plot.points("d = " + e.getKey() + " (" + e.getValue().size() + " seed" + (e.getValue().size() > 1 ? "s" : "") + ")",
                    pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
                    colours.get(e.getKey()), SeriesMarkers.CIRCLE);
        }
        if (!any) {
            plot.note("no usable j at any d");
        }
        band(plot, c);
        return plot;
    }

    /**
     * The measured min r and max r of every (d, seed) against d on log–log axes (the axes the drift is fitted on),
     * each d in its colour (max r ▲, min r ▼); for each drift of {@link ClaimResult#drifts()}, the fitted line over
     * the sizes it was fitted on, the lines of the ends of its 95 % interval and the tolerance line on the
     * threatening side, all through the fit's centre; and the constants.
     */
    static LogLogPlot driftPlot(ClaimResult r, Map<Integer, java.awt.Color> colours) {
        Claim c = r.claim();
        LogLogPlot plot = new LogLogPlot(c.name() + ": extremes of r_j against d, and their drift", "d",
                "measured min r and max r over the range");
        TreeMap<Integer, List<double[]>> lo = new TreeMap<>();
        TreeMap<Integer, List<double[]>> hi = new TreeMap<>();
        TreeMap<Integer, List<double[]>> bounds = new TreeMap<>();
        for (Run run : r.runs()) {
            double mn = run.measuredExtreme(false);
            double mx = run.measuredExtreme(true);
            if (!Double.isNaN(mn)) {
                lo.computeIfAbsent(run.d(), k -> new ArrayList<>()).add(new double[] {run.d(), mn});
                hi.computeIfAbsent(run.d(), k -> new ArrayList<>()).add(new double[] {run.d(), mx});
            } else if (run.used() > 0) {
                bounds.computeIfAbsent(run.d(), k -> new ArrayList<>()).add(new double[] {run.d(), run.minRatio()});
                bounds.get(run.d()).add(new double[] {run.d(), run.maxRatio()});
            }
        }
        if (lo.isEmpty() && bounds.isEmpty()) {
            plot.note("no usable j at any d");
        }
        java.util.TreeSet<Integer> ds = new java.util.TreeSet<>(hi.keySet());
        ds.addAll(bounds.keySet());
        for (Integer d : ds) {
            if (hi.containsKey(d)) {
                plot.points("d = " + d, xs(hi.get(d)), ys(hi.get(d)), colours.get(d), SeriesMarkers.TRIANGLE_UP);
                plot.points("d = " + d + ": min r", xs(lo.get(d)), ys(lo.get(d)), colours.get(d), SeriesMarkers.TRIANGLE_DOWN)
                        .withoutLegend();
            }
            if (bounds.containsKey(d)) {
                plot.points("d = " + d + ": extremes of certified bounds (no measured r)", xs(bounds.get(d)), ys(bounds.get(d)),
                        colours.get(d), SeriesMarkers.PLUS);
            }
        }
        if (!hi.isEmpty()) {
            plot.note("(triangles up: max r, down: min r, every seed)");
        }
        for (ClaimResult.Drift dr : r.drifts()) {
            driftLines(plot, r, dr, c.driftTolerance());
        }
        if (ds.isEmpty()) {
            double dMin = c.ds().stream().mapToInt(Integer::intValue).min().orElseThrow();
            double dMax = c.ds().stream().mapToInt(Integer::intValue).max().orElseThrow();
            plot.guide("sizes of the sweep", new double[] {dMin, Math.max(dMax, dMin * 1.01)}, new double[] {1, 1},
                    java.awt.Color.LIGHT_GRAY, true);
        }
        band(plot, c);
        return plot;
    }

    private static double[] xs(List<double[]> pts) {
        return pts.stream().mapToDouble(p -> p[0]).toArray();
    }

    private static double[] ys(List<double[]> pts) {
        return pts.stream().mapToDouble(p -> p[1]).toArray();
    }

    /** The drift's fitted line, the ends of its 95 % interval and the tolerance, through the centre of its points. */
    private static void driftLines(LogLogPlot plot, ClaimResult r, ClaimResult.Drift dr, double tolerance) {
        boolean max = !dr.of().equals("min r");
        List<Integer> sizes = r.runs().stream().filter(x -> x.measured() >= ClaimChecker.MIN_POINTS).map(Run::d).distinct()
                .sorted(java.util.Comparator.reverseOrder()).limit(DriftTest.DRIFT_SIZES).toList();
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (Run run : r.runs()) {
            double y = run.measuredExtreme(max);
            if (run.measured() >= ClaimChecker.MIN_POINTS && sizes.contains(run.d()) && y > 0) {
                sx += Math.log10(run.d());
                sy += Math.log10(y);
                n++;
            }
        }
        if (n == 0 || !Double.isFinite(dr.slope())) {
            plot.note("drift of " + dr.of() + ": " + dr.status());
            return;
        }
        double mx = sx / n;
        double my = sy / n;
        double x0 = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
        double x1 = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        java.awt.Color ink = max ? new java.awt.Color(0x60, 0x10, 0x10) : new java.awt.Color(0x10, 0x20, 0x60);
        String fitted = sizes.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        plot.guide(String.format(Locale.ROOT, "drift of %s: slope %.3f per decade of d over d = %s (%s)", dr.of(),
                dr.slope(), fitted, dr.status()), new double[] {x0, x1}, line(mx, my, dr.slope(), x0, x1), ink, false);
        if (Double.isFinite(dr.lo()) && Double.isFinite(dr.hi())) {
            plot.band(String.format(Locale.ROOT, "its 95%% interval [%.3f, %.3f]", dr.lo(), dr.hi()), new double[] {x0, x1},
                    line(mx, my, dr.lo(), x0, x1), line(mx, my, dr.hi(), x0, x1), ink);
        } else {
            plot.note("its 95% interval is unbounded (" + dr.points() + " points)");
        }
        double tol = max ? tolerance : -tolerance;
        plot.guide(String.format(Locale.ROOT, "tolerance %+.2f per decade (%s)", tol, max ? "max r rising faster drifts"
                : "min r falling faster drifts"), new double[] {x0, x1}, line(mx, my, tol, x0, x1), java.awt.Color.GRAY, true);
    }

    /**
     * The extremes of μ_j/rate(j) in each decade of j (at the decade's first and last j), with the claim's constants
     * (none when {@code c} is null); a decade whose ratio is ≤ 0 or not finite is marked or counted ({@link LogLogPlot}).
     */
    static LogLogPlot limitPlot(String title, Claim c, org.powerspec.check.spectral.LimitCheck.Study st) {
        LogLogPlot plot = new LogLogPlot(title, "j", "mu_j / rate(j), decade extremes");
        List<double[]> lo = new ArrayList<>();
        List<double[]> hi = new ArrayList<>();
        for (org.powerspec.check.spectral.LimitCheck.Decade d : st.decades()) {
            lo.add(new double[] {d.minJ(), d.minRatio()});
            hi.add(new double[] {d.maxJ(), d.maxRatio()});
        }
        if (lo.isEmpty()) {
            plot.note("no decade of j to draw");
        } else {
            plot.curve("min per decade", xs(lo), ys(lo));
            plot.curve("max per decade", xs(hi), ys(hi));
        }
        if (c != null) {
            band(plot, c);
        }
        return plot;
    }

    /**
     * Every limit claim of a report in one plot: the extremes of μ_j/rate(j) per decade of j (one colour per claim, a
     * solid line for the minima and a dashed one for the maxima), with each claim's constants as thin lines of its
     * colour.
     */
    static LogLogPlot limitsPlot(List<ClaimResult> limits) {
        LogLogPlot plot = new LogLogPlot("mu_j / rate(j) by decade of j, every limit claim", "j",
                "mu_j / rate(j), decade extremes");
        for (int i = 0; i < limits.size(); i++) {
            ClaimResult r = limits.get(i);
            java.awt.Color colour = LogLogPlot.colour(i);
            List<double[]> lo = new ArrayList<>();
            List<double[]> hi = new ArrayList<>();
            for (org.powerspec.check.spectral.LimitCheck.Decade d : r.limit().decades()) {
                lo.add(new double[] {d.minJ(), d.minRatio()});
                hi.add(new double[] {d.maxJ(), d.maxRatio()});
            }
            if (lo.isEmpty()) {
                continue;
            }
            String name = r.claim().name();
            plot.guide(name + ": min", xs(lo), ys(lo), colour, false);
            plot.guide(name + ": max", xs(hi), ys(hi), colour, true);
            double x0 = Math.max(1, r.limit().jFrom());
            double x1 = Math.max(x0 * 10, r.limit().jTo());
            if (r.claim().lower() != null) {
                plot.guide(name + ": lower " + r.claim().lower(), new double[] {x0, x1},
                        new double[] {r.claim().lower(), r.claim().lower()}, colour, true);
            }
            if (r.claim().upper() != null) {
                plot.guide(name + ": upper " + r.claim().upper(), new double[] {x0, x1},
                        new double[] {r.claim().upper(), r.claim().upper()}, colour, true);
            }
        }
        return plot;
    }

    /** y = 10^(my + slope·(log10 x − mx)) at x0 and x1. */
    private static double[] line(double mx, double my, double slope, double x0, double x1) {
        return new double[] {Math.pow(10, my + slope * (Math.log10(x0) - mx)), Math.pow(10, my + slope * (Math.log10(x1) - mx))};
    }

    private static void band(LogLogPlot plot, Claim c) {
        if (c.lower() != null) {
            plot.constant("lower = " + c.lower(), c.lower(), new java.awt.Color(0x1f, 0x4e, 0x9c));
        }
        if (c.upper() != null) {
            plot.constant("upper = " + c.upper(), c.upper(), new java.awt.Color(0xb0, 0x20, 0x20));
        }
    }
}
