package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.powerspec.InvalidInputException;
import org.powerspec.check.spectral.ClaimSweep;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.Tolerances;
import org.powerspec.dynamics.Weights;
import org.powerspec.numeric.PowerLawCovariance;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.report.Format;
import picocli.CommandLine;

/** The domain names a fault by its field; the command line says it with the option's name, as it always has. */
class OptionNamesTest {

    private static Set<String> allOptionNames() {
        Set<String> names = new HashSet<>();
        collect(PowerspecMain.commandLine(), names);
        return names;
    }

    private static void collect(CommandLine c, Set<String> names) {
        c.getCommandSpec().options().forEach(o -> names.addAll(java.util.List.of(o.names())));
        c.getSubcommands().values().forEach(s -> collect(s, names));
    }

    @Test
    void everyOptionOfTheTableIsAnOptionOfSomeCommand() {
        Set<String> declared = allOptionNames();
        for (Map.Entry<String, String> e : OptionNames.OPTIONS.entrySet()) {
            assertTrue(declared.contains(e.getValue()), e.getKey() + " -> " + e.getValue() + " is no command's option");
        }
        // the negative control: a name no command declares is found missing
        assertFalse(declared.contains("--sigma_J"));
        assertFalse(declared.contains("--no-such-option"));
    }

    @Test
    void theDomainNamesFieldsAndTheCommandLineSaysOptions() {
        // the lines powerspec printed before faults carried their field: the command line must still print them
        Map<Executable, String> said = new LinkedHashMap<>();
        said.put(() -> PowerLawCovariance.checkAlpha(0.5), "--alpha 0.5 is not allowed: alpha must be a finite number > 1");
        said.put(() -> Weights.checkSigmas(-1, 1), "--sigma-j -1.0 is not allowed: it must be finite and >= 0");
        said.put(() -> Weights.checkSigmas(0.01, 0), "--sigma-b 0.0 is not allowed: it must be positive and finite");
        said.put(() -> new Tolerances(0, 1e-8), "--abs-tol 0.0 is not allowed: it must be positive and finite");
        said.put(() -> new Tolerances(1e-12, 2), "--rel-tol 2.0 is not allowed: 0 < rel-tol < 1");
        said.put(() -> Nonlinearity.parse("tanh"), "--activation 'tanh' is not known: allowed are erf, linear");
        said.put(() -> EigenspaceSpectrum.powerLaw(0, 1), "--L 0 is not allowed: 1 <= L <= " + EigenspaceSpectrum.MAX_L);
        said.put(() -> SpectrumSpec.checkD(0), "--d 0 is not allowed: d must be a whole number from 1 to " + SpectrumSpec.MAX_D);
        said.put(() -> ClaimSweep.Shard.parse("2"), "--shard '2': expected i/n with 1 <= i <= n (e.g. 2/4)");
        said.put(() -> Format.parse("xml", Format.CSV, Format.JSON), "--format 'xml' is not known: allowed are csv, json");
        said.put(() -> org.powerspec.report.Output.checkWritable(Path.of("/")), "--out '/' is a folder: give a file name");
        for (Map.Entry<Executable, String> e : said.entrySet()) {
            InvalidInputException ex = assertThrows(InvalidInputException.class, e.getKey());
            assertTrue(OptionNames.OPTIONS.containsKey(ex.field()), "unknown field " + ex.field() + " in " + ex.getMessage());
            assertFalse(ex.getMessage().contains("--"), "the domain's own message names no option: " + ex.getMessage());
            assertEquals(ex.field() + " " + ex.detail(), ex.getMessage());
            assertEquals(e.getValue(), OptionNames.message(ex));
        }
    }

    @Test
    void placesStayInFrontOfTheName() {
        InvalidInputException e = new InvalidInputException("sigma_J", "-1.0 is not allowed").in("b.yaml").in("a.yaml");
        assertEquals("a.yaml: b.yaml: sigma_J -1.0 is not allowed", e.getMessage());
        assertEquals("a.yaml: b.yaml: --sigma-j -1.0 is not allowed", OptionNames.message(e));
        assertEquals("a.yaml: b.yaml: init.sigma_J -1.0 is not allowed", e.withName("init.sigma_J"));
        assertEquals("sigma_J", e.field());
        assertEquals("-1.0 is not allowed", e.detail());
        // once per place: the same prefix is not added twice
        assertEquals(e.getMessage(), e.in("a.yaml").getMessage());
    }

    @Test
    void aFaultWithoutAFieldIsSaidAsItIs() {
        InvalidInputException e = new InvalidInputException("no proofs folder here").in("x");
        assertNull(e.field());
        assertEquals("x: no proofs folder here", e.getMessage());
        assertEquals(e.getMessage(), OptionNames.message(e));
        assertEquals(e.getMessage(), e.withName("--anything"));
        // a field no option gives is printed as the domain names it
        assertEquals("integrator 'x' is bad", OptionNames.message(new InvalidInputException("integrator", "'x' is bad")));
    }

    @Test
    void aFieldReachesTheUserAsItsOption() {
        CliTest.Run r = CliTest.run("dynamics", "ode", "--L", "4", "--beta", "1", "--sigma-j", "-1");
        assertEquals(2, r.code());
        assertEquals("powerspec dynamics ode: --sigma-j -1.0 is not allowed: it must be finite and >= 0", r.err().strip());
    }
}
