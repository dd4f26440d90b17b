package org.powerspec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What every powerspec command has: its context (the provenance line, standard error, progress, writing outputs),
 * declared once here and inherited by each command (picocli reads annotated fields of superclasses), and a call that
 * parses nothing more, delegates to the domain and returns the exit code.
 */
abstract class PowerspecCommand implements Callable<Integer> {
    @Mixin
    CommandContext context;
}
