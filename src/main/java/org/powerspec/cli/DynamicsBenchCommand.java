package org.powerspec.cli;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.bench.DynamicsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(out = "Write the Markdown table to FILE instead of standard output.")
@Command(name = "bench",
        description = {
            "Times the per-eigenspace ODE in the two speed settings.",
            "Times the per-eigenspace ODE (RKC at rel-tol 1e-8, or Dormand-Prince 8(5,3) at 1e-10) in two settings",
            "(t = steps/N is the time):",
            "  l1024: erf, K = M = 2, L = N = 1024, beta = 1, eta = 0.1, sigma_J = 0.01, unscaled (Fig. 1),",
            "         to t = 1e4;",
            "  k40:   erf, K = M = 40, L = N = 512, beta = 1, eta = 0.01, sigma_J = 1e-6, outputs / sqrt K (Fig. 6),",
            "         to t = 1e3.",
            "Writes a Markdown table: steps, evaluations, seconds, ms per evaluation, load average before/after."})
final class DynamicsBenchCommand extends PowerspecCommand {
    @Option(names = "--case", paramLabel = "LIST", split = ",", defaultValue = "l1024,k40", description = "Cases. Default: ${DEFAULT-VALUE}.")
    List<String> cases;

    @Option(names = "--l1024-time", paramLabel = "TIME", defaultValue = "1e4", description = "The time t for l1024. Default: ${DEFAULT-VALUE}.")
    double l1024Time;

    @Option(names = "--k40-time", paramLabel = "TIME", defaultValue = "1e3", description = "The time t for k40. Default: ${DEFAULT-VALUE}.")
    double k40Time;

    @Option(names = "--integrator", paramLabel = "LIST", split = ",", defaultValue = "rkc",
            description = "rkc (Runge-Kutta-Chebyshev, rel-tol 1e-8) and/or dp853 (Dormand-Prince, rel-tol 1e-10). Default: ${DEFAULT-VALUE}.")
    List<String> integrators;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() {
        output.check();
        for (double t : new double[] {l1024Time, k40Time}) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new InvalidInputException("bench time " + t + " is not allowed: it must be positive and finite");
            }
        }
        cases.forEach(DynamicsBenchmark::model);
        integrators.forEach(i -> org.powerspec.dynamics.Integrator.parse(i, "--integrator"));
        List<DynamicsBenchmark.Row> rows = new ArrayList<>();
        for (String c : cases) {
            for (String i : integrators) {
                rows.add(DynamicsBenchmark.run(c, c.equals("k40") ? k40Time : l1024Time, i.equals("rkc"),
                        line -> context.say(line + " (" + i + ")")));
            }
        }
        output.write(DynamicsBenchmark.markdown(rows));
        return 0;
    }
}
