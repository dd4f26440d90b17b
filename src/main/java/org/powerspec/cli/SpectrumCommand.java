package org.powerspec.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.Precision;
import org.powerspec.numeric.Sketch;
import org.powerspec.numeric.SketchFile;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumComputation;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.report.Format;
import org.powerspec.report.OutputSet;
import org.powerspec.report.SpectrumPlot;
import org.powerspec.report.SpectrumReport;
import org.powerspec.symbolic.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(value = {Format.CSV, Format.JSON}, plot = "Also draw lambda_j against j, log-log, with both reference rates: FILE.png or FILE.svg.")
@Command(name = "spectrum",
        description = {
            "All d eigenvalues of the random-feature covariance K, exact in x, with error bounds.",
            "x ~ N(0,H), lambda_j(H) = j^-alpha (j = 1..v); W in R^{v x d} Gaussian (seeded) or from --sketch-file;",
            "G = W'HW; K_ab = (1/d) E[f(u)f(v)] at Var u = G_aa, Var v = G_bb, Cov = G_ab, which for f = y^p is",
            "K = (1/d) sum_k b_k D^(p-k) G^{ok} D^(p-k), D = diag(sqrt(G_aa)), b_k = k! c_k^2 (see 'powerspec coeffs').",
            "CSV header: j,eigenvalue,abs_error_bound (descending; an eigenvalue below its bound is unreliable).",
            "Every parameter is echoed on stderr, and in the JSON output."})
final class SpectrumCommand extends PowerspecCommand {
    @Mixin
    ModelOptions model;

    @Option(names = "--d", paramLabel = "D", description = "Number of random features (columns of W). Taken from --sketch-file when given.")
    Integer d;

    @Option(names = "--v", paramLabel = "V", description = "Data dimension (rows of W). Default: " + SpectrumSpec.V_PER_D + "*d.")
    Integer v;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the Gaussian sketch W. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sketch-file", paramLabel = "W.csv", description = "Your own W: v rows x d columns, comma-separated, no header.")
    Path sketchFile;

    @Mixin
    SketchOptions sketchOptions;

    @Option(names = "--centred", description = "Subtract the mean feature's rank-one term (1/d) mu mu'. Default: off (uncentred, as in the theorem).")
    boolean centred;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "double",
            description = "double (native LAPACK, fast) or high (double-double, ~32 digits, for tails under double's floor). Default: ${DEFAULT-VALUE}.")
    String precision;

    @Mixin
    PlotOutputOptions output;

    @Mixin
    OverlayOptions overlay;

    @Override
    public Integer call() {
        Format fmt = output.format();
        Precision prec = Precision.parse(precision, "--precision");
        output.check();
        Activation f = model.activation();
        overlay.check(f, output.plot != null);
        Sketch sketch;
        int dd;
        int vv;
        sketchOptions.refuseWithSketchFile(context, sketchFile);
        if (sketchFile != null) {
            SketchFile file = SketchFile.read(sketchFile);
            dd = file.columns();
            vv = file.rows();
            if (d != null && d != dd) {
                throw new InvalidInputException("--d " + d + " disagrees with --sketch-file '" + sketchFile + "', which has " + dd + " columns");
            }
            if (v != null && v != vv) {
                throw new InvalidInputException("--v " + v + " disagrees with --sketch-file '" + sketchFile + "', which has " + vv + " rows");
            }
            sketch = file;
        } else {
            if (d == null) {
                throw new InvalidInputException("--d is missing: give the number of features, or a --sketch-file");
            }
            SpectrumSpec.checkD(d);
            dd = d;
            vv = v != null ? v : SpectrumSpec.defaultV(d);
            sketch = null;
        }
        SpectrumSpec s = new SpectrumSpec(model.alpha, f, dd, vv, seed, sketchFile, sketchOptions.wVariance, centred, prec,
                sketchOptions.cutoff(model.alpha, vv));
        SpectrumComputation.checkResources(s);
        if (sketch == null) {
            sketch = SpectrumComputation.sketchFor(s);
        }
        context.say(s.describe());
        Spectrum result = SpectrumComputation.compute(s, sketch, context.progress());
        for (String w : result.warnings()) {
            context.say("warning: " + w);
        }
        // every output is rendered before any is written: a plot or a second method that fails leaves no file behind
        OutputSet outputs = new OutputSet().add(output.out, "--out", SpectrumReport.render(result, fmt, context.provenance()));
        if (output.plot != null) {
            Map<String, double[]> overlays = overlay.overlays(s);
            outputs.add(output.plot, "--plot", SpectrumPlot.plot(result, overlays).bytes(output.plot));
        }
        context.commit(outputs);
        double total = result.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
        context.say(String.format(Locale.ROOT, "%s; %.2f s (G %.2f s, K %.2f s, eigenvalues %.2f s)", result.method(),
                total, result.seconds().get("gram"), result.seconds().get("kernel"), result.seconds().get("eigenvalues")));
        return 0;
    }
}
