package org.powerspec.cli;

import picocli.CommandLine.Mixin;

/** The options of a command that produces one learning curve: model, initial weights, output times, output. */
final class DynamicsRunOptions {
    @Mixin
    DynamicsModelOptions model;

    @Mixin
    DynamicsInitOptions init;

    @Mixin
    DynamicsTimeOptions time;

    @Mixin
    PlotOutputOptions output;
}
