package org.powerspec.cli;

import java.util.Locale;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.second.DeterministicEquivalent;
import org.powerspec.report.EquivalentReport;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs({Format.CSV, Format.JSON})
@Command(name = "equivalent",
        description = {
            "The p = 1 deterministic equivalent: the d eigenvalues of K = (1/d) W'HW predicted from H alone.",
            "The Stieltjes transform m(z) = (1/d) tr (K - z)^-1 solves the Silverstein fixed point",
            "  z = -1/m + (1/d) sum_i lambda_i / (1 + lambda_i m),   lambda_i = S2 * i^-alpha (0 beyond --cutoff),",
            "(equivalently M + (1/d) sum_i lambda_i M/(lambda_i M - z) = 1 with M = -z m, as in Paquette, Paquette,",
            "Xiao, Pennington, arXiv:2405.15074, whose alpha is half of ours). Newton in the complex plane at",
            "z = x + i 1e-8 x on a log grid, each solve from the previous one (converged when |dm| <= 1e-13 |m|; a",
            "homotopy in Im z where not); the density rho = Im m / pi is integrated and the quantiles solve",
            "d * int_x^inf rho = j - 1/2.",
            "CSV header: j,eigenvalue (descending; 0 for the atom at 0 when rank H < d)."})
final class EquivalentCommand extends FormattedCommand {
    @Option(names = "--alpha", paramLabel = "A", required = true, description = "Decay exponent of H's spectrum, lambda_j = j^-A; A > 1.")
    double alpha;

    @Option(names = "--d", paramLabel = "D", required = true, description = "Number of random features.")
    int d;

    @Option(names = "--v", paramLabel = "V", description = "Data dimension. Default: " + SpectrumSpec.V_PER_D + "*d.")
    Integer v;

    @Mixin
    SketchOptions sketch;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        SpectrumSpec.checkD(d);
        int vv = v != null ? v : SpectrumSpec.defaultV(d);
        DeterministicEquivalent.Spec s = new DeterministicEquivalent.Spec(alpha, d, vv, sketch.cutoff(alpha, vv), sketch.wVariance);
        context.say(s.describe());
        DeterministicEquivalent.Result r = DeterministicEquivalent.compute(s);
        context.say(String.format(Locale.ROOT, "%d grid points (%d by homotopy), mass %.6f (expected %.6f)",
                r.gridPoints(), r.homotopies(), r.mass(), r.expectedMass()));
        output.write(EquivalentReport.render(r, fmt, context.provenance()));
        return 0;
    }
}
