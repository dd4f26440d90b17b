package org.powerspec.check.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;
import org.powerspec.check.core.Verdict;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Nonlinearity;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.SymmetricPlateau;
import org.powerspec.dynamics.TwoLayerModel;

class AsymptoticConvergenceTest {
    static final String BASE = "name: x\nclaim: asymptotic-convergence\nmodel: {activation: erf, K: 2, L: 1, beta: 1, eta: 0.1}\n"
            + "law: exponential\nrate: jacobian\ntolerance: 0.0005\nwindow: {from: 1500, to: 3000}\ninit: {N: 1024, sigma_J: 0.01, seed: 1}\n";

    private static DynamicsClaimResult check(String yaml) {
        return DynamicsClaimChecker.check(DynamicsClaimFile.parse(yaml, Path.of("x.yaml")), Progress.NONE);
    }

    @Test
    void theJacobiansRateAtTheIdentityTeacherIsSaadSollas() {
        TwoLayerModel m = new TwoLayerModel(Nonlinearity.ERF, 2, 2, EigenspaceSpectrum.powerLaw(1, 1), 0.1, OutputScaling.NONE);
        // twice the slowest eigenvalue at J = B (two degenerate modes at -0.0044185 for T = I)
        assertEquals(0.008837, SymmetricPlateau.specialisedDecayRate(m, new double[][] {{1, 0}, {0, 1}}), 2e-6);
    }

    @Test
    void aWrongRateFailsAndAWrongWindowIsUndecided() {
        DynamicsClaimResult wrong = check(BASE.replace("rate: jacobian", "rate: 0.012"));
        assertEquals(Verdict.FAILS, wrong.verdict(), wrong.evidence());
        assertTrue(wrong.evidence().startsWith("witness: the fitted rate differs"), wrong.evidence());
        // the window on the plateau: not past the escape
        DynamicsClaimResult early = check(BASE.replace("from: 1500, to: 3000", "from: 100, to: 400"));
        assertEquals(Verdict.INCONCLUSIVE, early.verdict());
        assertTrue(early.evidence().contains("before the escape"), early.evidence());
        // the window into the integrator's floor (eps_g ~ 1e-11 by alpha = 4000)
        DynamicsClaimResult late = check(BASE.replace("from: 1500, to: 3000", "from: 2000, to: 6000"));
        assertEquals(Verdict.INCONCLUSIVE, late.verdict());
        assertTrue(late.evidence().contains("resolution"), late.evidence());
        // control: the stated rate as a number near the Jacobian's holds
        assertEquals(Verdict.HOLDS, check(BASE.replace("rate: jacobian", "rate: 0.0088")).verdict());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(BASE.replace("law: exponential", "law: stretched"), "law 'stretched' is not known"),
                Arguments.of(BASE.replace("rate: jacobian", "rate: -1"), "must be a finite number > 0, or jacobian"),
                Arguments.of(BASE + "exponent: 0.5\n", "exponent is for law: power-law"),
                Arguments.of(BASE.replace("law: exponential\nrate: jacobian", "law: power-law\nexponent: beta/(1+gamma)"), "gamma"),
                Arguments.of(BASE.replace("to: 3000", "to: 2000"), "need 0 < from, to >= 2 from"),
                Arguments.of(BASE.replace("erf", "linear"), "must be erf"),
                Arguments.of(BASE + "seeds: 1\n", "seeds = 1 must be from 2 to 100"),
                Arguments.of(BASE.replace("init: {N: 1024, sigma_J: 0.01, seed: 1}\n", ""), "init is missing"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesAreRefusedNamingTheKey(String yaml, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamicsClaimFile.parse(yaml, Path.of("bad.yaml")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
