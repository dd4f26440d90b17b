package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A dynamics run states its parameters on stderr before it integrates, and its result after. */
class DynamicsParametersFirstTest {
    @Test
    void theParameterLineComesBeforeTheResultLine() {
        CliTest.Run r = CliTest.run(DynamicsCliTest.ODE);
        assertEquals(0, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        int params = -1;
        int result = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("powerspec dynamics ode: activation = ") && params < 0) {
                params = i;
            }
            if (lines[i].contains("steps,") && lines[i].contains("evaluations")) {
                result = i;
            }
        }
        assertTrue(params >= 0 && result > params, r.err());
        assertTrue(lines[params].contains("integrator = "), lines[params]);
    }
}
