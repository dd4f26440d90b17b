package org.powerspec.cli;

import picocli.CommandLine.Mixin;

/**
 * A command whose result is one text in a format the user chooses ({@code --format}, from the command's
 * {@link Outputs}), written to standard output or, whole or not at all, to {@code --out}.
 */
abstract class FormattedCommand extends PowerspecCommand {
    @Mixin
    OutputOptions output;
}
