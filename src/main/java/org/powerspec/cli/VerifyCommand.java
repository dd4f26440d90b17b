package org.powerspec.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = PowerspecMain.Version.class,
        description = {
            "The main job: check everything powerspec knows and print one verdict table.",
            "Today: the exact Hermite/Wick expansion lemma for f = y^p, p = 1..20",
            "(see 'powerspec lemma hermite-expansion --help'). Exit 0 when everything holds, 1 when anything fails."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ActivationOptions activation;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "text, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        return HermiteExpansionCommand.run(spec, activation, format, out);
    }
}
