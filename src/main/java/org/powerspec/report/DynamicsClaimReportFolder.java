package org.powerspec.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.powerspec.check.dynamics.DynamicsClaim;
import org.powerspec.check.dynamics.DynamicsClaimResult;

/**
 * The report of dynamics claims ({@code dynamics check --report DIR}, and {@code verify --report DIR} beside the
 * spectral one): a Markdown file with a summary table and, per claim, its verdict, one picture and its numbers.
 * Exponent claims show ε_g against α (or ε_g(∞) against N_l) on log–log axes with the stated power law drawn through
 * the middle point, so a slope that differs from the claim is seen; plateau trends show the length against L or K;
 * the finite-size claim shows every seed's largest SGD–ODE gap against N with N^(−1/2), the size of SGD's
 * fluctuations, drawn for comparison. The files are rendered in memory and written by the caller as one {@link OutputSet}.
 */
public final class DynamicsClaimReportFolder {
    private DynamicsClaimReportFolder() {
    }

    /** Every file of the report, rendered: the Markdown file {@code markdownName} and one plot per claim, by name. */
    public static Map<String, byte[]> files(List<DynamicsClaimResult> results, String markdownName, String provenance) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("# powerspec dynamics claims\n\n`" + provenance + "`\n\n");
        List<List<String>> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<String> stems = new ArrayList<>();
        for (DynamicsClaimResult r : results) {
            stems.add(ClaimReportFolder.uniqueStem("dynamics-" + r.claim().name(), used));
            rows.add(List.of(r.claim().name(), r.claim().kind(), "**" + r.verdict() + "**", r.evidence().replace("|", "\\|")));
        }
        md.append(new Table(List.of("claim", "kind", "verdict", "witness, reason or summary"), rows).markdown());
        for (int i = 0; i < results.size(); i++) {
            DynamicsClaimResult r = results.get(i);
            String png = stems.get(i) + ".png";
            files.put(png, plot(r).png());
            md.append("\n## ").append(r.claim().name()).append("\n\n");
            if (!r.claim().statement().isEmpty()) {
                md.append("> ").append(r.claim().statement()).append("\n\n");
            }
            md.append("File `").append(r.claim().file()).append("` (`").append(r.claim().kind()).append("`): ")
                    .append(r.claim().describe()).append("\n\n");
            md.append("**").append(r.verdict()).append("**: ").append(r.evidence())
                    .append(Timings.suffix(r.seconds())).append("\n\n");
            md.append("- ").append(r.figures()).append("\n\n");
            md.append("![").append(r.claim().name()).append("](").append(png).append(")\n");
        }
        files.put(markdownName, md.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static LogLogPlot plot(DynamicsClaimResult r) {
        DynamicsClaim c = r.claim();
        String title = c.name() + "  [" + r.verdict() + "]";
        double[] x = column(r, 0);
        if (c instanceof DynamicsClaim.PlateauTrend p) {
            return new LogLogPlot(title, p.varied(), "plateau length").points("plateau length (" + p.trend().userName()
                    + " claimed)", x, column(r, 1));
        }
        if (c instanceof DynamicsClaim.FiniteSize) {
            LogLogPlot plot = new LogLogPlot(title, "N", "max_alpha |eps_g^SGD - eps_g^ODE|");
            TreeMap<Integer, List<double[]>> bySeed = new TreeMap<>();
            r.rows().forEach(row -> bySeed.computeIfAbsent((int) row[1], k -> new ArrayList<>()).add(row));
            bySeed.forEach((seed, rs) -> plot.points("seed " + seed, rs.stream().mapToDouble(q -> q[0]).toArray(),
                    rs.stream().mapToDouble(q -> q[2]).toArray()));
            if (r.rows().isEmpty()) {
                return plot.note("no points");
            }
            double x0 = r.rows().get(0)[0];
            double y0 = r.rows().stream().filter(q -> q[0] == x0).mapToDouble(q -> q[2]).average().orElse(Double.NaN);
            double x1 = r.rows().stream().mapToDouble(q -> q[0]).max().orElse(x0);
            if (y0 > 0 && Double.isFinite(y0) && x1 > x0) {
                plot.guide("N^-1/2 from the mean at N = " + (int) x0, new double[] {x0, x1},
                        new double[] {y0, y0 * Math.sqrt(x0 / x1)}, java.awt.Color.GRAY, true);
            }
            return plot;
        }
        boolean floor = c instanceof DynamicsClaim.FloorExponent;
        double[] y = column(r, 1);
        LogLogPlot plot = new LogLogPlot(title, floor ? "trained eigenspaces N_l" : "alpha = steps / N",
                floor ? "eps_g(infinity)" : "eps_g");
        plot.points(floor ? "closed-form floor" : "eps_g", x, y);
        double gamma = stated(c);
        int mid = x.length / 2;
        if (x.length > 1 && x[0] > 0 && Double.isFinite(gamma) && y[mid] > 0 && Double.isFinite(y[mid])) {
            double a = x[0];
            double b = x[x.length - 1];
            plot.guide(String.format(Locale.ROOT, "stated slope -%.4g through the middle point", gamma), new double[] {a, b},
                    new double[] {y[mid] * Math.pow(a / x[mid], -gamma), y[mid] * Math.pow(b / x[mid], -gamma)},
                    new java.awt.Color(0xd6, 0x27, 0x28), true);
        }
        return plot;
    }

    private static double stated(DynamicsClaim c) {
        if (c instanceof DynamicsClaim.LearningCurveExponent e) {
            return e.exponent().value(DynamicsClaim.symbols(e.model()));
        }
        if (c instanceof DynamicsClaim.FloorExponent f) {
            return f.exponent().value(DynamicsClaim.symbols(f.model()));
        }
        return Double.NaN;
    }

    private static double[] column(DynamicsClaimResult r, int k) {
        return r.rows().stream().mapToDouble(row -> row[k]).toArray();
    }
}
