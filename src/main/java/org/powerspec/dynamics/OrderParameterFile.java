package org.powerspec.dynamics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            throw new InvalidInputException("init_file", "'" + file + "' does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("init_file", jsonError(file, e));
        } catch (IOException e) {
            throw new InvalidInputException("init_file", "'" + file + "' cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("init_file", "'" + file + "' must hold a JSON object {\"q\": ..., \"r\": ..., \"t\": ...}");
        }
        return new OrderParameters(array3(root, "q", file), array3(root, "r", file), array3(root, "t", file));
    }

    /**
     * A JSON syntax error in the user's terms, one line: the file, where (line and column), what is wrong and what is
     * allowed — never the parser's own advice about its features.
     */
    static String jsonError(Path file, JsonProcessingException e) {
        String name = "'" + file + "'";
        String at = "";
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            at = String.format(Locale.ROOT, "line %d, column %d", loc.getLineNr(), loc.getColumnNr());
        }
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        Matcher token = Pattern.compile("Non-standard token '([^']*)'").matcher(msg);
        if (token.find()) {
            return name + (at.isEmpty() ? "" : ", " + at) + ": " + token.group(1) + " is not a number JSON allows; the order parameters must be finite "
                    + "numbers such as 0.5 or 1e-3 (JSON has no NaN or Infinity)";
        }
        String cleaned = msg.replaceAll("\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "")
                .replaceAll(":?\\s*enable `[^`]*`( to allow)?", "")
                .replaceAll("\\s*\\(start marker at \\[Source.*", "")
                .replaceAll("\\s*\\[Source.*", "")
                .trim();
        return name + " is not valid JSON" + (at.isEmpty() ? "" : " at " + at) + ": " + (cleaned.isEmpty() ? "a syntax error" : cleaned)
                + "; expected {\"q\": [L][K][K], \"r\": [L][K][M], \"t\": [L][M][M]} of finite numbers";
    }

    private static double[][][] array3(JsonNode root, String key, Path file) {
        JsonNode n = root.get(key);
        String where = "'" + file + "': \"" + key + "\"";
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new InvalidInputException("init_file", where + " is missing or not a non-empty array [L][rows][columns]");
        }
        double[][][] out = new double[n.size()][][];
        for (int l = 0; l < n.size(); l++) {
            JsonNode m = n.get(l);
            if (!m.isArray() || m.isEmpty()) {
                throw new InvalidInputException("init_file", where + "[" + l + "] is not a non-empty array of rows");
            }
            out[l] = new double[m.size()][];
            for (int i = 0; i < m.size(); i++) {
                JsonNode row = m.get(i);
                if (!row.isArray()) {
                    throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "] is not an array of numbers");
                }
                out[l][i] = new double[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    if (!row.get(j).isNumber()) {
                        throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "][" + j + "] = " + row.get(j) + " is not a number");
                    }
                    out[l][i][j] = row.get(j).asDouble();
                    if (!Double.isFinite(out[l][i][j])) {
                        throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "][" + j + "] is beyond the range of a "
                                + "double (|x| > 1.8e308): every entry must be a finite number");
                    }
                }
            }
        }
        return out;
    }
}
