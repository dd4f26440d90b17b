package org.powerspec.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.powerspec.check.HermiteExpansionLemma;
import org.powerspec.check.MonteCarloLemma;
import org.powerspec.check.Verdict;
import org.powerspec.report.Format;
import org.powerspec.report.LemmaTable;
import org.powerspec.report.MonteCarloTable;
import org.powerspec.report.Output;
import org.powerspec.report.Table;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "The main job: check everything powerspec knows and print one verdict table, then the evidence.",
            "Today: the exact Hermite/Wick expansion lemma for f = y^p, p = 1..20, and the closed-form-vs-Monte-Carlo",
            "lemma for p = 1..4 with its negative controls (see 'powerspec lemma ... --help').",
            "Exit 0 when everything holds, 1 when anything fails."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Format fmt = Format.parse(format, Format.TEXT, Format.MARKDOWN);
        Output.checkWritable(out);
        String provenance = PowerspecMain.provenance(spec);
        List<Activation> powers = IntStream.rangeClosed(1, 20).mapToObj(Activation::monomial).toList();
        List<HermiteExpansionLemma.Row> hermite = new HermiteExpansionLemma(SymjaEngine.get()).checkAll(powers);
        MonteCarloLemma.Setup setup = MonteCarloCommand.defaultSetup();
        List<MonteCarloLemma.Row> monteCarlo = MonteCarloLemma.check(setup, MonteCarloCommand.DEFAULT_ACTIVATIONS);
        Verdict a = LemmaTable.verdict(hermite);
        Verdict b = MonteCarloTable.verdict(monteCarlo);
        Table summary = new Table(List.of("statement", "cases", "verdict"), List.of(
                List.of("hermite-expansion", "p = 1..20, parts (a)-(d)", a.name()),
                List.of("closed-form-vs-monte-carlo", "p = 1..4, with negative controls", b.name())));
        Verdict all = a.and(b);
        StringBuilder s = new StringBuilder();
        boolean md = fmt == Format.MARKDOWN;
        s.append(md ? "# powerspec verify\n\n`" + provenance + "`\n\n" + summary.markdown()
                : "powerspec verify\n# " + provenance + "\n\n" + summary.text());
        s.append(md ? "\n**" + all + "**\n\n## hermite-expansion\n\n" + LemmaTable.render(hermite, Format.MARKDOWN, provenance)
                : "\nverdict: " + all + "\n\n" + LemmaTable.render(hermite, Format.TEXT, provenance));
        s.append(md ? "\n## closed-form-vs-monte-carlo\n\n" + MonteCarloTable.render(monteCarlo, setup, Format.MARKDOWN, provenance)
                : "\n" + MonteCarloTable.render(monteCarlo, setup, Format.TEXT, provenance));
        Output.write(s.toString(), out, spec.commandLine().getOut());
        return all.exitCode();
    }
}
