package org.powerspec.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.Precision;
import org.powerspec.numeric.Sketch;
import org.powerspec.numeric.SketchFile;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumComputation;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.report.Format;
import org.powerspec.report.LogLogPlot;
import org.powerspec.report.Output;
import org.powerspec.report.OutputSet;
import org.powerspec.report.SpectrumPlot;
import org.powerspec.report.SpectrumReport;
import org.powerspec.symbolic.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "spectrum", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "All d eigenvalues of the random-feature covariance K, exact in x, with error bounds.",
            "x ~ N(0,H), lambda_j(H) = j^-alpha (j = 1..v); W in R^{v x d} Gaussian (seeded) or from --sketch-file;",
            "G = W'HW; K_ab = (1/d) E[f(u)f(v)] at Var u = G_aa, Var v = G_bb, Cov = G_ab, which for f = y^p is",
            "K = (1/d) sum_k b_k D^(p-k) G^{ok} D^(p-k), D = diag(sqrt(G_aa)), b_k = k! c_k^2 (see 'powerspec coeffs').",
            "CSV header: j,eigenvalue,abs_error_bound (descending; an eigenvalue below its bound is unreliable).",
            "Every parameter is echoed on stderr, and in the JSON output."})
final class SpectrumCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "csv", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw lambda_j against j, log-log, with both reference rates: FILE.png or FILE.svg.")
    Path plot;

    @Option(names = "--overlay", paramLabel = "M", split = ",",
            description = "With --plot, also draw second methods: oracle (the d -> infinity product oracle, any f) and/or "
                    + "equivalent (the deterministic equivalent, f = y only).")
    java.util.List<String> overlay = java.util.List.of();

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.CSV, Format.JSON);
        Precision prec = Precision.parse(precision, "--precision");
        Output.checkWritable(out);
        LogLogPlot.checkPath(plot, "--plot");
        Output.checkDistinct("--out", out, "--plot", plot);
        Activation f = model.activation();
        SecondMethods.check(overlay, f, plot != null);
        Sketch sketch;
        int dd;
        int vv;
        sketchOptions.refuseWithSketchFile(spec, sketchFile);
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
        String name = spec.qualifiedName();
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println(name + ": " + s.describe());
        Spectrum result = SpectrumComputation.compute(s, sketch, new ConsoleProgress(err, name));
        for (String w : result.warnings()) {
            err.println(name + ": warning: " + w);
        }
        // every output is rendered before any is written: a plot or a second method that fails leaves no file behind
        OutputSet outputs = new OutputSet().add(out, "--out", SpectrumReport.render(result, fmt, PowerspecMain.provenance(spec)));
        if (plot != null) {
            Map<String, double[]> overlays = SecondMethods.overlays(s, overlay);
            outputs.add(plot, "--plot", SpectrumPlot.plot(result, overlays).bytes(plot));
        }
        outputs.commit(spec.commandLine().getOut());
        double total = result.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
        err.println(String.format(Locale.ROOT, "%s: %s; %.2f s (G %.2f s, K %.2f s, eigenvalues %.2f s)", name, result.method(),
                total, result.seconds().get("gram"), result.seconds().get("kernel"), result.seconds().get("eigenvalues")));
        return 0;
    }
}
