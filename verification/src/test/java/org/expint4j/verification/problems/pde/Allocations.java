package org.expint4j.verification.problems.pde;

import java.lang.management.ManagementFactory;

/** HotSpot's per-thread allocation counter, for the "allocates nothing per call" tests. */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported();
    }

    /** @return bytes allocated by the current thread so far */
    static long current() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * Bytes allocated per call of {@code action}, after a warm-up that lets the JIT settle: the
     * difference of 2000 and 200 calls, so that the counter's own cost cancels; the smallest of
     * three tries, since a late JIT compilation can charge a few bytes to this thread once.
     */
    static double perCall(Runnable action) {
        for (int i = 0; i < 20_000; i++) {
            action.run();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < 3 && best > 0; attempt++) {
            long few = measure(action, 200);
            long many = measure(action, 2000);
            best = Math.min(best, (many - few) / 1800.0);
        }
        return best;
    }

    private static long measure(Runnable action, int calls) {
        long before = current();
        for (int i = 0; i < calls; i++) {
            action.run();
        }
        return current() - before;
    }
}
