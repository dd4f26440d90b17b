package org.powerspec.check.core;

/**
 * A statement decided: its verdict, the key figures in one line, the witness (FAILS), reason (INCONCLUSIVE) or summary
 * (HOLDS), the compute time, and the detail behind it — the kind's own result (a spectral claim's runs, drifts and
 * fits; a dynamics claim's points; a lemma's rows), from which the report layer draws tables and plots.
 *
 * @param name     the statement's name
 * @param kind     lemma, claim or control
 * @param expected what verify asks of the verdict
 * @param verdict  HOLDS, FAILS or INCONCLUSIVE
 * @param figures  the key numbers in one line
 * @param evidence the witness, the reason or the summary
 * @param seconds  compute time (0 where the work was done for another statement)
 * @param detail   the kind's full result
 */
public record Outcome(String name, Kind kind, Expectation expected, Verdict verdict, String figures, String evidence,
        double seconds, Object detail) {

    /** The outcome of {@code s} with these findings. */
    public static Outcome of(Statement s, Verdict verdict, String figures, String evidence, double seconds, Object detail) {
        return new Outcome(s.name(), s.kind(), s.expected(), verdict, figures, evidence, seconds, detail);
    }

    /** Whether the verdict is what verify asks of this statement. */
    public boolean ok() {
        return expected.met(verdict);
    }

    /** What the verdict means for this statement, in words. */
    public String meaning() {
        return expected.describe(verdict);
    }

    /** The detail as {@code type}, when it is one. */
    public <T> T detail(Class<T> type) {
        return type.isInstance(detail) ? type.cast(detail) : null;
    }
}
