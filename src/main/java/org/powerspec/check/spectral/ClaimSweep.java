package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.powerspec.InvalidInputException;
import org.powerspec.check.spectral.ClaimChecker.Task;
import org.powerspec.check.spectral.ClaimResult.Run;
import org.powerspec.numeric.Spectrum;
import org.powerspec.numeric.SpectrumSpec;
import org.powerspec.numeric.linalg.NativeLapack;

/**
 * Runs the sweeps of several claims: every (claim, d, seed) is an independent task (one exact spectrum), so tasks run
 * on a pool of worker threads, largest d first, and — with a {@link Shard} — in separate processes whose parts
 * {@code powerspec merge} puts together. Each task's result depends only on (claim, d, seed), never on the order,
 * the thread or the shard it ran in; runs are returned sorted by (d, seed).
 */
public final class ClaimSweep {
    private ClaimSweep() {
    }

    /**
     * Part i of n of a sweep (1 ≤ i ≤ n): the tasks, numbered 0, 1, 2, … over the claims in the order given and
     * within a claim in the order of {@link ClaimChecker#tasks}, whose number is ≡ i − 1 (mod n).
     */
    public record Shard(int index, int count) {
        /** The whole sweep. */
        public static final Shard ALL = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new InvalidInputException("shard", index + "/" + count
                        + ": the part must be i/n with 1 <= i <= n (e.g. 1/4)");
            }
        }

        /** Parses {@code i/n}. */
        public static Shard parse(String s) {
            String[] parts = s.trim().split("/", -1);
            if (parts.length != 2) {
                throw new InvalidInputException("shard", "'" + s + "': expected i/n with 1 <= i <= n (e.g. 2/4)");
            }
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("shard", "'" + s + "': expected i/n with whole numbers 1 <= i <= n (e.g. 2/4)");
            }
        }

        /** Whether task number {@code t} of the whole sweep belongs to this part. */
        public boolean contains(int t) {
            return t % count == index - 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /** Seconds between "still computing" reports while no task finishes. */
    public static final int HEARTBEAT_SECONDS = 10;

    /**
     * A finished task, for progress: which claim, its run, and how many of this sweep's tasks are done; claim and run
     * are null in a heartbeat, sent every {@value #HEARTBEAT_SECONDS} s while no task finishes.
     */
    public record Finished(Claim claim, Run run, int done, int total) {
    }

    /**
     * Spectra computed once per sweep and shared: claims of the same model (a claim and its control, a one-sided and a
     * two-sided bound) at the same (d, seed) need the same K. Only eigenvalues and bounds are kept (8·2·d bytes each).
     */
    private static final class SharedSpectra {
        private final ConcurrentHashMap<SpectrumSpec, CompletableFuture<Spectrum>> cache = new ConcurrentHashMap<>();

        Spectrum get(SpectrumSpec spec) {
            CompletableFuture<Spectrum> mine = new CompletableFuture<>();
            CompletableFuture<Spectrum> theirs = cache.putIfAbsent(spec, mine);
            if (theirs != null) {
                try {
                    return theirs.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
            try {
                mine.complete(ClaimChecker.spectrum(spec));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
    }

    /** How many distinct spectra the given tasks need (claims of one model share them). */
    public static int distinctSpectra(List<Claim> claims, List<List<Task>> tasks) {
        java.util.Set<SpectrumSpec> specs = new java.util.HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            for (Task t : tasks.get(i)) {
                specs.add(ClaimChecker.spec(claims.get(i), t));
            }
        }
        return specs.size();
    }

    /** The tasks of each claim that fall in {@code shard}. */
    public static List<List<Task>> tasks(List<Claim> claims, Shard shard) {
        List<List<Task>> out = new ArrayList<>();
        int t = 0;
        for (Claim c : claims) {
            List<Task> mine = new ArrayList<>();
            for (Task task : ClaimChecker.tasks(c)) {
                if (shard.contains(t++)) {
                    mine.add(task);
                }
            }
            out.add(mine);
        }
        return out;
    }

    /**
     * Runs the given tasks of each claim on {@code threads} workers and returns, per claim, its runs sorted by
     * (d, seed). OpenBLAS is kept on one thread whatever the worker count: the workers fill the cores, and a solver's
     * rounding then does not depend on how many threads it had, so a run's numbers are the same in one process, in
     * parallel or in any shard.
     */
    public static List<List<Run>> run(List<Claim> claims, List<List<Task>> tasks, int threads, Consumer<Finished> progress) {
        record Job(int claim, Task task) {
        }
        record Done(int claim, Run run) {
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            for (Task t : tasks.get(i)) {
                jobs.add(new Job(i, t));
            }
        }
        // largest spectra first, so that the last task to finish is a short one
        jobs.sort(Comparator.comparingInt((Job j) -> -j.task().d()));
        List<List<Run>> runs = new ArrayList<>();
        claims.forEach(c -> runs.add(new ArrayList<>()));
        int workers = Math.max(1, Math.min(threads, jobs.size()));
        NativeLapack.oneThread();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "powerspec-sweep");
            th.setDaemon(true);
            return th;
        });
        try {
            ExecutorCompletionService<Done> done = new ExecutorCompletionService<>(pool);
            SharedSpectra shared = new SharedSpectra();
            for (Job j : jobs) {
                done.submit(() -> {
                    Claim c = claims.get(j.claim());
                    try {
                        return new Done(j.claim(), ClaimChecker.run(c, j.task(), shared::get));
                    } catch (InvalidInputException e) {
                        // a fault only the computation finds (a spectrum beyond double's range): name the claim
                        throw e.getMessage().startsWith(c.file() + ": ") ? e
                                : e.in("at d = " + j.task().d() + ", seed = " + j.task().seed()).in(c.file());
                    }
                });
            }
            for (int k = 1; k <= jobs.size(); k++) {
                java.util.concurrent.Future<Done> next;
                // a long spectrum (high precision, large d) finishes minutes apart: say so every HEARTBEAT_SECONDS
                while ((next = done.poll(HEARTBEAT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) == null) {
                    progress.accept(new Finished(null, null, k - 1, jobs.size()));
                }
                Done r = next.get();
                runs.get(r.claim()).add(r.run());
                progress.accept(new Finished(claims.get(r.claim()), r.run(), k, jobs.size()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        for (List<Run> r : runs) {
            r.sort(Comparator.comparingInt(Run::d).thenComparingLong(Run::seed));
        }
        return runs;
    }
}
