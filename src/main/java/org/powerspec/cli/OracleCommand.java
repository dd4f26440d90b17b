package org.powerspec.cli;

import org.powerspec.MemoryBudget;
import org.powerspec.numeric.second.ProductOracle;
import org.powerspec.report.Format;
import org.powerspec.report.OracleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs({Format.CSV, Format.TEXT, Format.JSON})
@Command(name = "oracle",
        description = {
            "The d -> infinity product oracle: the n largest eigenvalues K's spectrum tends to.",
            "The kernel E_w[f(w'x) f(w'x')] on N(0,H) has, per chaos level k, one eigenvalue per multiset {i1<=...<=ik}:",
            "  mu = l_k * lambda_i1 * ... * lambda_ik,   lambda_i = i^-alpha,   l_k = (k!)^2 E_w[h_k(s_w)^2], s_w^2 = w'Hw,",
            "with f(s g) = sum_k s^k h_k(s) He_k(g); for y^p, l_k = k! b_k E[(w'Hw)^(p-k)]: l_p = (p!)^2 (4 for y^2).",
            "The level coefficients are exact polynomials in p_j = tr H^j (shown in the text and JSON output).",
            "Neglected: couplings inside a level, the norm's correlation with the top directions, and the mixing of levels",
            "(the mean term above all): they act at small j, where the oracle is not to be trusted.",
            "Multisets are enumerated lazily in sorted order by a priority queue. CSV header: j,eigenvalue,level."})
final class OracleCommand extends FormattedCommand {
    @Mixin
    ModelOptions model;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many eigenvalues, 1.." + ProductOracle.MAX_COUNT + ".")
    int count;

    @Option(names = "--v", paramLabel = "V", defaultValue = "1000000",
            description = "Data dimension (indices i <= V). Default: ${DEFAULT-VALUE}; give 4*d to match 'spectrum --d D'.")
    int v;

    @Mixin
    SketchOptions sketch;

    @Option(names = "--centred", description = "Leave out level 0 (the mean), as 'spectrum --centred' removes the mean feature. Default: off.")
    boolean centred;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        ProductOracle.checkCount(count);
        ProductOracle.Spec s = new ProductOracle.Spec(model.alpha, model.activation(), v, sketch.cutoff(model.alpha, v),
                sketch.wVariance, centred);
        // the levels are k <= deg f, so no multiset has more than deg f indices
        int maxK = s.activation().degree();
        MemoryBudget.require(ProductOracle.heapBytes(count, maxK) + OracleReport.heapBytes(fmt, count, maxK),
                "--count " + count + " with --format " + fmt.userName());
        context.say(s.describe() + ", count = " + count);
        ProductOracle.Prediction p = ProductOracle.predict(s, count);
        output.write(OracleReport.render(p, fmt, context.provenance()));
        return 0;
    }
}
