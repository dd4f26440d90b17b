package org.powerspec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.ModelSettings;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.TwoLayerModel;
import picocli.CommandLine.Option;

/** The options that define the two-layer model, shared by the {@code dynamics} commands. */
final class DynamicsModelOptions {
    @Option(names = "--activation", paramLabel = "G", defaultValue = "erf",
            description = "erf (g(x) = erf(x/sqrt 2)) or linear (g(x) = x). Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--K", paramLabel = "K", defaultValue = "2", description = "Student hidden units, 1.." + TwoLayerModel.MAX_UNITS + ". Default: ${DEFAULT-VALUE}.")
    int K;

    @Option(names = "--M", paramLabel = "M", defaultValue = "2", description = "Teacher hidden units, 1.." + TwoLayerModel.MAX_UNITS + ". Default: ${DEFAULT-VALUE}.")
    int M;

    @Option(names = "--L", paramLabel = "L", description = "Number of distinct eigenvalues (with --beta): lambda_l ~ l^-(1+beta), mean 1.")
    Integer L;

    @Option(names = "--beta", paramLabel = "B", description = "Power-law exponent beta >= 0 of the spectrum (with --L).")
    Double beta;

    @Option(names = "--eigenvalues", paramLabel = "LIST", split = ",", description = "Explicit eigenvalues lambda_1,...,lambda_L (used as given), instead of --L/--beta.")
    List<Double> eigenvalues;

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.5", description = "Learning rate eta > 0. Default: ${DEFAULT-VALUE}.")
    double eta;

    @Option(names = "--output-scaling", paramLabel = "S", defaultValue = "none",
            description = "none (sigma = sum_i g(x_i), Saad & Solla) or sqrt (outputs divided by sqrt K, sqrt M). Default: ${DEFAULT-VALUE}.")
    String outputScaling;

    @Option(names = "--trainable", paramLabel = "N_l", description = "Train only the top N_l eigenspaces (with L = N: the top N_l input coordinates). Default: all L.")
    Integer trainable;

    EigenspaceSpectrum spectrum() {
        if (eigenvalues != null) {
            if (beta != null) {
                throw new InvalidInputException("--eigenvalues and --beta exclude each other: give --L and --beta, or --eigenvalues");
            }
            if (L != null && L != eigenvalues.size()) {
                throw new InvalidInputException("--L " + L + " disagrees with --eigenvalues, which lists " + eigenvalues.size() + " values");
            }
        } else if (L == null || beta == null) {
            throw new InvalidInputException("the spectrum is missing: give --L and --beta (lambda_l ~ l^-(1+beta)), or --eigenvalues");
        }
        return ModelSettings.spectrum(eigenvalues, L, beta);
    }

    TwoLayerModel model() {
        EigenspaceSpectrum s = spectrum();
        return new ModelSettings(Nonlinearity.parse(activation), K, M, s, eta, OutputScaling.parse(outputScaling), trainable)
                .model();
    }

    /** Every model parameter, for JSON outputs. */
    static Map<String, Object> parameters(TwoLayerModel m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("activation", m.g().userName());
        p.put("K", m.K());
        p.put("M", m.M());
        p.put("L", m.L());
        if (!Double.isNaN(m.spectrum().beta())) {
            p.put("beta", m.spectrum().beta());
        }
        p.put("eigenvalues", m.spectrum().values());
        p.put("eta", m.eta());
        p.put("output_scaling", m.scaling().userName());
        p.put("trainable", m.trainable());
        return p;
    }
}
