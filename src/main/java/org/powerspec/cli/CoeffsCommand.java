package org.powerspec.cli;

import java.util.List;
import org.powerspec.report.CoefficientTable;
import org.powerspec.report.Format;
import org.powerspec.symbolic.ChaosExpansion;
import org.powerspec.symbolic.HermiteChaos;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Outputs(value = {Format.TEXT, Format.CSV, Format.LATEX, Format.JSON},
        format = "text, csv, latex (a tabular) or json (an array of objects, fields as strings)")
@Command(name = "coeffs",
        description = {
            "Exact Hermite chaos coefficient tables c_k and kernel coefficients b_k = k! c_k^2.",
            "f(y) = sum_k c_k He_k(y) with c_k = E[f(z) He_k(z)]/k!, z ~ N(0,1), He_k the probabilists' Hermite",
            "polynomials; for f = y^p, c_k = p!/(k! 2^m m!), m = (p-k)/2, k = p, p-2, ... (exact integers).",
            "b_k are the coefficients of kappa(rho) = E[f(z)f(z')] = sum_k b_k rho^k (Mehler's formula).",
            "CSV header: p,k,c_k,kernel_coeff; k descending; rationals as a/b. With --f, p is the degree of f."})
final class CoeffsCommand extends FormattedCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ActivationOptions activation;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        List<ChaosExpansion> expansions = activation.activations().stream().map(HermiteChaos::expand).toList();
        output.write(CoefficientTable.render(expansions, fmt, context.provenance()));
        return 0;
    }
}
