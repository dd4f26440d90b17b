package org.powerspec.check.core;

/**
 * The outcome of checking a statement against exact algebra or computed numbers, with the process exit code it maps
 * to everywhere in powerspec: HOLDS 0, FAILS 1, INCONCLUSIVE 3 (2 is reserved for bad usage or input).
 */
public enum Verdict {
    /** The statement is borne out. */
    HOLDS(0),
    /** The statement is contradicted; a witness is given. */
    FAILS(1),
    /** The computation cannot decide; a reason is given. */
    INCONCLUSIVE(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The worse of two verdicts: FAILS over INCONCLUSIVE over HOLDS. */
    public Verdict and(Verdict other) {
        if (this == FAILS || other == FAILS) {
            return FAILS;
        }
        return (this == INCONCLUSIVE || other == INCONCLUSIVE) ? INCONCLUSIVE : HOLDS;
    }
}
