package org.powerspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powerspec.check.spectral.ClaimChecker;
import org.powerspec.check.spectral.ClaimResult;
import org.powerspec.check.spectral.SweepPart;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Outputs({Format.TEXT, Format.JSON, Format.MARKDOWN})
@Command(name = "merge",
        description = {
            "Merges the JSON parts of a sharded check into one verdict.",
            "Puts together the parts of a sharded sweep ('powerspec check CLAIM... --shard i/n --out part-i.json',",
            "i = 1..n, run anywhere, e.g. as a batch array) and judges the claims exactly as one 'powerspec check'",
            "would: the parts must come from the same claim files and hold every (claim, d, seed) exactly once.",
            "Same output, report and exit codes as check: 0 HOLDS, 1 FAILS, 3 INCONCLUSIVE (the worst over the",
            "claims), 2 bad or incomplete parts."})
final class MergeCommand extends PowerspecCommand {
    @Parameters(paramLabel = "PART", arity = "1..*", description = "Part files written by check --shard.")
    List<Path> parts;

    @Mixin
    ClaimOutputOptions output;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        List<SweepPart> read = new ArrayList<>();
        for (Path p : parts) {
            read.add(SweepPart.read(p));
        }
        List<ClaimResult> results = new ArrayList<>();
        for (SweepPart.Merged m : SweepPart.merge(read, parts)) {
            results.add(ClaimChecker.assess(m.claim(), m.runs(), m.seconds()));
        }
        return CheckOutput.emit(context, results, fmt, output, context.provenance());
    }
}
