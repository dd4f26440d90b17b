package org.powerspec.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return LogLogPlot.of(r.claim().figure(r));
    }
}
