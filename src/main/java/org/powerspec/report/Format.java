package org.powerspec.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.powerspec.InvalidInputException;

/** The output formats powerspec writes; each command accepts the subset that makes sense for it. */
public enum Format {
    TEXT, CSV, LATEX, JSON, MARKDOWN;

    /** The name users type: {@code text}, {@code csv}, … */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a user's {@code --format} value against the formats a command offers.
     *
     * @throws InvalidInputException naming the value and the allowed ones
     */
    public static Format parse(String value, Format... allowed) {
        for (Format f : allowed) {
            if (f.userName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        List<String> names = Arrays.stream(allowed).map(Format::userName).collect(Collectors.toList());
        throw new InvalidInputException("format", "'" + value + "' is not known: allowed are " + String.join(", ", names));
    }
}
