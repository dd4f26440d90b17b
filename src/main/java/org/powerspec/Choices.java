package org.powerspec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A named choice among an enum's constants, spelled in input as the constant's name in lower case (any case accepted). */
public final class Choices {
    private Choices() {
    }

    /** The constant's input name: its name in lower case. */
    public static String userName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code values} whose input name is {@code text} (trimmed, in any case); otherwise the fault of
     * the input {@code field}: "'text' is not known: allowed are a, b".
     */
    public static <E extends Enum<E>> E parse(E[] values, String text, String field) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (userName(e).equals(t)) {
                return e;
            }
        }
        throw new InvalidInputException(field, "'" + text + "' is not known: allowed are "
                + Arrays.stream(values).map(Choices::userName).collect(Collectors.joining(", ")));
    }
}
