package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powerspec.check.Verification;
import org.powerspec.check.lemma.CountingProductsLemma;
import org.powerspec.check.lemma.MonteCarloLemma;
import org.powerspec.report.Format;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The shared output options: each command's formats are declared once, and parsing and help follow from them. */
class OutputOptionsTest {

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        walk(PowerspecMain.commandLine(), all);
        return all;
    }

    private static void walk(CommandLine c, List<CommandLine> acc) {
        acc.add(c);
        c.getSubcommands().values().forEach(s -> walk(s, acc));
    }

    @Test
    void everyCommandWithFormatsDeclaresThemAndSaysThemInItsHelp() {
        int withFormat = 0;
        for (CommandLine c : allCommands()) {
            OptionSpec format = c.getCommandSpec().findOption("--format");
            if (format == null) {
                continue;
            }
            withFormat++;
            Outputs o = c.getCommandSpec().userObject().getClass().getAnnotation(Outputs.class);
            String name = c.getCommandSpec().qualifiedName();
            assertNotNull(o, name + " has --format but no @Outputs");
            assertTrue(o.value().length > 0, name);
            String help = String.join(" ", format.description());
            for (Format f : o.value()) {
                assertTrue(help.contains(f.userName()), name + ": " + help);
            }
            assertTrue(help.endsWith("Default: " + o.value()[0].userName() + "."), name + ": " + help);
            for (String other : List.of("--out", "--plot", "--report")) {
                OptionSpec opt = c.getCommandSpec().findOption(other);
                if (opt != null) {
                    assertTrue(opt.description().length > 0 && !opt.description()[0].isBlank(), name + " " + other);
                }
            }
        }
        assertEquals(17, withFormat, "the commands with --format");
    }

    @Test
    void theHelpListsTheFormatsInTheirOrder() {
        assertEquals("text, json or markdown. Default: text.", OptionTexts.formatHelp(outputs(CheckCommand.class)));
        assertEquals("csv, text or json. Default: csv.", OptionTexts.formatHelp(outputs(OracleCommand.class)));
        assertEquals("text or json. Default: text.", OptionTexts.formatHelp(outputs(KernelCommand.class)));
        assertEquals("text, csv, latex (a tabular) or json (an array of objects, fields as strings). Default: text.",
                OptionTexts.formatHelp(outputs(CoeffsCommand.class)));
        assertTrue(CliTest.run("dynamics", "check", "--help").out().contains("text, markdown or json. Default: text."));
    }

    private static Outputs outputs(Class<?> command) {
        return command.getAnnotation(Outputs.class);
    }

    @Test
    void theFirstFormatIsTheDefaultAndOthersAreRefused() {
        CliTest.Run plain = CliTest.run("--no-timings", "kernel", "--p", "2");
        CliTest.Run text = CliTest.run("--no-timings", "kernel", "--p", "2", "--format", "text");
        assertEquals(0, plain.code(), plain.err());
        // the same output but for the provenance line, which echoes the invocation
        assertEquals(text.out().replace(" --format text", ""), plain.out());
        CliTest.Run json = CliTest.run("--no-timings", "kernel", "--p", "2", "--format", "json");
        assertTrue(json.out().startsWith("{") && !json.out().equals(plain.out()), json.out());
        // the negative control: a format the command does not declare
        CliTest.Run csv = CliTest.run("kernel", "--p", "2", "--format", "csv");
        assertEquals(2, csv.code());
        assertEquals("powerspec kernel: --format 'csv' is not known: allowed are text, json", csv.err().strip());
    }

    @Test
    void everyCommandHasTheRootsHelpAndVersion() {
        String version = CliTest.run("--version").out();
        for (CommandLine c : allCommands()) {
            List<String> path = new ArrayList<>(List.of(c.getCommandSpec().qualifiedName().split(" ")));
            path.remove(0);
            path.add("-V");
            assertEquals(version, CliTest.run(path.toArray(new String[0])).out(), String.join(" ", path));
            assertTrue(c.getCommandSpec().findOption("--help").usageHelp(), c.getCommandSpec().qualifiedName());
        }
    }

    @Test
    void verifyRunsTheLemmasAtTheirCommandsDefaults() {
        Verification.Settings s = Verification.Settings.DEFAULT;
        CommandLine counting = PowerspecMain.commandLine().getSubcommands().get("lemma").getSubcommands().get("counting-products");
        assertEquals(s.countingKs().toString(), "[" + counting.getCommandSpec().findOption("--k").defaultValue().replace(",", ", ") + "]");
        assertEquals(s.countingNs().toString(), "[" + counting.getCommandSpec().findOption("--n").defaultValue().replace(",", ", ") + "]");
        assertEquals(CountingProductsLemma.DEFAULT_MULTISET_LIMIT,
                Long.parseLong(counting.getCommandSpec().findOption("--multiset-limit").defaultValue()));
        CommandLine mc = PowerspecMain.commandLine().getSubcommands().get("lemma").getSubcommands().get("closed-form-vs-monte-carlo");
        MonteCarloLemma.Setup fromOptions = new MonteCarloLemma.Setup(
                Double.parseDouble(mc.getCommandSpec().findOption("--alpha").defaultValue()),
                Integer.parseInt(mc.getCommandSpec().findOption("--d").defaultValue()),
                Integer.parseInt(mc.getCommandSpec().findOption("--v").defaultValue()),
                Long.parseLong(mc.getCommandSpec().findOption("--seed").defaultValue()),
                Integer.parseInt(mc.getCommandSpec().findOption("--samples").defaultValue()));
        assertEquals(s.monteCarlo(), fromOptions);
    }
}
