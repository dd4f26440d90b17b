package org.powerspec.cli;

import org.powerspec.numeric.PowerLawCovariance;
import picocli.CommandLine.Option;

/** W's entry variance and the cut-off of H's power law, shared by the spectrum and its second methods. */
final class SketchOptions {
    @Option(names = "--w-variance", paramLabel = "S2", defaultValue = "1",
            description = "Entry variance of W (for the predictions it enters as H -> S2 H). Default: ${DEFAULT-VALUE}.")
    double wVariance;

    @Option(names = "--cutoff", paramLabel = "M",
            description = "Cut H's power law off at M (Maloney-Roberts-Sully): lambda_j = j^-alpha for j <= M, 0 beyond. Default: none.")
    Integer cutoff;

    /** The cut-off, validated (M >= 1), or {@link PowerLawCovariance#NO_CUTOFF}. */
    int cutoff(double alpha, int v) {
        return cutoff == null ? PowerLawCovariance.NO_CUTOFF : new PowerLawCovariance(alpha, v).withCutoff(cutoff).cutoff();
    }
}
