package org.powerspec.cli;

import java.util.List;
import org.powerspec.check.lemma.HermiteExpansionLemma;
import org.powerspec.report.Format;
import org.powerspec.report.LemmaTable;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

@Outputs({Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN})
@Command(name = "hermite-expansion",
        description = {
            "The Hermite/Wick expansion lemma, checked exactly for each p (default 1..20).",
            "Four parts, each against an independent truth, in exact arithmetic:",
            "(a) sum_k c_k He_k(y) - y^p == 0, with He_k from Symja's own HermiteH;",
            "(b) sum_k k! c_k^2 = E[z^(2p)] = (2p-1)!!;",
            "(c) the closed form of E[u^p v^p] equals the Isserlis/Wick sum over pairings of p u's and p v's;",
            "(d) at perfect correlation c = sa*sb the kernel equals (2p-1)!! sa^p sb^p.",
            "--f checks a polynomial f the same way (E[f(z)^2] and E[f(sa z) f(sb z)] on the right)."})
final class HermiteExpansionCommand extends FormattedCommand {
    static final String DEFAULT_POWERS = "1..20";

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ActivationOptions activation;

    /** Parse, check, render, and exit 0 (all rows pass) or 1. */
    @Override
    public Integer call() {
        Format fmt = output.checked();
        ActivationOptions which = activation;
        if (which == null) {
            which = new ActivationOptions();
            which.powers = DEFAULT_POWERS;
        }
        List<Activation> activations = which.activations();
        List<HermiteExpansionLemma.Row> rows = new HermiteExpansionLemma(SymjaEngine.get()).checkAll(activations);
        output.write(LemmaTable.render(rows, fmt, context.provenance()));
        return HermiteExpansionLemma.verdict(rows).exitCode();
    }
}
