package org.powerspec.cli;

import java.io.PrintWriter;
import org.powerspec.Progress;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command does around its work, mixed into each: its name ("powerspec dynamics ode") in front of every
 * line on standard error, progress there for long work, the provenance line of its outputs (the exact invocation),
 * and its outputs committed to the files named or to standard output. (A mixin without options: the empty
 * {@code @Command} makes it one and adds nothing to the help.)
 */
@Command
final class CommandContext {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The command this is mixed into (also when it reaches it through another mixin). */
    CommandSpec command() {
        return mixee.commandLine().getCommandSpec();
    }

    /** The command's full name, "powerspec dynamics ode". */
    String name() {
        return command().qualifiedName();
    }

    PrintWriter out() {
        return command().commandLine().getOut();
    }

    PrintWriter err() {
        return command().commandLine().getErr();
    }

    /** One line on standard error, "name: line", at once. */
    void say(String line) {
        PrintWriter err = err();
        err.println(name() + ": " + line);
        err.flush();
    }

    /** Progress of long work on standard error ({@link ConsoleProgress}). */
    Progress progress() {
        return new ConsoleProgress(err(), name());
    }

    /** "powerspec 0.1.0 coeffs --p 1..3": the exact invocation, echoed into every output. */
    String provenance() {
        return PowerspecMain.provenance(command());
    }

    /** Whether the user gave {@code option} (as opposed to its default). */
    boolean given(String option) {
        return command().commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Writes every output of the set, all or none; the one without a file goes to standard output. */
    void commit(OutputSet outputs) {
        outputs.commit(out());
    }
}
