package org.powerspec.cli;

import org.powerspec.dynamics.Weights;
import java.util.List;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.LinearClosedForm;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OdeIntegration;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(value = {Format.CSV, Format.JSON}, plot = "Also draw eps_g(t) log-log: FILE.png or FILE.svg.")
@Command(name = "ode",
        description = {
            "The N -> infinity order-parameter ODEs, integrated (or the linear closed form).",
            "Integrates the ODEs of 'powerspec dynamics --help' with Hipparchus' adaptive Dormand-Prince 8(5,3)",
            "(or, with --integrator rkc, the stabilised Runge-Kutta-Chebyshev method, for stiff spectra at large L);",
            "CSV header: time,eg (then Q_i_k, R_i_n with --order-parameters).",
            "Initial state: --init-file {\"q\": [L][K][K], \"r\": [L][K][M], \"t\": [L][M][M]}, or weights drawn at --N with",
            "--seed (J ~ N(0, sigma_j^2), B ~ N(0, sigma_b^2): small random R, which lets erf leave the symmetric plateau).",
            "For --activation linear, --method closed-form gives eps_g = (1/2) sum_l lambda_l s_l(t) with",
            "s(t) = exp(A t) s(0), A = -2 kappa eta diag(lambda) + (kappa eta)^2/L lambda lambda', kappa = c_K^2 K:",
            "eps_g ~ t^(-beta/(1+beta)) between t = 1/(2 kappa eta lambda_1) and 1/(2 kappa eta lambda_L).",
            "t = steps/N is the time (the paper's alpha).",
            "Parameters, step counts and timing are printed on stderr; --format json carries them with the curve."})
final class DynamicsOdeCommand extends PowerspecCommand {
    @Mixin
    DynamicsRunOptions run;

    @Option(names = "--init-file", paramLabel = "init.json", description = "Initial order parameters {\"q\": [L][K][K], \"r\": [L][K][M], \"t\": [L][M][M]}.")
    Path initFile;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "ode", description = "ode, or closed-form (linear activation only). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--integrator", paramLabel = "I",
            description = "dp853 (Dormand-Prince 8(5,3), Hipparchus) or rkc (Runge-Kutta-Chebyshev, 2nd order, stabilised for stiff"
                + " spectra, far faster at large L). Default: dp853.")
    String integrator;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "1", description = "Average eps_g over S seeds of the initial "
            + "weights, --seed .. --seed + S - 1, as the paper averages its figures: the column eg is the mean, eg_seed_<s> each "
            + "seed's curve. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--order-parameters", description = "Add the columns Q_i_k (i <= k) and R_i_n of the aggregated order parameters.")
    boolean orderParameters;

    @Option(names = "--abs-tol", paramLabel = "A", description = "Absolute tolerance per component. Default: 1e-14 (dp853), 1e-12 (rkc).")
    Double absTol;

    @Option(names = "--rel-tol", paramLabel = "R", description = "Relative tolerance per component. Default: 1e-10 (dp853), 1e-8 (rkc).")
    Double relTol;


    @Override
    public Integer call() {
        Format fmt = run.output.checked();
        TwoLayerModel m = run.model.model();
        Integrator method0 = integrator == null ? Integrator.DP853 : Integrator.parse(integrator, "--integrator");
        Tolerances tol = new Tolerances(absTol != null ? absTol : method0.tolerances().absolute(),
                relTol != null ? relTol : method0.tolerances().relative());
        boolean closed = switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "ode" -> false;
            case "closed-form" -> true;
            default -> throw new InvalidInputException("--method '" + method + "' is not known: allowed are ode, closed-form");
        };
        if (closed && m.g() != Nonlinearity.LINEAR) {
            throw new InvalidInputException("--method closed-form needs --activation linear (erf has no closed form)");
        }
        if (closed && orderParameters) {
            throw new InvalidInputException("--order-parameters is not available with --method closed-form (it evolves s_l only)");
        }
        if (closed && (integrator != null || absTol != null || relTol != null)) {
            throw new InvalidInputException("--integrator, --abs-tol and --rel-tol are not used by --method closed-form (it is exact)");
        }
        if (seeds < 1 || seeds > 1000) {
            throw new InvalidInputException("--seeds " + seeds + " is not allowed: 1 <= S <= 1000");
        }
        if (seeds > 1 && (initFile != null || orderParameters)) {
            throw new InvalidInputException("--seeds " + seeds + " averages seeded weights: it cannot be given with "
                    + (initFile != null ? "--init-file (one given state)" : "--order-parameters (one run's columns)"));
        }
        boolean chebyshev = method0.chebyshev();
        double[] times = run.time.grid();
        OrderParameters init = run.init.orderParameters(m, initFile);
        Map<String, Object> params = DynamicsModelOptions.parameters(m);
        run.init.describe(params, m, initFile);
        if (!closed) {
            params.put("integrator", method0.userName());
            params.put("abs_tol", tol.absolute());
            params.put("rel_tol", tol.relative());
        }
        DynamicsCommand.parameters(context, params);
        if (seeds > 1) {
            params.put("seeds", seeds);
        }
        List<LearningCurve> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            OrderParameters start = s == 0 ? init : Weights.draw(m.K(), m.M(), run.init.n(m), m.L(), run.init.sigmaJ(),
                    run.init.sigmaB(), run.init.seed() + s).orderParameters();
            runs.add(closed ? new LinearClosedForm(m, start).curve(times)
                    : OdeIntegration.integrate(m, start, times, tol, orderParameters, context.progress(), chebyshev));
            labels.add("seed_" + (run.init.seed() + s));
        }
        LearningCurve curve = seeds == 1 ? runs.get(0) : LearningCurve.mean(runs, labels);
        DynamicsCommand.emit(context, m, curve, fmt, run.output, params);
        return 0;
    }
}
