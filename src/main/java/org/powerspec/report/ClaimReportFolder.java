package org.powerspec.report;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.powerspec.InvalidInputException;
import org.powerspec.check.Claim;
import org.powerspec.check.ClaimResult;
import org.powerspec.check.ClaimResult.Run;

/**
 * The report of {@code check --report DIR} (and {@code merge --report DIR}): {@code DIR/report.md} with a summary
 * table and, per claim, the verdict, two pictures and the full tables; {@code NAME-ratios.png} shows r_j = λ_j/rate(j)
 * against j on log–log axes, one colour per d (all seeds), with the claim's constants drawn as dashed lines, so that
 * a ratio leaving the band or a band that slides with d is seen rather than read; {@code NAME-drift.png} shows min r
 * and max r of every (d, seed) against d with the same constants.
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
            throw new InvalidInputException("--report '" + dir + "' is a file: give a folder (it is created if missing)");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.exists(dir) && (parent == null || !Files.isDirectory(parent))) {
            throw new InvalidInputException("--report '" + dir + "': the folder " + parent + " does not exist");
        }
        Path writable = Files.exists(dir) ? dir : parent;
        if (!Files.isWritable(writable)) {
            throw new InvalidInputException("--report '" + dir + "': the folder " + writable + " is not writable");
        }
    }

    /** Draws everything in memory first, then writes each file whole; returns the report's path. */
    public static Path write(List<ClaimResult> results, Path dir, String provenance) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("# powerspec check report\n\n`" + provenance + "`\n\n");
        List<List<String>> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<String> stems = new ArrayList<>();
        for (ClaimResult r : results) {
            stems.add(uniqueStem(r.claim().name(), used));
            rows.add(List.of("[" + r.claim().name() + "](#" + anchor(r.claim().name()) + ")", "**" + r.verdict() + "**",
                    r.reason().replace("|", "\\|")));
        }
        md.append(new Table(List.of("claim", "verdict", "witness, reason or summary"), rows).markdown());
        for (int i = 0; i < results.size(); i++) {
            ClaimResult r = results.get(i);
            Claim c = r.claim();
            md.append("\n## ").append(c.name()).append("\n\n");
            if (r.limit() != null) {
                String limit = stems.get(i) + "-limit.png";
                files.put(limit, limitPlot(c.name() + ": mu_j / rate(j) by decade of j  [" + r.verdict() + "]", c,
                        r.limit()).png());
                if (!c.statement().isEmpty()) {
                    md.append("> ").append(c.statement()).append("\n\n");
                }
                md.append("File `").append(c.file()).append("`: ").append(ClaimReport.describe(c)).append("\n\n");
                md.append("**").append(r.verdict()).append("**: ").append(r.reason())
                        .append(String.format(Locale.ROOT, " (%.1f s)%n%n", r.seconds()));
                md.append("![mu_j / rate(j) by decade](").append(limit).append(")\n\n");
                md.append(ClaimReport.decades(r.limit()).markdown()).append('\n');
                continue;
            }
            String ratios = stems.get(i) + "-ratios.png";
            String drift = stems.get(i) + "-drift.png";
            files.put(ratios, ratioPlot(r).png());
            files.put(drift, driftPlot(r).png());
            if (!c.statement().isEmpty()) {
                md.append("> ").append(c.statement()).append("\n\n");
            }
            md.append("File `").append(c.file()).append("`: ").append(ClaimReport.describe(c)).append("\n\n");
            md.append("**").append(r.verdict()).append("**: ").append(r.reason())
                    .append(String.format(Locale.ROOT, " (%.1f s)%n%n", r.seconds()));
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
        files.put("report.md", md.toString().getBytes(StandardCharsets.UTF_8));
        return writeAll(files, dir, "report.md");
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

    /** Creates {@code dir} and writes each file whole; returns the path of {@code main}. */
    static Path writeAll(Map<String, byte[]> files, Path dir, String main) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        files.forEach((name, bytes) -> Output.write(bytes, dir.resolve(name)));
        return dir.resolve(main);
    }

    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** r_j against j, one series per d (every seed), with the constants as dashed lines. */
    static LogLogPlot ratioPlot(ClaimResult r) {
        Claim c = r.claim();
        LogLogPlot plot = new LogLogPlot(c.name() + ": r_j = lambda_j / rate(j)  [" + r.verdict() + "]", "j",
                "r_j = lambda_j / (" + c.rate().source() + ")");
        TreeMap<Integer, List<Run>> byD = new TreeMap<>();
        r.runs().forEach(run -> byD.computeIfAbsent(run.d(), k -> new ArrayList<>()).add(run));
        double jMin = Double.POSITIVE_INFINITY;
        double jMax = 0;
        for (Map.Entry<Integer, List<Run>> e : byD.entrySet()) {
            List<double[]> pts = new ArrayList<>();
            for (Run run : e.getValue()) {
                for (int k = 0; k < run.js().length; k++) {
                    if (run.ratios()[k] > 0) {
                        pts.add(new double[] {run.js()[k], run.ratios()[k]});
                    }
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            jMin = Math.min(jMin, pts.stream().mapToDouble(p -> p[0]).min().orElseThrow());
            jMax = Math.max(jMax, pts.stream().mapToDouble(p -> p[0]).max().orElseThrow());
            plot.points("d = " + e.getKey() + " (" + e.getValue().size() + " seed" + (e.getValue().size() > 1 ? "s" : "")
                    + ")", pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
        }
        if (jMax == 0) {
            jMin = 1;
            jMax = 2;
            plot.points("no usable j at any d", new double[] {1}, new double[] {1});
        }
        band(plot, c, jMin, Math.max(jMax, jMin * 1.01));
        return plot;
    }

    /** min r and max r of every (d, seed) against d, with the constants as dashed lines. */
    static LogLogPlot driftPlot(ClaimResult r) {
        Claim c = r.claim();
        LogLogPlot plot = new LogLogPlot(c.name() + ": extremes of r_j against d", "d",
                "min r and max r over the range (log scale)").linearX();
        List<double[]> lo = new ArrayList<>();
        List<double[]> hi = new ArrayList<>();
        for (Run run : r.runs()) {
            if (run.used() > 0 && run.minRatio() > 0) {
                lo.add(new double[] {run.d(), run.minRatio()});
                hi.add(new double[] {run.d(), run.maxRatio()});
            }
        }
        if (lo.isEmpty()) {
            plot.points("no usable j at any d", new double[] {c.ds().get(0)}, new double[] {1});
        } else {
            plot.points("min r", lo.stream().mapToDouble(p -> p[0]).toArray(), lo.stream().mapToDouble(p -> p[1]).toArray());
            plot.points("max r", hi.stream().mapToDouble(p -> p[0]).toArray(), hi.stream().mapToDouble(p -> p[1]).toArray());
        }
        double dMin = c.ds().stream().mapToInt(Integer::intValue).min().orElseThrow();
        double dMax = c.ds().stream().mapToInt(Integer::intValue).max().orElseThrow();
        band(plot, c, dMin, Math.max(dMax, dMin * 1.01));
        return plot;
    }

    /** The extremes of μ_j/rate(j) in each decade of j (at the decade's first and last j), with the claim's constants. */
    static LogLogPlot limitPlot(String title, Claim c, org.powerspec.check.LimitCheck.Study st) {
        LogLogPlot plot = new LogLogPlot(title, "j", "mu_j / rate(j), decade extremes");
        List<double[]> lo = new ArrayList<>();
        List<double[]> hi = new ArrayList<>();
        for (org.powerspec.check.LimitCheck.Decade d : st.decades()) {
            if (d.minRatio() > 0 && Double.isFinite(d.maxRatio())) {
                lo.add(new double[] {d.minJ(), d.minRatio()});
                hi.add(new double[] {d.maxJ(), d.maxRatio()});
            }
        }
        if (lo.isEmpty()) {
            plot.points("no positive ratio", new double[] {Math.max(1, st.jFrom())}, new double[] {1});
            return plot;
        }
        plot.line("min per decade", lo.stream().mapToDouble(p -> p[0]).toArray(), lo.stream().mapToDouble(p -> p[1]).toArray());
        plot.line("max per decade", hi.stream().mapToDouble(p -> p[0]).toArray(), hi.stream().mapToDouble(p -> p[1]).toArray());
        if (c != null) {
            band(plot, c, Math.max(1, st.jFrom()), Math.max(st.jTo(), st.jFrom() + 1));
        }
        return plot;
    }

    private static void band(LogLogPlot plot, Claim c, double x0, double x1) {
        if (c.lower() != null && c.lower() > 0) {
            plot.reference("lower = " + c.lower(), new double[] {x0, x1}, new double[] {c.lower(), c.lower()},
                    new java.awt.Color(0x1f, 0x4e, 0x9c));
        }
        if (c.upper() != null && c.upper() > 0) {
            plot.reference("upper = " + c.upper(), new double[] {x0, x1}, new double[] {c.upper(), c.upper()},
                    new java.awt.Color(0xb0, 0x20, 0x20));
        }
    }
}
