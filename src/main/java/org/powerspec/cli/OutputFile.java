package org.powerspec.cli;

import java.nio.file.Path;
import org.powerspec.report.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --out FILE}: where a command's result goes, a file written whole or not at all, or standard output. */
class OutputFile {
    static final String OUT = "Write to FILE (whole or not at all) instead of standard output.";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "out", description = OUT)
    Path out;

    /** The command these options are mixed into (also through another mixin). */
    CommandSpec command() {
        return mixee.commandLine().getCommandSpec();
    }

    /** Checks, before any work, that the output file can be written. */
    void check() {
        Output.checkWritable(out);
    }

    /** Writes the rendered result to --out, or to the command's standard output. */
    void write(String rendered) {
        Output.write(rendered, out, command().commandLine().getOut());
    }
}
