package org.powerspec;

/**
 * Receives progress of long work: the stage's name and the fraction of it done, in [0, 1], or NaN when the stage
 * cannot tell (it is running; a display then shows the elapsed time, never a made-up fraction).
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, fraction) -> { };

    void update(String stage, double fraction);
}
