package org.powerspec;

/**
 * A user's input that powerspec cannot accept: a parameter out of its domain, a malformed expression, an unknown
 * format. The message is one line that names the offending value and says what is allowed; the command line turns
 * it into that line on standard error and exit code 2, without a stack trace and without writing any output file.
 *
 * <p>A fault of one input carries that input's {@linkplain #field() domain name} ({@code alpha}, {@code sigma_J},
 * {@code abs_tol}, {@code N}) apart from the {@linkplain #detail() detail} ({@code "0.5 is not allowed: alpha must be a
 * finite number > 1"}); the message is the field, a space and the detail. Each front end names the field its own way
 * with {@link #withName}: the command line as its option ({@code --alpha}), a claim file as its key
 * ({@code model.alpha}). Places prefixed by {@link #in} stay in front of the name.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The places the fault was found in, each "where: ", outermost first; empty when none. */
    private final String where;
    /** The domain name of the offending input, or null when the message names none. */
    private final String field;
    private final String detail;

    /** A fault said in one line that names no single input field. */
    public InvalidInputException(String message) {
        this("", null, message);
    }

    /**
     * A fault of the input {@code field} (its domain name, e.g. {@code alpha}; null for none), with {@code detail}
     * the rest of the line, e.g. {@code "0.5 is not allowed: alpha must be a finite number > 1"}.
     */
    public InvalidInputException(String field, String detail) {
        this("", field, detail);
    }

    private InvalidInputException(String where, String field, String detail) {
        super(where + (field == null ? "" : field + " ") + detail);
        this.where = where;
        this.field = field;
        this.detail = detail;
    }

    /** The domain name of the offending input ({@code alpha}, {@code sigma_J}, {@code N}), or null when none is named. */
    public String field() {
        return field;
    }

    /** The message without the places and the field: what is wrong with the field's value and what is allowed. */
    public String detail() {
        return detail;
    }

    /**
     * The message with the field called {@code name} instead of its domain name (e.g. {@code --alpha} on the command
     * line, {@code model.alpha} in a claim file); the message itself when no field is named.
     */
    public String withName(String name) {
        return field == null ? getMessage() : where + name + " " + detail;
    }

    /** The same fault said of {@code where} (a file): its message prefixed "where: " once, not twice. */
    public InvalidInputException in(Object where) {
        String prefix = where + ": ";
        return getMessage().startsWith(prefix) ? this : new InvalidInputException(prefix + this.where, field, detail);
    }
}
