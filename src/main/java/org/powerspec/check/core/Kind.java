package org.powerspec.check.core;

import java.util.Locale;

/**
 * What a statement is to the project: a lemma (an identity the code rests on, which must hold), a claim (a stated bound
 * or law, which the numbers may bear out, contradict or leave undecided) or a control (a deliberately false statement
 * of a claim's class, which the checker must not accept).
 */
public enum Kind {
    LEMMA, CLAIM, CONTROL;

    /** The word printed in verdict tables: lemma, claim, control. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
