package org.powerspec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "lemma",
        description = {"Exact checks of the lemmas the random-feature kernel rests on.",
            "One PASS/FAIL row per case; exit 0 when every row passes, 1 when any fails."},
        subcommands = {HermiteExpansionCommand.class, MonteCarloCommand.class, CountingProductsCommand.class})
final class LemmaCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No lemma named: the usage on stderr, exit 2 (bad usage). */
    @Override
    public Integer call() {
        return PowerspecMain.usageError(spec);
    }
}
