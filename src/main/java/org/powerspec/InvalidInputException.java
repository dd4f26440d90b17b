package org.powerspec;

/**
 * A user's input that powerspec cannot accept: a parameter out of its domain, a malformed expression, an unknown
 * format. The message is one line that names the offending value and says what is allowed; the command line turns
 * it into that line on standard error and exit code 2, without a stack trace and without writing any output file.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    /** The same fault said of {@code where} (a file): its message prefixed "where: " once, not twice. */
    public InvalidInputException in(Object where) {
        String prefix = where + ": ";
        return getMessage().startsWith(prefix) ? this : new InvalidInputException(prefix + getMessage());
    }
}
