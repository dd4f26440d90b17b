package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help texts as a reader sees them at the usage width powerspec sets (110 columns). */
class HelpTextTest {

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        walk(new CommandLine(new PowerspecMain()), all);
        return all;
    }

    private static void walk(CommandLine c, List<CommandLine> acc) {
        acc.add(c);
        c.getSubcommands().values().forEach(s -> walk(s, acc));
    }

    private static String description(CommandLine c, int width) {
        c.getCommandSpec().usageMessage().width(width);
        return c.getHelp().description();
    }

    @Test
    void noDescriptionIsWrappedByPicocli() {
        // every description line is written to fit: rendered at 110 columns it must read exactly as when nothing wraps
        List<String> wrapped = new ArrayList<>();
        for (CommandLine c : allCommands()) {
            String narrow = description(c, 110);
            String wide = description(c, 1000);
            if (!narrow.equals(wide)) {
                wrapped.add(c.getCommandSpec().qualifiedName());
            }
        }
        assertEquals(List.of(), wrapped, "descriptions with a line longer than the 110-column usage width");
    }

    @Test
    void commandSummariesAreSentences() {
        // the first description line is the summary in the parent's command list: it must not end with ':' or ','
        for (CommandLine c : allCommands()) {
            String[] d = c.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0, c.getCommandSpec().qualifiedName());
            String first = d[0].strip();
            assertFalse(first.endsWith(":") || first.endsWith(","), c.getCommandSpec().qualifiedName() + ": " + first);
        }
        CliTest.Run lemma = CliTest.run("lemma", "--help");
        assertEquals(0, lemma.code());
        for (String line : lemma.out().lines().toList()) {
            assertFalse(line.strip().endsWith(":") && line.startsWith("  hermite"), line);
        }
    }

    @Test
    void checkHelpDescribesTheClaimFile() {
        CliTest.Run r = CliTest.run("check", "--help");
        assertEquals(0, r.code(), r.err());
        String h = r.out().replaceAll("\\s+", " ");
        for (String key : List.of("name", "statement", "model.alpha", "model.p", "model.f", "model.v", "model.w_variance",
                "model.centred", "model.cutoff", "rate", "oracle", "range.from", "range.to", "parameters", "constants.lower",
                "constants.upper", "sweep.d", "sweep.seeds", "sweep.precision", "sweep.drift_tolerance", "(0, 0.5]", "limit", "chain")) {
            assertTrue(h.contains(key), "check --help names " + key + ":\n" + h);
        }
        assertTrue(h.contains("HOLDS only when every j"), h);
        assertTrue(h.contains("INCONCLUSIVE"), h);
        assertTrue(h.contains("always means the claim's value") || h.contains("always mean the claim's value"), h);
    }

    @Test
    void dynamicsHelpCallsTheTimeT() {
        // in the spectral layer alpha is H's exponent; the dynamics' time steps/N is t in every dynamics help text
        for (CommandLine c : allCommands()) {
            String name = c.getCommandSpec().qualifiedName();
            if (!name.startsWith("powerspec dynamics")) {
                continue;
            }
            c.getCommandSpec().usageMessage().width(110);
            // the only alphas left are the two that say what the paper calls the time
            String help = c.getUsageMessage().replace("the paper's alpha", "").replace("alpha is the exponent", "");
            assertFalse(help.matches("(?s).*\\balpha\\b.*"), name + " still says alpha:\n" + help);
        }
        String d = CliTest.run("dynamics", "--help").out();
        assertTrue(d.contains("t = steps/N"), d);
    }

    @Test
    void compareSaysWhyItsSigmaJDiffers() {
        String h = CliTest.run("dynamics", "compare", "--help").out();
        assertTrue(h.contains("Default: 0.5") && h.contains("0.01"), h);
    }
}
