package org.powerspec.check.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;
import org.powerspec.check.core.Verdict;

class PlateauScalingTest {
    static final String BASE = "name: x\nclaim: plateau-scaling\nmodel: {activation: erf, K: 2, L: [1, 2, 4], beta: 1, eta: 0.1}\n"
            + "exponents: {L: 1}\ntolerance: 0.2\ntime: 3000\ninit: {N: 1024, sigma_J: 0.01, seed: 1}\n";

    @Test
    void aValidFileIsRead() {
        PlateauScaling c = (PlateauScaling) DynamicsClaimFile.parse(BASE, Path.of("x.yaml"));
        assertEquals(List.of(1, 2, 4), c.ls());
        assertEquals(1, c.b());
        assertTrue(Double.isNaN(c.a()));
        assertEquals(3, c.seeds());
        assertTrue(c.describe().contains("plateau length ~ C L^-1 (+- 0.2)"), c.describe());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(BASE.replace("exponents: {L: 1}", "exponents: {K: 1}"), "exponents.K needs model.K to be a list of at least 3"),
                Arguments.of(BASE.replace("exponents: {L: 1}", "exponents: {}"), "states no exponent"),
                Arguments.of(BASE + "quantity: width\n", "quantity 'width' is not known"),
                Arguments.of(BASE + "seeds: 1\n", "seeds = 1 must be from 2 to 100"),
                Arguments.of(BASE.replace("[1, 2, 4]", "[1, 4, 2]"), "model.L must be strictly ascending"),
                Arguments.of(BASE.replace("erf", "linear"), "must be erf"),
                Arguments.of(BASE.replace("tolerance: 0.2", "tolerance: -1"), "tolerance = -1.0 must be a finite number > 0"),
                Arguments.of(BASE + "trend: decreasing\n", "trend is not a known key"),
                Arguments.of(BASE.replace("L: [1, 2, 4]", "L: 4"), "varies K or L"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesAreRefusedNamingTheKey(String yaml, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamicsClaimFile.parse(yaml, Path.of("bad.yaml")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.yaml"), e.getMessage());
    }

    @Test
    void theRuleJudgesTheIntervalAndTheHalves() {
        List<String> fails = new ArrayList<>();
        List<String> open = new ArrayList<>();
        PlateauScaling.judge("b", 1, 0.2, 1.0, 0.9, 1.1, new double[] {0.95, 1.05}, fails, open);
        assertTrue(fails.isEmpty() && open.isEmpty(), "inside: holds");
        PlateauScaling.judge("b", 1, 0.2, 0.5, 0.4, 0.6, new double[] {0.5, 0.5}, fails, open);
        assertEquals(1, fails.size(), "entirely outside: fails");
        PlateauScaling.judge("b", 1, 0.2, 0.85, 0.7, 1.0, new double[] {0.85, 0.85}, fails, open);
        assertEquals(1, open.size(), "straddling an end: undecided");
        assertTrue(open.get(0).contains("more seeds"), open.get(0));
        // a drifting law: tight interval on the whole grid, halves on either side of the tolerance
        PlateauScaling.judge("b", 1, 0.2, 1.0, 0.95, 1.05, new double[] {0.72, 1.29}, fails, open);
        assertEquals(2, open.size());
        assertTrue(open.get(1).contains("more than one regime"), open.get(1));
        assertEquals(1, fails.size());
    }

    @Test
    void aVanishedPlateauInTheGridIsNamedNotFitted() {
        // L = 16 at the Fig. 1 settings: the plateau lasts about 1-2 escape times, below min_escapes = 3
        String yaml = BASE.replace("[1, 2, 4]", "[4, 8, 16]");
        DynamicsClaimResult r = DynamicsClaimChecker.check(DynamicsClaimFile.parse(yaml, Path.of("x.yaml")), Progress.NONE);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(r.evidence().contains("K = 2, L = 16 (vanished"), r.evidence());
        // control: with no vanishing threshold the same grid is fitted and judged
        DynamicsClaimResult all = DynamicsClaimChecker.check(DynamicsClaimFile.parse(yaml + "min_escapes: 0\n", Path.of("x.yaml")),
                Progress.NONE);
        assertTrue(!all.evidence().contains("vanished"), all.evidence());
    }
}
