package org.powerspec.numeric;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.MemoryBudget;

/**
 * A user's own sketch W from a CSV file: v rows × d columns, comma-separated numbers, no header. The whole file is
 * validated before anything is computed: every row must have the same number of finite numbers.
 */
public final class SketchFile implements Sketch {
    private final Path path;
    private final int v;
    private final int d;
    private final double[] w;

    private SketchFile(Path path, int v, int d, double[] w) {
        this.path = path;
        this.v = v;
        this.d = d;
        this.w = w;
    }

    /**
     * Reads and validates the file.
     *
     * @throws InvalidInputException naming the line and column of a ragged row, a non-number, a NaN or an infinity,
     *                               or a file that is missing, empty or too large for this JVM's memory
     */
    public static SketchFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("sketch_file", "'" + path + "' does not exist or is not a file");
        }
        try {
            long bytes = Files.size(path);
            // at least 2 bytes a value ("0,"): a bound on the values the file can hold, checked against the heap
            MemoryBudget.require(bytes / 2 * 8, "sketch_file", "'" + path + "' (" + bytes + " bytes)");
        } catch (IOException e) {
            throw new InvalidInputException("sketch_file", "'" + path + "' cannot be read: " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        int d = -1;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (d < 0) {
                    d = cells.length;
                } else if (cells.length != d) {
                    throw new InvalidInputException("sketch_file", "'" + path + "' line " + lineNo + " has " + cells.length
                            + " values, the first row has " + d + ": every row must have d values");
                }
                double[] row = new double[d];
                for (int a = 0; a < d; a++) {
                    String cell = cells[a].trim();
                    double x;
                    try {
                        x = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("sketch_file", "'" + path + "' line " + lineNo + " column "
                                + (a + 1) + ": '" + cell + "' is not a number");
                    }
                    if (!Double.isFinite(x)) {
                        throw new InvalidInputException("sketch_file", "'" + path + "' line " + lineNo + " column "
                                + (a + 1) + ": '" + cell + "' is not a finite number");
                    }
                    row[a] = x;
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new InvalidInputException("sketch_file", "'" + path + "' cannot be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("sketch_file", "'" + path + "' holds no rows: expected v rows of d comma-separated numbers");
        }
        double[] w = new double[rows.size() * d];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, w, r * d, d);
        }
        return new SketchFile(path, rows.size(), d, w);
    }

    @Override
    public int rows() {
        return v;
    }

    @Override
    public int columns() {
        return d;
    }

    @Override
    public void fill(int first, int count, double[] out) {
        System.arraycopy(w, first * d, out, 0, count * d);
    }

    @Override
    public String describe() {
        return "W from " + path + ", v = " + v + ", d = " + d;
    }
}
