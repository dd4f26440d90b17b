package org.powerspec.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListResourceBundle;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;

/**
 * The help lines of the shared output options, per command: picocli's resource bundle of the root command, whose
 * keys are a command's qualified name and the option's description key ({@code powerspec.spectrum.format}). Read from
 * each command's {@link Outputs}: {@code --format} lists its formats ("csv or json. Default: csv."), {@code --out},
 * {@code --report} and {@code --plot} say what the command writes there.
 */
public final class OptionTexts extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        List<Object[]> entries = new ArrayList<>();
        collect(PowerspecMain.class, "", entries);
        return entries.toArray(new Object[0][]);
    }

    private static void collect(Class<?> command, String parent, List<Object[]> entries) {
        Command c = command.getAnnotation(Command.class);
        String name = parent + c.name();
        Outputs o = command.getAnnotation(Outputs.class);
        if (o != null) {
            if (o.value().length > 0) {
                entries.add(new Object[] {name + ".format", formatHelp(o)});
            }
            entries.add(new Object[] {name + ".out", o.out()});
            entries.add(new Object[] {name + ".report", o.report()});
            if (!o.plot().isEmpty()) {
                entries.add(new Object[] {name + ".plot", o.plot()});
            }
        }
        for (Class<?> sub : c.subcommands()) {
            collect(sub, name + ".", entries);
        }
    }

    /** "text, json or markdown. Default: text.": the formats in their order, the first the default. */
    static String formatHelp(Outputs o) {
        List<String> names = Arrays.stream(o.value()).map(Format::userName).toList();
        String list = o.format().isEmpty() ? names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1) : o.format();
        return list + ". Default: " + names.get(0) + ".";
    }
}
