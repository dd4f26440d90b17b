package org.powerspec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.powerspec.report.Format;
import org.powerspec.report.KernelReport;
import org.powerspec.report.Output;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelClosedForm;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kernel", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "Closed-form Gaussian kernel E[f(u)f(v)] and kappa(rho), in Symja and LaTeX form.",
            "For jointly Gaussian (u,v) with Var u = sa^2, Var v = sb^2, Cov(u,v) = c:",
            "E[f(u)f(v)] = sum_k k! c_k(sa) c_k(sb) (c/(sa sb))^k, c_k(s) the chaos coefficients of y -> f(s y);",
            "for f = y^p this is sum_k b_k c^k (sa sb)^(p-k), and kappa(rho) = sum_k b_k rho^k at unit variances."})
final class KernelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ActivationOptions activation;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.TEXT, Format.JSON);
        Output.checkWritable(out);
        Activation f = activation.single();
        KernelClosedForm closedForm = KernelClosedForm.of(HermiteChaos.expand(f), SymjaEngine.get());
        Output.write(KernelReport.render(closedForm, fmt, PowerspecMain.provenance(spec)), out, spec.commandLine().getOut());
        return 0;
    }
}
