package org.powerspec.cli;

import java.nio.file.Path;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.OrderParameterFile;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;
import picocli.CommandLine.Option;

/** Where the initial state comes from: seeded finite-N weights, or (for the ODE) an order-parameter file. */
final class DynamicsInitOptions {
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights J, B (and of the SGD samples). Default: 1.")
    Long seed;

    @Option(names = "--N", paramLabel = "N", description = "Input dimension of the seeded weights, a multiple of L. Default: the smallest multiple of L >= " + Weights.DEFAULT_MIN_N + ".")
    Integer n;

    @Option(names = "--sigma-j", paramLabel = "SJ", description = "Student weights J_ij ~ N(0, SJ^2). Default: 0.01.")
    Double sigmaJ;

    @Option(names = "--sigma-b", paramLabel = "SB", description = "Teacher weights B_nj ~ N(0, SB^2). Default: 1.")
    Double sigmaB;

    long seed() {
        return seed != null ? seed : 1;
    }

    double sigmaJ() {
        return sigmaJ != null ? sigmaJ : Weights.DEFAULT_SIGMA_J;
    }

    double sigmaB() {
        return sigmaB != null ? sigmaB : Weights.DEFAULT_SIGMA_B;
    }

    int n(TwoLayerModel m) {
        return n != null ? n : Weights.defaultN(m.L(), Weights.DEFAULT_MIN_N);
    }

    Weights weights(TwoLayerModel m) {
        return Weights.draw(m.K(), m.M(), n(m), m.L(), sigmaJ(), sigmaB(), seed());
    }

    /** From {@code file} when given, else from the seeded weights. */
    OrderParameters orderParameters(TwoLayerModel m, Path file) {
        if (file == null) {
            return weights(m).orderParameters();
        }
        if (seed != null || n != null || sigmaJ != null || sigmaB != null) {
            throw new InvalidInputException("--init-file gives the initial state: --seed, --N, --sigma-j and --sigma-b (which draw "
                    + "one) cannot be given with it");
        }
        OrderParameters p = OrderParameterFile.read(file);
        if (p.L() != m.L() || p.K() != m.K() || p.M() != m.M()) {
            throw new InvalidInputException("--init-file '" + file + "' has L = " + p.L() + ", K = " + p.K() + ", M = " + p.M()
                    + " but the options give L = " + m.L() + ", K = " + m.K() + ", M = " + m.M());
        }
        return p;
    }

    void describe(Map<String, Object> p, TwoLayerModel m, Path file) {
        if (file != null) {
            p.put("init_file", file.toString());
            return;
        }
        p.put("seed", seed());
        p.put("N", n(m));
        p.put("sigma_j", sigmaJ());
        p.put("sigma_b", sigmaB());
    }
}
