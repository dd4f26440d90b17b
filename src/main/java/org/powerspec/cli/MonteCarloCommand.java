package org.powerspec.cli;

import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.check.lemma.MonteCarloLemma;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.report.Format;
import org.powerspec.report.MonteCarloTable;
import org.powerspec.symbolic.Activation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Outputs({Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN})
@Command(name = "closed-form-vs-monte-carlo",
        description = {
            "The closed-form K against Monte Carlo over its definition.",
            "Ties the closed form of K to its definition: samples n inputs x ~ N(0,H), forms the empirical second",
            "moment (1/d)(1/n) sum_i f(W'x_i) f(W'x_i)' for a small seeded W, and checks every entry of the",
            "closed-form K against it within its Monte Carlo error bar (Bonferroni over the d(d+1)/2 entries,",
            "family-wise error 1e-3).",
            "A negative control, the dominant chaos coefficient (largest k! c_k^2) times 1.1, must be rejected.",
            "Exit 0 when every closed form passes and every control fails, else 1."})
final class MonteCarloCommand extends FormattedCommand {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ActivationOptions activation;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "" + MonteCarloLemma.Setup.DEFAULT_ALPHA, description = "lambda_j(H) = j^-A, A > 1. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--d", paramLabel = "D", defaultValue = "" + MonteCarloLemma.Setup.DEFAULT_D, description = "Features (columns of W), 1..64. Default: ${DEFAULT-VALUE}.")
    int d;

    @Option(names = "--v", paramLabel = "V", defaultValue = "" + MonteCarloLemma.Setup.DEFAULT_V, description = "Data dimension, 1..4096. Default: ${DEFAULT-VALUE}.")
    int v;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + MonteCarloLemma.Setup.DEFAULT_SAMPLES, description = "Monte Carlo samples, 1000..10^8. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + MonteCarloLemma.Setup.DEFAULT_SEED, description = "Seed of W and of the samples. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        PowerLawCovariance.checkAlpha(alpha);
        if (d < 1 || d > 64) {
            throw new InvalidInputException("--d " + d + " is not allowed: 1 <= d <= 64 (the lemma compares every entry)");
        }
        if (v < 1 || v > 4096) {
            throw new InvalidInputException("--v " + v + " is not allowed: 1 <= v <= 4096");
        }
        if (samples < 1000 || samples > 100_000_000) {
            throw new InvalidInputException("--samples " + samples + " is not allowed: 1000 <= n <= 100000000");
        }
        List<Activation> fs;
        if (activation == null) {
            fs = MonteCarloLemma.DEFAULT_ACTIVATIONS;
        } else {
            fs = activation.activations();
        }
        MonteCarloLemma.Setup setup = new MonteCarloLemma.Setup(alpha, d, v, seed, samples);
        List<MonteCarloLemma.Row> rows = MonteCarloLemma.check(setup, fs);
        output.write(MonteCarloTable.render(rows, setup, fmt, context.provenance()));
        return MonteCarloLemma.verdict(rows).exitCode();
    }
}
