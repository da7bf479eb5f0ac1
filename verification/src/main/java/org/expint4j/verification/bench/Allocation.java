package org.expint4j.verification.bench;

import java.lang.management.ManagementFactory;

/**
 * HotSpot's per-thread allocation counter: bytes the calling thread allocated, for the
 * "steps allocate nothing" checks. Worker threads of a multi-threaded backend are not counted;
 * measure with a single-thread backend (or JMH's {@code -prof gc}, which counts all threads).
 */
public final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private Allocation() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            final com.sun.management.ThreadMXBean t =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            return t.isThreadAllocatedMemorySupported() ? t : null;
        } catch (ClassCastException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** @return whether the JVM counts allocated bytes per thread */
    public static boolean supported() {
        return THREADS != null;
    }

    /** @return bytes allocated by the calling thread so far, or -1 if unsupported */
    public static long current() {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
