package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** The pool runs every chunk exactly once per call, propagates failures and refuses a concurrent call. */
class WorkerPoolTest {

    @Test
    void everyChunkRunsOncePerCall() {
        final WorkerPool pool = new WorkerPool(4);
        try {
            for (int chunks = 1; chunks <= 50; chunks++) {
                for (int rep = 0; rep < 40; rep++) {
                    final AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                    assertTrue(pool.tryInvoke(runs::incrementAndGet, chunks));
                    for (int c = 0; c < chunks; c++) {
                        assertEquals(1, runs.get(c), "chunks " + chunks + ", repetition " + rep
                            + ", chunk " + c);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void failureIsRethrownAfterAllChunksAndPoolStaysUsable() {
        final WorkerPool pool = new WorkerPool(3);
        try {
            final AtomicIntegerArray runs = new AtomicIntegerArray(20);
            final IllegalStateException boom = new IllegalStateException("chunk 7");
            final IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> pool.tryInvoke(c -> {
                    runs.incrementAndGet(c);
                    if (c == 7) {
                        throw boom;
                    }
                }, 20));
            assertSame(boom, thrown);
            for (int c = 0; c < 20; c++) {
                assertEquals(1, runs.get(c), "chunk " + c + " after a failure");
            }
            final AtomicIntegerArray again = new AtomicIntegerArray(5);
            assertTrue(pool.tryInvoke(again::incrementAndGet, 5));
            for (int c = 0; c < 5; c++) {
                assertEquals(1, again.get(c), "chunk " + c + " of the next call");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentCallIsRefusedWithoutRunning() throws InterruptedException {
        final WorkerPool pool = new WorkerPool(2);
        try {
            final CountDownLatch inside = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            final Thread first = new Thread(() -> pool.tryInvoke(c -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, 1));
            first.start();
            assertTrue(inside.await(10, TimeUnit.SECONDS), "first call did not start");
            final AtomicIntegerArray second = new AtomicIntegerArray(1);
            final boolean ran;
            try {
                ran = pool.tryInvoke(second::incrementAndGet, 1);
            } finally {
                release.countDown();
            }
            first.join(10_000);
            assertFalse(ran, "a concurrent call must be refused");
            assertEquals(0, second.get(0), "a refused call runs nothing");
            final AtomicIntegerArray runs = new AtomicIntegerArray(3);
            assertTrue(pool.tryInvoke(runs::incrementAndGet, 3));
            assertEquals(3, runs.get(0) + runs.get(1) + runs.get(2), "usable after refusal");
        } finally {
            pool.shutdown();
        }
        assertFalse(pool.tryInvoke(c -> { }, 1), "a shut-down pool refuses");
    }
}
