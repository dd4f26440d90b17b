package org.powerspec.cli;

import java.util.Map;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.SgdSimulation;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.dynamics.Weights;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Outputs(value = {Format.CSV, Format.JSON}, plot = "Also draw eps_g(t) log-log: FILE.png or FILE.svg.")
@Command(name = "simulate",
        description = {
            "Real one-pass SGD of the network at finite N.",
            "Each step draws a fresh xi = Sigma^(1/2) z and updates J_i += (eta/sqrt N) c_K g'(x_i)(tau - sigma) P_tr xi.",
            "eps_g is computed exactly from the order parameters of the current weights (the erf/linear formula of",
            "Saad & Solla), so there is no test-set noise.",
            "Cost: t*N steps of O(N(K+M)) to time t = steps/N. Same initial weights as 'dynamics ode --seed S --N N'.",
            "CSV header: time,eg."})
final class DynamicsSimulateCommand extends PowerspecCommand {
    @Mixin
    DynamicsRunOptions run;


    @Override
    public Integer call() {
        Format fmt = run.output.checked();
        TwoLayerModel m = run.model.model();
        double[] times = run.time.grid();
        Weights w = run.init.weights(m);
        DynamicsCompareCommand.checkCost(w.N(), times[times.length - 1], m);
        Map<String, Object> params = DynamicsModelOptions.parameters(m);
        run.init.describe(params, m, null);
        DynamicsCommand.parameters(context, params);
        LearningCurve curve = SgdSimulation.run(m, w, times, run.init.seed(), context.progress());
        DynamicsCommand.emit(context, m, curve, fmt, run.output, params);
        return 0;
    }
}
