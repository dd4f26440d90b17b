package org.powerspec.check.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.powerspec.Progress;

/**
 * What deciding a statement may use: worker threads, a log of finished steps, progress for long computations, and a
 * memo through which statements share work (one parallel sweep computes the spectra of every spectral claim of a
 * run, the first of them to be decided triggers it).
 */
public final class Context {
    private final int workers;
    private final Consumer<String> log;
    private final Progress progress;
    private final Map<Object, Object> shared = new HashMap<>();

    /**
     * @param workers  threads for parallel work (≥ 1)
     * @param log      one line per finished step
     * @param progress for the long computations
     */
    public Context(int workers, Consumer<String> log, Progress progress) {
        this.workers = workers;
        this.log = log;
        this.progress = progress;
    }

    /** One worker, no log, no progress. */
    public static Context quiet() {
        return new Context(1, line -> { }, Progress.NONE);
    }

    public int workers() {
        return workers;
    }

    public Consumer<String> log() {
        return log;
    }

    public Progress progress() {
        return progress;
    }

    /** The value shared under {@code key}, computed by {@code compute} the first time it is asked for. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T shared(Object key, Supplier<T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            v = compute.get();
            shared.put(key, v);
        }
        return (T) v;
    }
}
