package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Construction defaults and the life of the worker threads: {@code serial()} starts none, a
 * parallelism \(p\) starts \(p - 1\) daemon threads, which stop on {@code close()} or once the
 * instance is garbage collected.
 */
class LifecycleTest {

    private static final String PREFIX = "expint4j-vector-";

    @Test
    void defaults() {
        final DoubleVectorOps d = new DoubleVectorOps();
        final FloatVectorOps f = new FloatVectorOps();
        try {
            assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), DoubleVectorOps.MAX_PARALLELISM),
                d.parallelism());
            assertEquals(1 << 19, d.parallelThreshold());
            assertEquals(DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD, f.parallelThreshold());
            assertEquals("cpu-double", d.name());
            assertEquals("cpu-float", f.name());
            assertEquals(8, d.bytesPerElement());
            assertEquals(4, f.bytesPerElement());
            assertEquals(3, d.newArray(3).length);
            assertEquals(0, f.newArray(0).length);
        } finally {
            d.close();
            f.close();
        }
        assertEquals(1, DoubleVectorOps.serial().parallelism());
        assertEquals(1, FloatVectorOps.serial().parallelism());
    }

    /**
     * Issue 19: {@code new DoubleVectorOps(100000, 1)} was accepted and started 99999 threads. A
     * parallelism above the shared limit is refused, naming it and the limit, before any thread
     * starts.
     */
    @Test
    void doubleVectorOpsWith100000Threads() {
        for (int p : new int[] {1025, 100_000, Integer.MAX_VALUE}) {
            final String part = "parallelism = " + p + ", must be in 1..MAX_PARALLELISM = 1024";
            assertMessage(() -> new DoubleVectorOps(p, 1), part);
            assertMessage(() -> new FloatVectorOps(p, 1), part);
        }
        assertEquals(1024, DoubleVectorOps.MAX_PARALLELISM);
        assertEquals(DoubleVectorOps.MAX_PARALLELISM, FloatVectorOps.MAX_PARALLELISM);
        assertMessage(() -> new DoubleVectorOps(0, 1), "parallelism = 0");
    }

    private static void assertMessage(Runnable r, String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }

    @Test
    void serialStartsNoThreads() {
        assertEquals(0, newWorkers(DoubleVectorOps::serial).size());
        assertEquals(0, newWorkers(FloatVectorOps::serial).size());
    }

    @Test
    void closeStopsTheWorkers() throws InterruptedException {
        final DoubleVectorOps[] holder = new DoubleVectorOps[1];
        final Set<Thread> workers = newWorkers(() -> holder[0] = new DoubleVectorOps(4, 100));
        assertEquals(3, workers.size());
        for (Thread t : workers) {
            assertTrue(t.isDaemon(), t.getName() + " is not a daemon");
        }
        holder[0].close();
        for (Thread t : workers) {
            t.join(10_000);
            assertTrue(!t.isAlive(), t.getName() + " still runs after close()");
        }
    }

    @Test
    void unreachableInstanceReleasesItsWorkers() throws InterruptedException {
        final Set<Thread> workers = newWorkers(() -> {
            final FloatVectorOps ops = new FloatVectorOps(3, 16);
            // Run a multi-threaded call, so that the pool has held the instance's task once.
            final float[] v = new float[1000];
            ops.linearCombination(new double[] {2}, new float[][] {v}, 1, v);
            return ops;
        });
        assertEquals(2, workers.size());
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (workers.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        for (Thread t : workers) {
            assertTrue(!t.isAlive(), t.getName() + " survived its unreachable VectorOps");
        }
    }

    /** @return the backend threads that appeared while {@code create} ran; drops its result */
    private static Set<Thread> newWorkers(Supplier<?> create) {
        final Set<Thread> before = backendThreads();
        create.get();
        final Set<Thread> after = backendThreads();
        after.removeAll(before);
        return after;
    }

    private static Set<Thread> backendThreads() {
        final Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(PREFIX) && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }
}
