package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.check.spectral.Claim;
import org.powerspec.check.spectral.ClaimResult.Drift;
import org.powerspec.check.spectral.ClaimResult.Fit;
import org.powerspec.check.spectral.ClaimResult.ParameterRange;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.check.spectral.ClaimResult;

/** A claim's check as text, Markdown or JSON: the model, one row per (d, seed), the drifts, the fit, the verdict. */
public final class ClaimReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClaimReport() {
    }

    static String g(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.4g", x);
    }

    /** The model and the statement's parts in one line. */
    public static String describe(Claim c) {
        if (c.limit()) {
            return String.format(Locale.ROOT, "limit d -> infinity on the product oracle: alpha = %s, f(y) = %s, v = %s, "
                            + "w_variance = %s, centred = %s%s; rate = %s; j from %s to %s%s; constants [%s, %s]; drift "
                            + "tolerance %s per decade of j", c.alpha(), c.activation().label(), c.v().source(), c.wVariance(),
                    c.centred(), c.cutoff() == null ? "" : ", cutoff = " + c.cutoff().source(), c.rate().source(),
                    c.from().source(), c.to().source(), c.constants().isEmpty() ? "" : " with " + c.constants(),
                    c.lower() == null ? "-" : c.lower(), c.upper() == null ? "-" : c.upper(), c.driftTolerance());
        }
        return String.format(Locale.ROOT, "alpha = %s, f(y) = %s, v = %s, w_variance = %s, centred = %s%s; rate = %s; "
                        + "j from %s to %s%s; constants [%s, %s]; d = %s, seeds 1..%d, precision %s", c.alpha(),
                c.activation().label(), c.v().source(), c.wVariance(), c.centred(),
                c.cutoff() == null ? "" : ", cutoff = " + c.cutoff().source(), c.rate().source(), c.from().source(),
                c.to().source(), c.constants().isEmpty() ? "" : " with " + c.constants(),
                c.lower() == null ? "-" : c.lower(), c.upper() == null ? "-" : c.upper(), c.ds(), c.seeds(),
                c.precision().userName());
    }

    public static Table runs(ClaimResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Run run : r.runs()) {
            rows.add(List.of(String.valueOf(run.d()), String.valueOf(run.seed()), String.valueOf(run.v()),
                    run.jFrom() + ".." + run.jTo(), run.used() + " of " + run.rangeSize(), String.valueOf(run.undecided()),
                    g(run.minRatio()),
                    run.used() > 0 ? String.valueOf(run.minJ()) : "–", g(run.maxRatio()),
                    run.used() > 0 ? String.valueOf(run.maxJ()) : "–", String.valueOf(run.violations().size()),
                    Timings.cell("%.2f", run.seconds())));
        }
        return new Table(List.of("d", "seed", "v", "j range", "used", "undecided", "min r", "at j", "max r", "at j", "violations", "s"),
                rows);
    }

    /** A limit study by decade of j: the extremes of r_j, where they occur, and the slope of log r against log j. */
    public static Table decades(org.powerspec.check.spectral.LimitCheck.Study st) {
        List<List<String>> rows = new ArrayList<>();
        for (org.powerspec.check.spectral.LimitCheck.Decade d : st.decades()) {
            rows.add(List.of(d.from() + ".." + d.to(), String.valueOf(d.count()), g(d.minRatio()), String.valueOf(d.minJ()),
                    g(d.maxRatio()), String.valueOf(d.maxJ()), Double.isNaN(d.slope()) ? "–"
                            : String.format(Locale.ROOT, "%.4f", d.slope())));
        }
        return new Table(List.of("j", "count", "min r", "at j", "max r", "at j", "slope per decade"), rows);
    }

    /** Where the head ends, in one line. */
    public static String headEnd(ClaimResult.HeadEnd h) {
        return String.format(Locale.ROOT, "head end: j* (the largest j up to which r_j stays within the constants) over %d "
                + "runs against d/log^(p+1) d: %s", h.points(), h.finding());
    }

    public static String drift(Drift d) {
        return Double.isNaN(d.slope()) ? d.of() + " (" + d.constant() + " constant): " + d.status()
                : String.format(Locale.ROOT, "%s (%s constant): log-log slope in d %.3f, 95%% interval [%s, %s], %d points: %s",
                d.of(), d.constant(), d.slope(), g(d.lo()), g(d.hi()), d.points(), d.status())
                + org.powerspec.check.spectral.DriftTest.convergenceText(d);
    }

    public static String fit(Fit f) {
        return f == null ? "effective rate: too few points to fit"
                : String.format(Locale.ROOT, "effective rate at d = %d (%d points): lambda_j ~ C (log^beta(j+1)/j)^alpha with "
                        + "alpha = %.3f [%.3f, %.3f], beta = %.3f [%.3f, %.3f]", f.d(), f.points(), f.alpha(), f.alphaLo(),
                f.alphaHi(), f.beta(), f.betaLo(), f.betaHi());
    }

    /** A scanned parameter in one line: the values for which the claim does not fail, and for which it holds. */
    public static String scan(ParameterRange p) {
        return String.format(Locale.ROOT, "parameter %s = %s as stated; with the spectra held fixed the claim does not fail "
                        + "for %s%s and holds for %s (grid step %s over [%s, %s])", p.name(), num(p.stated()),
                interval(p.notFailsMin(), p.notFailsMax(), p), p.contiguous() ? "" : " (not one interval)",
                interval(p.holdsMin(), p.holdsMax(), p), num(p.step()), num(p.lo()), num(p.hi()));
    }

    private static String interval(double a, double b, ParameterRange p) {
        if (Double.isNaN(a)) {
            return "no value of " + p.name() + " on the grid";
        }
        String lo = a <= p.lo() + 1e-9 ? "<= " + num(a) : num(a);
        String hi = b >= p.hi() - 1e-9 ? ">= " + num(b) : num(b);
        return p.name() + " in [" + lo + ", " + hi + "]";
    }

    private static String num(double x) {
        return java.math.BigDecimal.valueOf(Math.round(x * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    public static String render(List<ClaimResult> results, Format format, String provenance) {
        return switch (format) {
            case TEXT -> text(results, provenance, false);
            case MARKDOWN -> text(results, provenance, true);
            case JSON -> json(results, provenance);
            default -> throw new IllegalArgumentException("claims are not reported as " + format.userName());
        };
    }

    /**
     * A statement's heading in a report: its name (a Markdown section, or "claim NAME (WHERE)"), its statement quoted
     * when it has one, and the line of every parameter it depends on ({@code mdDescription} in Markdown).
     */
    static void heading(StringBuilder s, boolean md, String name, String where, String statement, String mdDescription,
            String description) {
        s.append(md ? "\n## " + name + "\n\n" : "\nclaim " + name + " (" + where + ")\n");
        if (!statement.isEmpty()) {
            s.append(md ? "> " + statement + "\n\n" : "  " + statement + "\n");
        }
        s.append(md ? mdDescription + "\n\n" : "  " + description + "\n\n");
    }

    private static String text(List<ClaimResult> results, String provenance, boolean md) {
        StringBuilder s = new StringBuilder(md ? "`" + provenance + "`\n" : "# " + provenance + "\n");
        for (ClaimResult r : results) {
            Claim c = r.claim();
            heading(s, md, c.name(), String.valueOf(c.file()), c.statement(), describe(c), describe(c));
            if (r.limit() != null) {
                s.append(md ? decades(r.limit()).markdown() : decades(r.limit()).text());
            } else {
                s.append(md ? runs(r).markdown() : runs(r).text());
            }
            s.append('\n');
            if (r.headEnd() != null) {
                s.append(md ? "- " : "  ").append(headEnd(r.headEnd())).append('\n');
            }
            if (r.chain() != null) {
                s.append(md ? "- " : "  ").append("chained verdict through the oracle: " + r.chain().verdict() + " — "
                        + r.chain().evidence()).append('\n');
                if (r.chain().limit() != null) {
                    s.append(md ? "\nlimit link, by decade of j:\n\n" + decades(r.chain().limit()).markdown()
                            : "  limit link, by decade of j:\n" + decades(r.chain().limit()).text());
                }
            }
            for (Drift d : r.drifts()) {
                s.append(md ? "- " : "  ").append(drift(d)).append('\n');
            }
            s.append(md ? "- " : "  ").append(fit(r.fit())).append('\n');
            for (ParameterRange p : r.scans()) {
                s.append(md ? "- " : "  ").append(scan(p)).append('\n');
            }
            s.append(md ? "\n**" + r.verdict() + "**: " : "verdict: " + r.verdict() + " — ").append(r.evidence())
                    .append(Timings.suffix(r.seconds())).append('\n');
        }
        return s.toString();
    }

    private static void decadesJson(ObjectNode o, org.powerspec.check.spectral.LimitCheck.Study st) {
        o.put("j_from", st.jFrom()).put("j_to", st.jTo()).put("used", st.used()).put("undecided", st.undecided())
                .put("min_ratio", st.minRatio()).put("max_ratio", st.maxRatio()).put("breaches", st.breaches());
        ArrayNode ds = o.putArray("decades");
        for (org.powerspec.check.spectral.LimitCheck.Decade d : st.decades()) {
            ds.addObject().put("from", d.from()).put("to", d.to()).put("count", d.count()).put("min_ratio", d.minRatio())
                    .put("min_j", d.minJ()).put("max_ratio", d.maxRatio()).put("max_j", d.maxJ()).put("slope", d.slope());
        }
    }

    private static String json(List<ClaimResult> results, String provenance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", provenance);
        ArrayNode claims = root.putArray("claims");
        for (ClaimResult r : results) {
            Claim c = r.claim();
            ObjectNode o = claims.addObject();
            o.put("name", c.name());
            o.put("file", c.file().toString());
            o.put("statement", c.statement());
            o.put("model", describe(c));
            o.put("verdict", r.verdict().name());
            o.put("reason", r.evidence());
            if (Timings.shown()) {
                o.put("seconds", r.seconds());
            }
            if (r.headEnd() != null) {
                ClaimResult.HeadEnd h = r.headEnd();
                o.putObject("head_end").put("points", h.points()).put("c1", h.c1()).put("c1_lo", h.c1Lo())
                        .put("c1_hi", h.c1Hi()).put("slope", h.slope()).put("slope_lo", h.slopeLo())
                        .put("slope_hi", h.slopeHi()).put("finding", h.finding());
            }
            if (r.limit() != null) {
                decadesJson(o.putObject("limit"), r.limit());
            }
            if (r.chain() != null) {
                ObjectNode ch = o.putObject("chain");
                ch.put("to", r.chain().to()).put("j_from", r.chain().jFrom()).put("j_to", r.chain().jTo())
                        .put("link_lo", r.chain().linkLo()).put("link_hi", r.chain().linkHi())
                        .put("verdict", r.chain().verdict().name()).put("reason", r.chain().evidence());
                if (r.chain().limit() != null) {
                    decadesJson(ch.putObject("limit_link"), r.chain().limit());
                }
            }
            ArrayNode runs = o.putArray("runs");
            for (Run run : r.runs()) {
                ObjectNode x = runs.addObject();
                x.put("d", run.d());
                x.put("seed", run.seed());
                x.put("v", run.v());
                x.put("j_from", run.jFrom());
                x.put("j_to", run.jTo());
                x.put("used", run.used());
                x.put("range_size", run.rangeSize());
                x.put("undecided", run.undecided());
                x.put("under_floor", run.underFloor());
                x.put("straddling", run.straddling());
                x.put("no_rate", run.noRate());
                x.put("min_ratio", run.minRatio());
                x.put("min_j", run.minJ());
                x.put("max_ratio", run.maxRatio());
                x.put("max_j", run.maxJ());
                ArrayNode v = x.putArray("violations");
                run.violations().forEach(w -> v.addObject().put("j", w.j()).put("ratio", w.ratio())
                        .put("constant", w.constant().toString()).put("bound", w.bound()));
            }
            ArrayNode drifts = o.putArray("drift");
            for (Drift d : r.drifts()) {
                drifts.addObject().put("of", d.of()).put("constant", d.constant().toString()).put("slope", d.slope())
                        .put("lo", d.lo()).put("hi", d.hi()).put("points", d.points()).put("status", d.status().toString());
            }
            ArrayNode scans = o.putArray("parameter_scans");
            for (ParameterRange p : r.scans()) {
                scans.addObject().put("name", p.name()).put("stated", p.stated()).put("step", p.step()).put("grid_lo", p.lo())
                        .put("grid_hi", p.hi()).put("not_fails_min", p.notFailsMin()).put("not_fails_max", p.notFailsMax())
                        .put("contiguous", p.contiguous()).put("holds_min", p.holdsMin()).put("holds_max", p.holdsMax());
            }
            if (r.fit() != null) {
                Fit f = r.fit();
                o.putObject("fit").put("d", f.d()).put("points", f.points()).put("alpha", f.alpha())
                        .put("alpha_lo", f.alphaLo()).put("alpha_hi", f.alphaHi()).put("beta", f.beta())
                        .put("beta_lo", f.betaLo()).put("beta_hi", f.betaHi());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
