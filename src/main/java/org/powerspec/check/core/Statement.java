package org.powerspec.check.core;

/**
 * Anything powerspec decides: a lemma, a spectral claim, a dynamics claim, or a control of either. A statement knows
 * its name and kind, what {@code verify} expects of it, and how to decide itself into an {@link Outcome}; callers
 * never ask which class it is.
 */
public interface Statement {

    /** The statement's name (a claim file's {@code name:}, or the lemma's). */
    String name();

    /** Lemma, claim or control. */
    Kind kind();

    /** What verify asks of its verdict. */
    Expectation expected();

    /**
     * Decides the statement: computes what it needs (through {@code context}, which may share work between
     * statements, e.g. spectra that several claims use) and returns the verdict with its evidence.
     */
    Outcome decide(Context context);
}
