package org.powerspec;

/** Refuses, before any work, a computation whose arrays cannot fit in this JVM's heap. */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /**
     * @param bytes the bytes the computation will hold at its peak
     * @param what  what needs them, for the message
     * @throws InvalidInputException when {@code bytes} exceed the heap the JVM may still grow to
     */
    public static void require(long bytes, String what) {
        require(bytes, null, what);
    }

    /** As {@link #require(long, String)}, the fault named by the input {@code field} (see {@link InvalidInputException#field()}). */
    public static void require(long bytes, String field, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new InvalidInputException(field, what + " needs about " + gib(bytes) + " of memory; this JVM may use at most "
                    + gib(max) + " (raise it with POWERSPEC_JAVA_OPTS=-Xmx…, or choose smaller sizes)");
        }
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
