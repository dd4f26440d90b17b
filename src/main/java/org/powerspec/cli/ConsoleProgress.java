package org.powerspec.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.powerspec.Progress;

/**
 * Progress on stderr for work that takes more than a couple of seconds: nothing for the first two seconds, then at
 * most one line every two seconds, and one line whenever a new stage starts after that.
 */
final class ConsoleProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String command;
    private final long start = System.nanoTime();
    private long lastPrint;
    private String lastStage;

    ConsoleProgress(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
    }

    @Override
    public synchronized void update(String stage, double fraction) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS) {
            lastStage = stage;
            return;
        }
        boolean newStage = !stage.equals(lastStage);
        if (newStage || now - lastPrint >= QUIET_NANOS) {
            err.println(Double.isNaN(fraction)
                    ? String.format(Locale.ROOT, "%s: %s running (%.1f s)", command, stage, (now - start) / 1e9)
                    : String.format(Locale.ROOT, "%s: %s %3.0f%% (%.1f s)", command, stage, 100 * fraction,
                    (now - start) / 1e9));
            err.flush();
            lastPrint = now;
            lastStage = stage;
        }
    }
}
