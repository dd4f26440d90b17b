package org.powerspec.check.core;

/**
 * What {@code verify} asks of a statement's verdict. A lemma must HOLD; a claim must not FAIL (INCONCLUSIVE is an
 * honest "undecided at these sizes"); a control must not HOLD — where the sizes a dense eigensolver reaches may leave
 * it undecided ({@link #NOT_HOLD}) — or, where it is decidable at its sizes by construction, must FAIL
 * ({@link #FAIL}).
 */
public enum Expectation {
    /** A lemma: HOLDS. */
    HOLD,
    /** A claim: HOLDS or INCONCLUSIVE. */
    NOT_FAIL,
    /** A control that may be undecided at reachable sizes: FAILS or INCONCLUSIVE. */
    NOT_HOLD,
    /** A control decidable by construction: FAILS. */
    FAIL;

    /** Whether {@code v} is what this expectation asks. */
    public boolean met(Verdict v) {
        return switch (this) {
            case HOLD -> v == Verdict.HOLDS;
            case NOT_FAIL -> v != Verdict.FAILS;
            case NOT_HOLD -> v != Verdict.HOLDS;
            case FAIL -> v == Verdict.FAILS;
        };
    }

    /** What {@code v} means under this expectation, in words ("as expected", "rejected as expected", "FAILS", …). */
    public String describe(Verdict v) {
        return switch (this) {
            case HOLD -> v == Verdict.HOLDS ? "as expected" : "FAILS";
            case NOT_FAIL -> v == Verdict.FAILS ? "FAILS" : v == Verdict.HOLDS ? "as expected" : "undecided at these sizes";
            case NOT_HOLD -> v == Verdict.HOLDS ? "NOT rejected" : v == Verdict.FAILS ? "rejected as expected"
                    : "undecided (not held)";
            case FAIL -> v == Verdict.HOLDS ? "NOT rejected" : v == Verdict.FAILS ? "rejected as expected"
                    : "NOT rejected (undecided)";
        };
    }
}
