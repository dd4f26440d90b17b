package org.powerspec.dynamics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.powerspec.InvalidInputException;

/**
 * Initial order parameters from a JSON file {@code {"q": [L][K][K], "r": [L][K][M], "t": [L][M][M]}}: q^ℓ, r^ℓ,
 * t^ℓ per eigenspace, as defined in {@link OrderParameters}.
 */
public final class OrderParameterFile {
    private OrderParameterFile() {
    }

    public static OrderParameters read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--init-file '" + file + "' does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("--init-file '" + file + "' is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("--init-file '" + file + "' must hold a JSON object {\"q\": ..., \"r\": ..., \"t\": ...}");
        }
        return new OrderParameters(array3(root, "q", file), array3(root, "r", file), array3(root, "t", file));
    }

    private static double[][][] array3(JsonNode root, String key, Path file) {
        JsonNode n = root.get(key);
        String where = "--init-file '" + file + "': \"" + key + "\"";
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new InvalidInputException(where + " is missing or not a non-empty array [L][rows][columns]");
        }
        double[][][] out = new double[n.size()][][];
        for (int l = 0; l < n.size(); l++) {
            JsonNode m = n.get(l);
            if (!m.isArray() || m.isEmpty()) {
                throw new InvalidInputException(where + "[" + l + "] is not a non-empty array of rows");
            }
            out[l] = new double[m.size()][];
            for (int i = 0; i < m.size(); i++) {
                JsonNode row = m.get(i);
                if (!row.isArray()) {
                    throw new InvalidInputException(where + "[" + l + "][" + i + "] is not an array of numbers");
                }
                out[l][i] = new double[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    if (!row.get(j).isNumber()) {
                        throw new InvalidInputException(where + "[" + l + "][" + i + "][" + j + "] = " + row.get(j) + " is not a number");
                    }
                    out[l][i][j] = row.get(j).asDouble();
                }
            }
        }
        return out;
    }
}
