package org.expint4j.vector;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that, together with the calling thread, runs the chunks
 * \(0, \dots, c-1\) of one task and returns when all are done (fork-join with a single fork).
 *
 * <p>Unlike an {@code ExecutorService} it allocates nothing per call: the task is a long-lived
 * object, chunks are claimed from one atomic counter and completion is signalled by another. The
 * counter packs a generation number (high 32 bits) with the next chunk index (low 32 bits), so a
 * thread that wakes late cannot claim a chunk of a call that has already finished. Which thread
 * runs which chunk is left to chance; callers make the result independent of it by giving every
 * chunk a fixed piece of work and a fixed place for its result.
 *
 * <p>Idle workers spin briefly (consecutive vector operations typically follow each other within
 * microseconds) and then park. One call at a time: a second, concurrent {@link #tryInvoke} claims
 * the pool with a compare-and-set before touching any state, and returns {@code false} without
 * running anything if it is taken, so the caller can run its chunks itself.
 */
final class WorkerPool {

    /** A piece of work split into numbered chunks. */
    interface Task {
        /**
         * Runs one chunk; called exactly once per chunk index, from any thread of the pool.
         *
         * @param chunk the chunk index
         */
        void run(int chunk);
    }

    /** Busy-wait iterations before parking; about tens of microseconds. */
    private static final int SPINS = 1 << 10;

    /** Numbers pools in thread names. */
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final Thread[] threads;
    /** (generation << 32) | next unclaimed chunk index. */
    private final AtomicLong cursor = new AtomicLong();
    /** Chunks of the current generation not yet finished. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Task task;
    private volatile int chunks;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private volatile boolean shutdown;

    /**
     * Starts {@code parallelism - 1} daemon workers; the caller of {@link #tryInvoke} is the last.
     *
     * @param parallelism number of threads that run chunks, {@code >= 2}
     */
    WorkerPool(int parallelism) {
        final int id = POOL_IDS.incrementAndGet();
        threads = new Thread[parallelism - 1];
        for (int i = 0; i < threads.length; i++) {
            final Thread t = new Thread(this::workerLoop, "expint4j-vector-" + id + "-" + (i + 1));
            t.setDaemon(true);
            threads[i] = t;
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    /**
     * Runs chunks {@code 0..count-1} of {@code t} on the pool and the calling thread and waits for
     * all of them, unless another call holds the pool or it is shut down. An exception thrown by a
     * chunk is rethrown here after all chunks finished.
     *
     * @param t the task
     * @param count number of chunks, {@code >= 1}
     * @return {@code true} if the chunks ran; {@code false}, with nothing run and nothing changed,
     *     if another call is in progress or the pool is shut down
     */
    boolean tryInvoke(Task t, int count) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (shutdown) {
                return false;
            }
            // Close the previous generation first: a worker still in work() for it may have read
            // the old cursor; without this its compare-and-set could succeed after chunks and task
            // below are replaced, running a chunk of the new call twice and releasing the caller
            // before every chunk finished.
            final long previous = cursor.get();
            cursor.set((previous & 0xFFFF_FFFF_0000_0000L) | Integer.MAX_VALUE);
            failure = null;
            task = t;
            chunks = count;
            waiter = Thread.currentThread();
            pending.set(count);
            final long generation = (cursor.get() >>> 32) + 1;
            // This volatile write publishes task, chunks and waiter to the workers.
            cursor.set(generation << 32);
            for (Thread w : threads) {
                LockSupport.unpark(w);
            }
            work(generation);
            for (int spins = 0; pending.get() != 0;) {
                if (spins < SPINS) {
                    ++spins;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            // Drop references so that the pool does not keep the caller's objects alive.
            task = null;
            waiter = null;
            final Throwable f = failure;
            if (f != null) {
                failure = null;
                rethrow(f);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /** @return whether {@link #shutdown()} was called */
    boolean isShutdown() {
        return shutdown;
    }

    /** Stops the workers once they are idle; idempotent. */
    void shutdown() {
        shutdown = true;
        for (Thread w : threads) {
            LockSupport.unpark(w);
        }
    }

    /** Claims and runs chunks of {@code generation} until none is left. */
    private void work(long generation) {
        for (;;) {
            final long c = cursor.get();
            if ((c >>> 32) != generation) {
                return;
            }
            final int index = (int) c;
            if (index >= chunks) {
                return;
            }
            if (cursor.compareAndSet(c, c + 1)) {
                runChunk(index);
            }
        }
    }

    private void runChunk(int index) {
        // Read before the decrement: once pending reaches 0 the caller may start the next call.
        final Thread w = waiter;
        try {
            task.run(index);
        } catch (Throwable e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(w);
            }
        }
    }

    private void workerLoop() {
        long seen = 0;
        int idle = 0;
        while (!shutdown) {
            final long generation = cursor.get() >>> 32;
            if (generation != seen) {
                seen = generation;
                work(generation);
                idle = 0;
            } else if (idle < SPINS) {
                ++idle;
                Thread.onSpinWait();
            } else {
                // A permit from an unpark that raced with the check above makes this return.
                LockSupport.park(this);
            }
        }
    }

    private static void rethrow(Throwable f) {
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f instanceof Error) {
            throw (Error) f;
        }
        throw new IllegalStateException(f);
    }
}
