package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep counts the spectra it computes, not the tasks that share them. */
class SweepCountTest {
    @Test
    void claimsOfOneModelShareTheirSpectra() {
        Path dir = Path.of("examples", "checker");
        List<Claim> claims = List.of(ClaimFile.read(dir.resolve("p2-with-log.yaml")),
                ClaimFile.read(dir.resolve("p2-without-log.yaml")), ClaimFile.read(dir.resolve("p2-lower-bound.yaml")));
        List<List<ClaimChecker.Task>> tasks = ClaimSweep.tasks(claims, ClaimSweep.Shard.ALL);
        assertEquals(24, tasks.stream().mapToInt(List::size).sum());
        assertEquals(8, ClaimSweep.distinctSpectra(claims, tasks));
        // another model (a different alpha) needs its own spectra
        Claim other = ClaimFile.read(Path.of("proofs", "head-p2-alpha2.yaml"));
        List<Claim> more = List.of(claims.get(0), other);
        assertEquals(8 + 24, ClaimSweep.distinctSpectra(more, ClaimSweep.tasks(more, ClaimSweep.Shard.ALL)));
    }
}
