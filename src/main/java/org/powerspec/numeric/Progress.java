package org.powerspec.numeric;

/** Receives progress of long work: the stage's name and the fraction of it done, in [0, 1]. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, fraction) -> { };

    void update(String stage, double fraction);
}
