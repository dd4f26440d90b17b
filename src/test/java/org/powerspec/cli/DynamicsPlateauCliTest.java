package org.powerspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powerspec.dynamics.Weights;

class DynamicsPlateauCliTest {
    private static String json(double[][][] a) {
        StringBuilder s = new StringBuilder("[");
        for (int l = 0; l < a.length; l++) {
            s.append(l == 0 ? "" : ",").append("[");
            for (int i = 0; i < a[l].length; i++) {
                s.append(i == 0 ? "" : ",").append("[");
                for (int j = 0; j < a[l][i].length; j++) {
                    s.append(j == 0 ? "" : ",").append(a[l][i][j]);
                }
                s.append("]");
            }
            s.append("]");
        }
        return s.append("]").toString();
    }

    @Test
    void seedsAndTheInitFileGiveTheSameRunAsTheSeededGrid(@TempDir Path dir) throws Exception {
        CliTest.Run grid = CliTest.run("dynamics", "plateau", "--K", "2", "--L", "1", "--seeds", "2", "--time", "2000",
                "--per-decade", "40", "--format", "csv", "--no-timings");
        assertEquals(0, grid.code(), grid.err());
        List<String> rows = grid.out().lines().filter(l -> l.startsWith("2,1,")).toList();
        assertEquals(2, rows.size(), grid.out());
        assertTrue(grid.out().contains("seed,band_centre,escape_rate,length_x_escape_rate"), grid.out());
        // seed 2 again, from its order parameters written to a file: the same length, band centre and escape rate
        var w = Weights.draw(2, 2, 1024, 1, 0.01, 1, 2).orderParameters();
        Path init = dir.resolve("init.json");
        Files.writeString(init, "{\"q\": " + json(w.q()) + ", \"r\": " + json(w.r()) + ", \"t\": " + json(w.t()) + "}");
        CliTest.Run one = CliTest.run("dynamics", "plateau", "--init-file", init.toString(), "--time", "2000", "--per-decade", "40",
                "--format", "csv", "--no-timings");
        assertEquals(0, one.code(), one.err());
        String[] fromFile = one.out().lines().filter(l -> l.startsWith("2,1,")).findFirst().orElseThrow().split(",");
        String[] seeded = rows.get(1).split(",");
        for (int c : new int[] {7, 14, 15}) {
            assertEquals(Double.parseDouble(seeded[c]), Double.parseDouble(fromFile[c]), 1e-9 * Math.abs(Double.parseDouble(seeded[c])),
                    "column " + c);
        }
        // control: seed 1's row differs
        assertFalse(rows.get(0).split(",")[7].equals(seeded[7]));
    }

    @Test
    void badCombinationsAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path init = dir.resolve("init.json");
        Files.writeString(init, "{\"q\": [[[0.1,0],[0,0.1]]], \"r\": [[[0,0],[0,0]]], \"t\": [[[1,0],[0,1]]]}");
        CliTest.Run r = CliTest.run("dynamics", "plateau", "--init-file", init.toString(), "--seeds", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--seeds 3 is not allowed with --init-file"), r.err());
        CliTest.Run s = CliTest.run("dynamics", "plateau", "--seeds", "0");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("--seeds 0 is not allowed"), s.err());
        CliTest.Run p = CliTest.run("dynamics", "plateau", "--length-plot", dir.resolve("x.txt").toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("--length-plot"), p.err());
    }
}
