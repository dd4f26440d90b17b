package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.InvalidInputException;
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

    /**
     * Refuses an explicit {@code --w-variance} beside {@code --sketch-file}: the file's W is used as it is, so the
     * variance would be echoed and passed to the overlays without ever scaling W.
     *
     * @param command    the command, which tells whether {@code --w-variance} was given
     * @param sketchFile the user's W, or null
     */
    void refuseWithSketchFile(CommandContext command, Path sketchFile) {
        if (sketchFile != null && command.given("--w-variance")) {
            throw new InvalidInputException("--w-variance " + wVariance + " cannot be combined with --sketch-file '" + sketchFile
                    + "': the file's W is used as it is (scale its entries instead)");
        }
    }

    /** The cut-off, validated (M >= 1), or {@link PowerLawCovariance#NO_CUTOFF}. */
    int cutoff(double alpha, int v) {
        return cutoff == null ? PowerLawCovariance.NO_CUTOFF : new PowerLawCovariance(alpha, v).withCutoff(cutoff).cutoff();
    }
}
