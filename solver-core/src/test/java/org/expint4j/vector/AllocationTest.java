package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Steady-state calls allocate nothing on the calling thread, measured with
 * {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} after a warm-up that
 * lets the JIT compile the loops and grows the internal buffers (reduction partials, the tile
 * accumulator of aliased long sums) to their final size.
 *
 * <p>The counter covers the calling thread only. Worker threads of a multi-threaded instance are
 * not measured; their code path is the same chunk task, which allocates nothing by construction.
 */
class AllocationTest {

    private static final long SEED = 0xa110c000L;
    private static final int WARM_UP = 1000;
    private static final int CALLS = 300;

    @Test
    void serialDoubleCallsAllocateNothing() {
        final DoubleVectorOps ops = DoubleVectorOps.serial();
        runDouble(ops, 3000, "serial double");
    }

    @Test
    void serialFloatCallsAllocateNothing() {
        final FloatVectorOps ops = FloatVectorOps.serial();
        runFloat(ops, 3000, "serial float");
    }

    /** The calling thread's share of a multi-threaded call allocates nothing either. */
    @Test
    void multiThreadedCallsAllocateNothingOnTheCaller() {
        final DoubleVectorOps ops = new DoubleVectorOps(3, 256);
        try {
            runDouble(ops, 5000, "parallel double");
        } finally {
            ops.close();
        }
        final FloatVectorOps opsF = new FloatVectorOps(3, 256);
        try {
            runFloat(opsF, 5000, "parallel float");
        } finally {
            opsF.close();
        }
    }

    private static void runDouble(DoubleVectorOps ops, int n, String what) {
        final SplittableRandom rnd = new SplittableRandom(SEED);
        final double[] a = VectorTesting.vector(rnd, 8);
        final double[][] w = VectorTesting.vectors(rnd, 8, n);
        final double[][] x = VectorTesting.vectors(rnd, 8, n);
        final double[][] aliased = VectorTesting.copies(x);
        final int size = 40;
        final double[][] mats = VectorTesting.vectors(rnd, 3, size * size);
        final double[][] vecs = VectorTesting.vectors(rnd, 3, size);
        final double[] denseOut = new double[size];
        final double[] out = new double[n];
        final double[] atol = new double[n];
        java.util.Arrays.fill(atol, 1e-6);
        final double[] sink = new double[1];
        final Runnable calls = () -> {
            for (int k = 1; k <= 8; k++) {
                ops.linearCombination(a, x, k, out);
                ops.diagonalCombination(w, x, k, out);
                ops.complexDiagonalCombination(w, x, k, out);
                // Output among the late terms: goes through the tile accumulator.
                ops.linearCombination(a, aliased, k, aliased[k - 1]);
            }
            ops.denseCombination(mats, vecs, 3, denseOut);
            sink[0] += ops.maxAbs(out);
            sink[0] += ops.weightedRms(x[0], x[1], 1e-6, 1e-3);
            sink[0] += ops.dot(x[0], x[1]);
            sink[0] += ops.weightedRms(x[0], x[1], atol, 1e-3);
            sink[0] += ops.maxSampleRms(x[0], x[1], 0.5, x[2], 1e-6, 1e-3, 10);
            ops.copy(x[2], out);
            ops.fill(out, 1.5);
            ops.toArray(x[3], out);
        };
        assertNoAllocation(calls, what);
    }

    private static void runFloat(FloatVectorOps ops, int n, String what) {
        final SplittableRandom rnd = new SplittableRandom(SEED);
        final double[] a = VectorTesting.vector(rnd, 8);
        final float[][] w = VectorTesting.toFloat(VectorTesting.vectors(rnd, 8, n));
        final float[][] x = VectorTesting.toFloat(VectorTesting.vectors(rnd, 8, n));
        final float[][] aliased = VectorTesting.copies(x);
        final int size = 40;
        final float[][] mats = VectorTesting.toFloat(VectorTesting.vectors(rnd, 3, size * size));
        final float[][] vecs = VectorTesting.toFloat(VectorTesting.vectors(rnd, 3, size));
        final float[] denseOut = new float[size];
        final float[] out = new float[n];
        final float[] atol = new float[n];
        java.util.Arrays.fill(atol, 1e-6f);
        final double[] back = new double[n];
        final double[] sink = new double[1];
        final Runnable calls = () -> {
            for (int k = 1; k <= 8; k++) {
                ops.linearCombination(a, x, k, out);
                ops.diagonalCombination(w, x, k, out);
                ops.complexDiagonalCombination(w, x, k, out);
                ops.linearCombination(a, aliased, k, aliased[k - 1]);
            }
            ops.denseCombination(mats, vecs, 3, denseOut);
            sink[0] += ops.maxAbs(out);
            sink[0] += ops.weightedRms(x[0], x[1], 1e-6, 1e-3);
            sink[0] += ops.dot(x[0], x[1]);
            sink[0] += ops.weightedRms(x[0], x[1], atol, 1e-3);
            sink[0] += ops.maxSampleRms(x[0], x[1], 0.5, x[2], 1e-6, 1e-3, 10);
            ops.copy(x[2], out);
            ops.fill(out, 1.5);
            ops.toArray(x[3], back);
        };
        assertNoAllocation(calls, what);
    }

    private static void assertNoAllocation(Runnable calls, String what) {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
            "seed " + SEED + ": no com.sun.management.ThreadMXBean on this JVM");
        final com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(sun.isThreadAllocatedMemorySupported(), "seed " + SEED
            + ": thread allocation counting unsupported");
        sun.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < WARM_UP; i++) {
            calls.run();
        }
        // Reading the counter itself may allocate; measure that overhead and subtract it.
        final long probe0 = sun.getCurrentThreadAllocatedBytes();
        final long probe1 = sun.getCurrentThreadAllocatedBytes();
        final long overhead = probe1 - probe0;
        final long before = sun.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            calls.run();
        }
        final long after = sun.getCurrentThreadAllocatedBytes();
        assertEquals(0, after - before - overhead, "seed " + SEED + ": " + what + " allocated "
            + (after - before - overhead) + " bytes in " + CALLS + " rounds of calls");
    }
}
