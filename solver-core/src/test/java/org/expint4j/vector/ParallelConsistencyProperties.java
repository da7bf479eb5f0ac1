package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation, reductions included, gives the same bits on every thread count and threshold
 * as on the single-thread instance. Unlike the reference tests this needs no model of the
 * summation order, so it also guards the reduction order against thread-dependent changes.
 */
class ParallelConsistencyProperties {

    private static final DoubleVectorOps SERIAL = DoubleVectorOps.serial();
    private static final FloatVectorOps SERIAL_F = FloatVectorOps.serial();
    private static final DoubleVectorOps[] PARALLEL = {
        new DoubleVectorOps(2, 1), new DoubleVectorOps(3, 64), new DoubleVectorOps(4, 64),
        new DoubleVectorOps(7, 500)
    };
    private static final FloatVectorOps[] PARALLEL_F = {
        new FloatVectorOps(2, 1), new FloatVectorOps(4, 64)
    };

    @AfterAll
    static void close() {
        for (DoubleVectorOps ops : PARALLEL) {
            ops.close();
        }
        for (FloatVectorOps ops : PARALLEL_F) {
            ops.close();
        }
    }

    static Stream<Arguments> instances() {
        final int[] lengths = {1, 2, 64, 66, 130, 1000, 2048, 5000, 10 * 1024 + 6, 40000};
        final List<Arguments> list = new ArrayList<>();
        long seed = 0x7a7a0000L;
        for (int n : lengths) {
            list.add(Arguments.of(seed++, n));
        }
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("instances")
    void combinationsMatchSerial(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, 8);
        final double[][] w = VectorTesting.vectors(rnd, 8, n);
        final double[][] x = VectorTesting.vectors(rnd, 8, n);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= 8; k++) {
            final double[] lin = new double[n];
            final double[] diag = new double[n];
            final double[] cplx = new double[n];
            SERIAL.linearCombination(a, x, k, lin);
            SERIAL.diagonalCombination(w, x, k, diag);
            final boolean even = n % 2 == 0;
            if (even) {
                SERIAL.complexDiagonalCombination(w, x, k, cplx);
            }
            final float[] linF = new float[n];
            final float[] diagF = new float[n];
            SERIAL_F.linearCombination(a, xf, k, linF);
            SERIAL_F.diagonalCombination(wf, xf, k, diagF);
            for (DoubleVectorOps ops : PARALLEL) {
                final String where = where(seed, n, ops) + ", k " + k;
                final double[] out = new double[n];
                ops.linearCombination(a, x, k, out);
                assertTrue(VectorTesting.sameBits(lin, out), where + ": linear");
                ops.diagonalCombination(w, x, k, out);
                assertTrue(VectorTesting.sameBits(diag, out), where + ": diagonal");
                if (even) {
                    ops.complexDiagonalCombination(w, x, k, out);
                    assertTrue(VectorTesting.sameBits(cplx, out), where + ": complex");
                }
            }
            for (FloatVectorOps ops : PARALLEL_F) {
                final String where = where(seed, n, ops) + ", k " + k;
                final float[] out = new float[n];
                ops.linearCombination(a, xf, k, out);
                assertTrue(VectorTesting.sameBits(linF, out), where + ": linear");
                ops.diagonalCombination(wf, xf, k, out);
                assertTrue(VectorTesting.sameBits(diagF, out), where + ": diagonal");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void denseMatchesSerial(long seed, int n) {
        final int size = (int) Math.sqrt(n) + 1;
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, 5, size * size);
        final double[][] x = VectorTesting.vectors(rnd, 5, size);
        final double[] expected = new double[size];
        SERIAL.denseCombination(w, x, 5, expected);
        for (DoubleVectorOps ops : PARALLEL) {
            final double[] out = new double[size];
            ops.denseCombination(w, x, 5, out);
            assertTrue(VectorTesting.sameBits(expected, out), where(seed, size, ops) + ": dense");
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void reductionsMatchSerial(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.vector(rnd, n);
        final double[] y = VectorTesting.vector(rnd, n);
        final double[] atol = new double[n];
        for (int i = 0; i < n; i++) {
            atol[i] = Math.abs(VectorTesting.value(rnd)) * 1e-3;
        }
        final float[] xf = VectorTesting.toFloat(x);
        final float[] yf = VectorTesting.toFloat(y);
        final float[] af = VectorTesting.toFloat(atol);
        final double max = SERIAL.maxAbs(x);
        final double rms = SERIAL.weightedRms(x, y, 1e-6, 1e-3);
        final double rmsVector = SERIAL.weightedRms(x, y, atol, 1e-3);
        final double rmsF = SERIAL_F.weightedRms(xf, yf, 1e-6, 1e-3);
        final double rmsVectorF = SERIAL_F.weightedRms(xf, yf, af, 1e-3);
        final int[] sampleCounts = divisors(n);
        final double[] perSample = new double[sampleCounts.length];
        final double[] perSampleF = new double[sampleCounts.length];
        for (int s = 0; s < sampleCounts.length; s++) {
            perSample[s] = SERIAL.maxSampleRms(x, y, 0.7, atol, 1e-6, 1e-3, sampleCounts[s]);
            perSampleF[s] = SERIAL_F.maxSampleRms(xf, yf, 0.7, af, 1e-6, 1e-3, sampleCounts[s]);
        }
        for (DoubleVectorOps ops : PARALLEL) {
            final String where = where(seed, n, ops);
            assertEquals(max, ops.maxAbs(x), 0, where + ": maxAbs");
            assertEquals(Double.doubleToLongBits(rms),
                Double.doubleToLongBits(ops.weightedRms(x, y, 1e-6, 1e-3)), where + ": rms");
            assertEquals(Double.doubleToLongBits(rmsVector),
                Double.doubleToLongBits(ops.weightedRms(x, y, atol, 1e-3)),
                where + ": rms(atol_i)");
            for (int s = 0; s < sampleCounts.length; s++) {
                assertEquals(Double.doubleToLongBits(perSample[s]), Double.doubleToLongBits(
                    ops.maxSampleRms(x, y, 0.7, atol, 1e-6, 1e-3, sampleCounts[s])),
                    where + ": maxSampleRms, samples " + sampleCounts[s]);
            }
        }
        for (FloatVectorOps ops : PARALLEL_F) {
            final String where = where(seed, n, ops);
            assertEquals(SERIAL_F.maxAbs(xf), ops.maxAbs(xf), 0, where + ": maxAbs");
            assertEquals(Double.doubleToLongBits(rmsF),
                Double.doubleToLongBits(ops.weightedRms(xf, yf, 1e-6, 1e-3)), where + ": rms");
            assertEquals(Double.doubleToLongBits(rmsVectorF),
                Double.doubleToLongBits(ops.weightedRms(xf, yf, af, 1e-3)),
                where + ": rms(atol_i)");
            for (int s = 0; s < sampleCounts.length; s++) {
                assertEquals(Double.doubleToLongBits(perSampleF[s]), Double.doubleToLongBits(
                    ops.maxSampleRms(xf, yf, 0.7, af, 1e-6, 1e-3, sampleCounts[s])),
                    where + ": maxSampleRms, samples " + sampleCounts[s]);
            }
        }
    }

    /** A closed instance keeps working on the calling thread, with the same results. */
    @Test
    void closedInstanceFallsBackToOneThread() {
        final long seed = 0x7a7a1000L;
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = 20000;
        final double[] a = VectorTesting.vector(rnd, 6);
        final double[][] x = VectorTesting.vectors(rnd, 6, n);
        final double[] expected = new double[n];
        SERIAL.linearCombination(a, x, 6, expected);
        final DoubleVectorOps ops = new DoubleVectorOps(3, 64);
        final double[] out = new double[n];
        ops.linearCombination(a, x, 6, out);
        assertTrue(VectorTesting.sameBits(expected, out), "seed " + seed + ": before close");
        ops.close();
        ops.close();
        ops.linearCombination(a, x, 6, out);
        assertTrue(VectorTesting.sameBits(expected, out), "seed " + seed + ": after close");
        assertEquals(SERIAL.weightedRms(x[0], x[1], 1e-6, 1e-3),
            ops.weightedRms(x[0], x[1], 1e-6, 1e-3), 0, "seed " + seed + ": after close");
    }

    /** @return the divisors of n up to 64, and n itself (one element per sample) */
    private static int[] divisors(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
            .filter(s -> n % s == 0 && (s <= 64 || s == n)).toArray();
    }

    private static String where(long seed, int n, VectorOps<?> ops) {
        return "seed " + seed + ", " + CombinationProperties.describe(ops) + ", length " + n;
    }
}
