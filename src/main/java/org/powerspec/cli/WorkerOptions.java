package org.powerspec.cli;

import org.powerspec.InvalidInputException;
import picocli.CommandLine.Option;

/** How many spectra a sweep computes at once ({@code check}, {@code verify}). */
final class WorkerOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Spectra computed at once; 0 (the default) means one per core.")
    int threads;

    /** The worker count: --threads when positive, otherwise the number of cores; a negative count is bad input. */
    int workers() {
        if (threads < 0) {
            throw new InvalidInputException("--threads " + threads + ": must be 0 (one per core) or a positive number");
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
