package org.powerspec.cli;

import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.OdeIntegration;
import picocli.CommandLine.Option;

/** The output times of a learning curve. */
final class DynamicsTimeOptions {
    @Option(names = "--time", paramLabel = "TIME", defaultValue = "1000", description = "Last time t = steps/N. Default: ${DEFAULT-VALUE}.")
    double time;

    @Option(names = "--times", paramLabel = "LIST", split = ",", description = "Explicit output times (ascending, >= 0) instead of the log-spaced default grid.")
    List<Double> times;

    @Option(names = "--per-decade", paramLabel = "P", defaultValue = "20", description = "Points per decade of the default grid (t = 0, then log-spaced to --time). Default: ${DEFAULT-VALUE}.")
    int perDecade;

    double[] grid() {
        if (times != null) {
            double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
            for (int i = 0; i < t.length; i++) {
                if (!(t[i] >= 0) || !Double.isFinite(t[i]) || (i > 0 && t[i] <= t[i - 1])) {
                    throw new InvalidInputException("--times: " + t[i] + " is not allowed: times must be finite, >= 0 and strictly ascending");
                }
            }
            return t;
        }
        if (perDecade < 1 || perDecade > 1000) {
            throw new InvalidInputException("--per-decade " + perDecade + " is not allowed: 1 <= P <= 1000");
        }
        return OdeIntegration.logTimes(time, perDecade);
    }
}
