package org.powerspec.cli;

import org.powerspec.report.Format;
import org.powerspec.report.KernelReport;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelClosedForm;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Outputs({Format.TEXT, Format.JSON})
@Command(name = "kernel",
        description = {
            "Closed-form Gaussian kernel E[f(u)f(v)] and kappa(rho), in Symja and LaTeX form.",
            "For jointly Gaussian (u,v) with Var u = sa^2, Var v = sb^2, Cov(u,v) = c:",
            "E[f(u)f(v)] = sum_k k! c_k(sa) c_k(sb) (c/(sa sb))^k, c_k(s) the chaos coefficients of y -> f(s y);",
            "for f = y^p this is sum_k b_k c^k (sa sb)^(p-k), and kappa(rho) = sum_k b_k rho^k at unit variances."})
final class KernelCommand extends FormattedCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ActivationOptions activation;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        Activation f = activation.single();
        KernelClosedForm closedForm = KernelClosedForm.of(HermiteChaos.expand(f), SymjaEngine.get());
        output.write(KernelReport.render(closedForm, fmt, context.provenance()));
        return 0;
    }
}
