package org.powerspec.cli;

import org.powerspec.report.Format;
import picocli.CommandLine.Option;

/**
 * {@code --format FMT} and {@code --out FILE}: a command's result in one of the formats its {@link Outputs} names
 * (the first when none is given), to a file or to standard output.
 */
class OutputOptions extends OutputFile {
    @Option(names = "--format", paramLabel = "FMT", descriptionKey = "format")
    String format;

    /** The formats the command offers, the default first. */
    Format[] formats() {
        return command().userObject().getClass().getAnnotation(Outputs.class).value();
    }

    /** The format asked for, parsed against the command's formats. */
    Format format() {
        Format[] allowed = formats();
        return format == null ? allowed[0] : Format.parse(format, allowed);
    }

    /** The format, parsed, after which (before any work) the output files are checked. */
    Format checked() {
        Format fmt = format();
        check();
        return fmt;
    }
}
