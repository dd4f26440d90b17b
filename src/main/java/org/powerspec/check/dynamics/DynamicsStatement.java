package org.powerspec.check.dynamics;

import org.powerspec.check.core.Context;
import org.powerspec.check.core.Expectation;
import org.powerspec.check.core.Kind;
import org.powerspec.check.core.Outcome;
import org.powerspec.check.core.Statement;

/**
 * A dynamics claim or control as a statement. A claim must not FAIL; a control, decidable at its sizes by
 * construction, must FAIL.
 *
 * @param claim the claim, as read from its file
 * @param kind  claim or control
 */
public record DynamicsStatement(DynamicsClaim claim, Kind kind) implements Statement {

    @Override
    public String name() {
        return claim.name();
    }

    @Override
    public Expectation expected() {
        return kind == Kind.CONTROL ? Expectation.FAIL : Expectation.NOT_FAIL;
    }

    @Override
    public Outcome decide(Context context) {
        DynamicsClaimResult r = DynamicsClaimChecker.check(claim, context.progress());
        context.log().accept(claim.name() + " " + r.verdict());
        return Outcome.of(this, r.verdict(), r.figures(), r.evidence(), r.seconds(), r);
    }
}
