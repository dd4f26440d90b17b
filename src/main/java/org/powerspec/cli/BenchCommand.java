package org.powerspec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powerspec.InvalidInputException;
import org.powerspec.bench.Benchmark;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.Precision;
import org.powerspec.symbolic.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(out = "Write the Markdown table to FILE instead of standard output.")
@Command(name = "bench",
        description = {
            "Times the spectrum pipeline against numpy + OpenBLAS.",
            "Times the whole spectrum pipeline as fresh processes (JVM start included) against numpy + OpenBLAS doing",
            "the same work (Z = H^(1/2) W; G = Z'Z; K = ...; eigvalsh(K)), with peak memory; writes a Markdown table.",
            "The numpy peer runs where python3 with numpy is present (--peer none to skip it)."})
final class BenchCommand extends PowerspecCommand {
    @Option(names = "--d", paramLabel = "LIST", defaultValue = "1024,2048,4096", split = ",", description = "Sizes d. Default: ${DEFAULT-VALUE}.")
    List<Integer> ds;

    @Option(names = "--v-per-d", paramLabel = "R", defaultValue = "2", description = "v = R*d. Default: ${DEFAULT-VALUE}.")
    int vPerD;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "2", description = "Decay exponent of H, lambda_j = j^-A, A > 1. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--p", paramLabel = "P", defaultValue = "3", description = "The power of f(y) = y^P, 1..200. Default: ${DEFAULT-VALUE}.")
    int p;

    @Option(names = "--precision", paramLabel = "LIST", defaultValue = "double", split = ",",
            description = "double, high, or both as double,high. Default: ${DEFAULT-VALUE}.")
    List<String> precisions;

    @Option(names = "--peer", paramLabel = "MODE", defaultValue = "auto", description = "auto (numpy where present) or none. Default: ${DEFAULT-VALUE}.")
    String peer;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() {
        for (int d : ds) {
            if (d < 1 || d > 20000) {
                throw new InvalidInputException("--d " + d + " is not allowed: 1 <= d <= 20000");
            }
        }
        PowerLawCovariance.checkAlpha(alpha);
        if (p < 1 || p > Activation.MAX_DEGREE) {
            throw new InvalidInputException("--p " + p + " is not allowed: p must be a whole number from 1 to " + Activation.MAX_DEGREE);
        }
        if (vPerD < 1) {
            throw new InvalidInputException("--v-per-d " + vPerD + " is not allowed: it must be >= 1");
        }
        List<String> precs = new ArrayList<>();
        for (String pr : precisions) {
            precs.add(Precision.parse(pr, "--precision").userName());
        }
        boolean withPeer = switch (peer.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Benchmark.peerAvailable();
            case "none" -> false;
            default -> throw new InvalidInputException("--peer '" + peer + "' is not known: allowed are auto, none");
        };
        output.check();
        if (!withPeer) {
            context.say("no numpy peer (python3 with numpy not found, or --peer none)");
        }
        List<Benchmark.Row> rows = Benchmark.run(ds, vPerD, alpha, p, precs, withPeer, context::say);
        output.write(Benchmark.markdown(rows, alpha, p));
        return 0;
    }
}
