package org.powerspec.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.powerspec.report.Format;

/**
 * What a command's output options ({@link OutputOptions}, {@link OutputFile}) accept and say in its help: the formats
 * of {@code --format}, the default first, and the help lines that differ from command to command. {@link OptionTexts}
 * turns them into the command's option descriptions, so the formats are declared once, for parsing and for help.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Outputs {
    /** The formats {@code --format} accepts; the first is the default. */
    Format[] value() default {};

    /** The help of {@code --format} when the list of formats alone does not say enough; empty: the list. */
    String format() default "";

    /** The help of {@code --out}. */
    String out() default OutputFile.OUT;

    /** The help of {@code --report}, for a command whose output options are {@link ClaimOutputOptions}. */
    String report() default ClaimOutputOptions.REPORT;

    /** The help of {@code --plot}, for a command whose output options are {@link PlotOutputOptions}. */
    String plot() default "";
}
