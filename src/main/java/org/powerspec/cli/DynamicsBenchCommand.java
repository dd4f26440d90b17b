package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.powerspec.InvalidInputException;
import org.powerspec.bench.DynamicsBenchmark;
import org.powerspec.report.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "Times the per-eigenspace ODE in the two speed settings.",
            "Times the per-eigenspace ODE (RKC at rel-tol 1e-8, or Dormand-Prince 8(5,3) at 1e-10) in two settings",
            "(t = steps/N is the time):",
            "  l1024: erf, K = M = 2, L = N = 1024, beta = 1, eta = 0.1, sigma_J = 0.01, unscaled (Fig. 1),",
            "         to t = 1e4;",
            "  k40:   erf, K = M = 40, L = N = 512, beta = 1, eta = 0.01, sigma_J = 1e-6, outputs / sqrt K (Fig. 6),",
            "         to t = 1e3.",
            "Writes a Markdown table: steps, evaluations, seconds, ms per evaluation, load average before/after."})
final class DynamicsBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--case", paramLabel = "LIST", split = ",", defaultValue = "l1024,k40", description = "Cases. Default: ${DEFAULT-VALUE}.")
    List<String> cases;

    @Option(names = "--l1024-time", paramLabel = "TIME", defaultValue = "1e4", description = "The time t for l1024. Default: ${DEFAULT-VALUE}.")
    double l1024Time;

    @Option(names = "--k40-time", paramLabel = "TIME", defaultValue = "1e3", description = "The time t for k40. Default: ${DEFAULT-VALUE}.")
    double k40Time;

    @Option(names = "--integrator", paramLabel = "LIST", split = ",", defaultValue = "rkc",
            description = "rkc (Runge-Kutta-Chebyshev, rel-tol 1e-8) and/or dp853 (Dormand-Prince, rel-tol 1e-10). Default: ${DEFAULT-VALUE}.")
    List<String> integrators;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the Markdown table to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Output.checkWritable(out);
        for (double t : new double[] {l1024Time, k40Time}) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new InvalidInputException("bench time " + t + " is not allowed: it must be positive and finite");
            }
        }
        cases.forEach(DynamicsBenchmark::model);
        integrators.forEach(i -> org.powerspec.dynamics.Integrator.parse(i, "--integrator"));
        java.io.PrintWriter err = spec.commandLine().getErr();
        List<DynamicsBenchmark.Row> rows = new ArrayList<>();
        for (String c : cases) {
            for (String i : integrators) {
                rows.add(DynamicsBenchmark.run(c, c.equals("k40") ? k40Time : l1024Time, i.equals("rkc"), line -> {
                    err.println(spec.qualifiedName() + ": " + line + " (" + i + ")");
                    err.flush();
                }));
            }
        }
        Output.write(DynamicsBenchmark.markdown(rows), out, spec.commandLine().getOut());
        return 0;
    }
}
