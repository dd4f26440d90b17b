package org.powerspec.cli;

import org.powerspec.symbolic.Activation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The model every spectrum command shares: H's decay exponent α and the activation f (y^p or a polynomial). */
final class ModelOptions {
    @Option(names = "--alpha", paramLabel = "A", required = true, description = "Decay exponent of H's spectrum, lambda_j = j^-A; A > 1.")
    double alpha;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ActivationOptions activation;

    /** The single activation (a list or range of p is refused). */
    Activation activation() {
        return activation.single();
    }
}
