package org.powerspec.check.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.powerspec.check.Verification;

/**
 * The statement model against its rule, written out here case by case: what verify asks of each kind, the words an
 * outcome is reported with, the loop deciding statements in order, and work shared through the context computed once.
 */
class StatementModelTest {

    @Test
    void everyExpectationAcceptsExactlyTheVerdictsOfItsRule() {
        // {expectation, verdicts it accepts}: a lemma must hold, a claim must not fail, a control must not hold,
        // a decidable control must fail
        Object[][] rule = {
            {Expectation.HOLD, List.of(Verdict.HOLDS)},
            {Expectation.NOT_FAIL, List.of(Verdict.HOLDS, Verdict.INCONCLUSIVE)},
            {Expectation.NOT_HOLD, List.of(Verdict.FAILS, Verdict.INCONCLUSIVE)},
            {Expectation.FAIL, List.of(Verdict.FAILS)}};
        for (Object[] r : rule) {
            Expectation e = (Expectation) r[0];
            for (Verdict v : Verdict.values()) {
                assertEquals(((List<?>) r[1]).contains(v), e.met(v), e + " on " + v);
            }
        }
    }

    @Test
    void theOutcomeColumnSaysWhatAVerdictMeansForTheStatement() {
        assertEquals("as expected", Expectation.HOLD.describe(Verdict.HOLDS));
        assertEquals("FAILS", Expectation.HOLD.describe(Verdict.INCONCLUSIVE));
        assertEquals("undecided at these sizes", Expectation.NOT_FAIL.describe(Verdict.INCONCLUSIVE));
        assertEquals("FAILS", Expectation.NOT_FAIL.describe(Verdict.FAILS));
        assertEquals("undecided (not held)", Expectation.NOT_HOLD.describe(Verdict.INCONCLUSIVE));
        assertEquals("NOT rejected", Expectation.NOT_HOLD.describe(Verdict.HOLDS));
        assertEquals("NOT rejected (undecided)", Expectation.FAIL.describe(Verdict.INCONCLUSIVE));
        assertEquals("rejected as expected", Expectation.FAIL.describe(Verdict.FAILS));
    }

    /** A statement whose verdict is given, and which counts its decisions and asks the context for shared work. */
    private record Fixed(String name, Kind kind, Expectation expected, Verdict verdict, AtomicInteger shared,
            List<String> order) implements Statement {
        @Override
        public Outcome decide(Context context) {
            order.add(name);
            Integer once = context.shared("key", shared::incrementAndGet);
            return Outcome.of(this, verdict, "shared " + once, "because", 0, this);
        }
    }

    @Test
    void verificationDecidesEveryStatementInOrderAndSharesWorkOnce() {
        AtomicInteger shared = new AtomicInteger();
        List<String> order = new ArrayList<>();
        List<Statement> all = List.of(
                new Fixed("a", Kind.LEMMA, Expectation.HOLD, Verdict.HOLDS, shared, order),
                new Fixed("b", Kind.CLAIM, Expectation.NOT_FAIL, Verdict.INCONCLUSIVE, shared, order),
                new Fixed("c", Kind.CONTROL, Expectation.NOT_HOLD, Verdict.FAILS, shared, order));
        Verification v = Verification.run(all, Context.quiet());
        assertEquals(List.of("a", "b", "c"), order);
        assertEquals(1, shared.get(), "the shared work is computed once");
        assertTrue(v.outcomes().stream().allMatch(o -> o.figures().equals("shared 1")));
        assertTrue(v.ok());
        assertEquals("lemma", v.outcomes().get(0).kind().userName());
        assertSame(all.get(1), v.outcomes().get(1).detail(Fixed.class));
        assertNull(v.outcomes().get(1).detail(String.class), "a detail of another type is not found");
        // negative control: one statement against its rule makes the whole run not ok
        Verification bad = Verification.run(List.of(all.get(0),
                new Fixed("d", Kind.CONTROL, Expectation.FAIL, Verdict.INCONCLUSIVE, shared, order)), Context.quiet());
        assertFalse(bad.ok());
        assertEquals("NOT rejected (undecided)", bad.outcomes().get(1).meaning());
    }
}
