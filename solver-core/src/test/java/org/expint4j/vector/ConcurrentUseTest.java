package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Issue 19: a parallel {@link DoubleVectorOps} shared by 8 threads threw the documented
 * {@link IllegalStateException} in 7 of them and gave the 8th a silently wrong result, since each
 * call wrote its arguments into the shared work descriptor before the pool refused it. Every
 * operation, on a shared serial or parallel instance, must now give the result of a lone call,
 * bit for bit, with no exception.
 */
class ConcurrentUseTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 120;
    private static final int KINDS = 9;
    private static final int N = 2048;
    private static final int M = 40;
    private static final int TERMS = 6;

    /** One thread's vectors; outputs are its own, so only the backend is shared. */
    private static final class Inputs<V> {
        final double[] a = new double[TERMS];
        V[] x;
        V[] w;
        V atol;
        V[] dw;
        V[] dx;
        V out;
        V denseOut;
        V alias;
        V[] xAlias;
        /** Samples of the batch norm; divides N. */
        final int samples = 4;
    }

    private static <V> Inputs<V> inputs(VectorOps<V> ops, long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final Inputs<V> in = new Inputs<>();
        in.x = ops.newArray(TERMS);
        in.w = ops.newArray(TERMS);
        in.xAlias = ops.newArray(TERMS);
        for (int j = 0; j < TERMS; j++) {
            in.a[j] = VectorTesting.value(rnd);
            in.x[j] = ops.fromArray(VectorTesting.floatValues(rnd, N));
            in.w[j] = ops.fromArray(VectorTesting.floatValues(rnd, N));
        }
        final double[] tol = VectorTesting.floatValues(rnd, N);
        for (int i = 0; i < N; i++) {
            tol[i] = Math.abs(tol[i]) + 1e-3f;
        }
        in.atol = ops.fromArray(tol);
        in.dw = ops.newArray(2);
        in.dx = ops.newArray(2);
        for (int j = 0; j < 2; j++) {
            in.dw[j] = ops.fromArray(VectorTesting.floatValues(rnd, M * M));
            in.dx[j] = ops.fromArray(VectorTesting.floatValues(rnd, M));
        }
        in.out = ops.allocate(N);
        in.denseOut = ops.allocate(M);
        in.alias = ops.allocate(N);
        System.arraycopy(in.x, 0, in.xAlias, 0, TERMS);
        // Output equal to a term of the second pass: the backend needs its tile accumulator.
        in.xAlias[TERMS - 1] = in.alias;
        return in;
    }

    private static <V> double[] array(VectorOps<V> ops, V v, double... extra) {
        final double[] r = new double[ops.length(v)];
        ops.toArray(v, r);
        final double[] all = Arrays.copyOf(r, r.length + extra.length);
        System.arraycopy(extra, 0, all, r.length, extra.length);
        return all;
    }

    /** Operation {@code kind} on {@code in}; everything it produced, as doubles. */
    private static <V> double[] call(VectorOps<V> ops, Inputs<V> in, int kind) {
        switch (kind) {
            case 0:
                ops.linearCombination(in.a, in.x, TERMS, in.out);
                return array(ops, in.out);
            case 1:
                return array(ops, in.out, ops.linearCombinationMaxAbs(in.a, in.x, TERMS, in.out));
            case 2:
                ops.diagonalCombination(in.w, in.x, 5, in.out);
                return array(ops, in.out);
            case 3:
                return array(ops, in.out, ops.diagonalCombinationMaxAbs(in.w, in.x, 5, in.out));
            case 4:
                ops.complexDiagonalCombination(in.w, in.x, TERMS, in.out);
                return array(ops, in.out);
            case 5:
                ops.denseCombination(in.dw, in.dx, 2, in.denseOut);
                return array(ops, in.denseOut);
            case 6:
                return new double[] {ops.maxAbs(in.x[1]), ops.weightedRms(in.x[0], in.x[1], 1e-3, 1e-2),
                    ops.weightedRms(in.x[0], in.x[1], in.atol, 1e-2)};
            case 7:
                return new double[] {ops.maxSampleRms(in.x[0], in.x[2], 0.75, in.x[1], 1e-3, 1e-2,
                    in.samples)};
            default:
                ops.copy(in.x[TERMS - 1], in.alias);
                ops.linearCombination(in.a, in.xAlias, TERMS, in.alias);
                return array(ops, in.alias);
        }
    }

    private static <V> void assertLikeLoneCalls(VectorOps<V> shared, Supplier<VectorOps<V>> serial) throws Exception {
        final List<Inputs<V>> inputs = new ArrayList<>();
        final double[][][] expected = new double[THREADS][KINDS][];
        try (VectorOps<V> lone = serial.get()) {
            for (int th = 0; th < THREADS; th++) {
                inputs.add(inputs(shared, 0x5eed0000L + th));
                for (int kind = 0; kind < KINDS; kind++) {
                    expected[th][kind] = call(lone, inputs.get(th), kind);
                }
            }
        }
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final CyclicBarrier start = new CyclicBarrier(THREADS);
        final Thread[] threads = new Thread[THREADS];
        for (int th = 0; th < THREADS; th++) {
            final int me = th;
            threads[th] = new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    for (int r = 0; r < ROUNDS; r++) {
                        final int kind = (r + me) % KINDS;
                        assertArrayEquals(expected[me][kind], call(shared, inputs.get(me), kind), 0,
                            shared + ": thread " + me + ", round " + r + ", operation " + kind);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads[th].start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        final Throwable first = failures.peek();
        if (first != null) {
            throw new AssertionError(failures.size() + " of " + THREADS + " threads failed; first: " + first, first);
        }
        assertEquals(0, failures.size());
    }

    @Test
    void sharedParallelDoubleVectorOpsFromEightThreads() throws Exception {
        try (DoubleVectorOps ops = new DoubleVectorOps(4, 64)) {
            assertLikeLoneCalls(ops, DoubleVectorOps::serial);
        }
    }

    @Test
    void sharedParallelFloatVectorOpsFromEightThreads() throws Exception {
        try (FloatVectorOps ops = new FloatVectorOps(3, 64)) {
            assertLikeLoneCalls(ops, FloatVectorOps::serial);
        }
    }

    @Test
    void sharedSerialDoubleVectorOpsFromEightThreads() throws Exception {
        assertLikeLoneCalls(DoubleVectorOps.serial(), DoubleVectorOps::serial);
    }
}
