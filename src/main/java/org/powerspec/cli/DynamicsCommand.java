package org.powerspec.cli;

import java.util.Locale;
import java.util.Map;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.report.Format;
import org.powerspec.report.LearningCurveReport;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dynamics",
        description = {
            "Two-layer scaling-law dynamics: ODEs, closed form, SGD, plateaus, claims.",
            "Two-layer scaling-law dynamics (Worschech & Rosenow, arXiv:2410.09005): one-pass SGD of a soft",
            "committee machine sigma = c_K sum_i g(J_i.xi/sqrt N) learning tau = c_M sum_n g(B_n.xi/sqrt N),",
            "xi ~ N(0, Sigma), Sigma with L distinct eigenvalues lambda_l of multiplicity N/L; update",
            "J_i += (eta/sqrt N) c_K g'(x_i)(tau - sigma) P_tr xi (P_tr: projector on the trainable coordinates);",
            "eps_g = E[(sigma - tau)^2]/2. The time is t = steps/N: the paper's alpha, renamed since in the spectral",
            "commands alpha is the exponent of H's spectrum (t^l below, with an eigenspace index, is the teacher's",
            "overlap). --time and --times are in t; CSV files call that column 'time'.",
            "State: per-eigenspace order parameters q^l = J P_l J'/N, r^l = J P_l B'/N, t^l = B P_l B'/N; the",
            "fields have Q = sum_l lambda_l q^l, R = sum_l lambda_l r^l, T = sum_l lambda_l t^l. For N -> infinity:",
            "  dq^l_ik/dt = eta (E[d_i z^l_k] + E[d_k z^l_i]) + eta^2 (lambda_l/L) E[d_i d_k],",
            "  dr^l_in/dt = eta E[d_i w^l_n], and by Stein's lemma",
            "  E[d_i z] = c_K (Cov(z,x_i) E[g''(x_i)(tau-sigma)] + sum_a w_a Cov(z,u_a) E[g'(x_i) g'(u_a)]),",
            "  Cov(z^l_k, x_j) = lambda_l q^l_kj, Cov(z^l_k, y_n) = lambda_l r^l_kn,",
            "with the erf integrals of Saad & Solla (1995) in closed form (arcsin expressions)."},
        subcommands = {DynamicsOdeCommand.class, DynamicsSimulateCommand.class, DynamicsCompareCommand.class,
            DynamicsPlateauCommand.class, DynamicsLemmaCommand.class, DynamicsCheckCommand.class, DynamicsBenchCommand.class})
final class DynamicsCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No dynamics command named: the usage on stderr, exit 2 (bad usage). */
    @Override
    public Integer call() {
        return PowerspecMain.usageError(spec);
    }

    /** Writes one curve as CSV or JSON (to --out or stdout), its plot when asked, and a summary line on stderr. */
    static void emit(CommandContext context, TwoLayerModel m, LearningCurve curve, Format fmt, PlotOutputOptions output,
            Map<String, Object> parameters) {
        String provenance = context.provenance();
        String text = fmt == Format.JSON ? LearningCurveReport.json(curve, parameters, provenance) : LearningCurveReport.csv(curve);
        OutputSet outputs = new OutputSet().add(output.out, "--out", text);
        if (output.plot != null) {
            outputs.add(output.plot, "--plot", LearningCurveReport.plot("eps_g(t): " + m.label(), Map.of(curve.method(), curve))
                    .bytes(output.plot));
        }
        context.commit(outputs);
        context.say(String.format(Locale.ROOT, "%s; %d steps, %d evaluations, %.2f s; eps_g(%s) = %s",
                curve.method(), curve.steps(), curve.evaluations(), curve.seconds(),
                LearningCurveReport.num(curve.times()[curve.times().length - 1]),
                LearningCurveReport.num(curve.eg()[curve.eg().length - 1])));
    }

    /** The run's parameters on stderr, before any work: a long integration says first what it integrates. */
    static void parameters(CommandContext context, Map<String, Object> parameters) {
        StringBuilder p = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (!k.equals("eigenvalues")) {
                p.append(p.length() == 0 ? "" : ", ").append(k).append(" = ").append(v);
            }
        });
        context.say(p.toString());
    }
}
