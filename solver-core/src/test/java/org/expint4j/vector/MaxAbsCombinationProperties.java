package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sums that also return \( \max_i |\mathrm{out}_i| \) write exactly the bits of the plain
 * sums and return exactly {@code maxAbs} of the result, for {@code k = 1..8} (one pass and tiled
 * passes), single- and multi-threaded, with NaN, infinities and negative zeros planted in the
 * inputs.
 */
class MaxAbsCombinationProperties {

    private static final int MAX_K = 8;

    private static final DoubleVectorOps[] DOUBLE_OPS = {
        DoubleVectorOps.serial(), new DoubleVectorOps(4, 64), new DoubleVectorOps(3, 1000)
    };
    private static final FloatVectorOps[] FLOAT_OPS = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64), new FloatVectorOps(3, 1000)
    };

    @AfterAll
    static void close() {
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            ops.close();
        }
        for (FloatVectorOps ops : FLOAT_OPS) {
            ops.close();
        }
    }

    /** Seed, length, and what to plant: 0 nothing, 1 a NaN, 2 an infinity, 3 only zeros. */
    static Stream<Arguments> instances() {
        final int[] lengths = {0, 1, 3, 17, 511, 513, 1000, 1027, 4099, 65537};
        final List<Arguments> list = new ArrayList<>();
        long seed = 0x3a40000L;
        for (int n : lengths) {
            for (int plant = 0; plant < 4; plant++) {
                list.add(Arguments.of(seed++, n, plant));
            }
        }
        return list.stream();
    }

    private static void plant(SplittableRandom rnd, double[][] x, int n, int plant) {
        if (n == 0) {
            return;
        }
        if (plant == 3) {
            for (double[] v : x) {
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextBoolean() ? 0.0 : -0.0;
                }
            }
        } else if (plant > 0) {
            x[rnd.nextInt(x.length)][rnd.nextInt(n)] = plant == 1 ? Double.NaN
                : rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void linearMaxAbsIsTheSumAndItsMaximum(long seed, int n, int plant) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, MAX_K);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K, n);
        plant(rnd, x, n, plant);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] plain = new double[n];
                final double[] fused = new double[n];
                ops.linearCombination(a, x, k, plain);
                final double max = ops.linearCombinationMaxAbs(a, x, k, fused);
                final String where = "seed " + seed + ", n " + n + ", k " + k + ", " + ops.parallelism()
                    + " threads";
                assertTrue(VectorTesting.sameBits(plain, fused), where);
                assertEquals(ops.maxAbs(plain), max, 0.0, where);
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final float[] plain = new float[n];
                final float[] fused = new float[n];
                ops.linearCombination(a, xf, k, plain);
                final double max = ops.linearCombinationMaxAbs(a, xf, k, fused);
                final String where = "float, seed " + seed + ", n " + n + ", k " + k;
                assertTrue(VectorTesting.sameBits(plain, fused), where);
                assertEquals(ops.maxAbs(plain), max, 0.0, where);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void diagonalMaxAbsIsTheSumAndItsMaximum(long seed, int n, int plant) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, MAX_K, n);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K, n);
        plant(rnd, x, n, plant);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] plain = new double[n];
                final double[] fused = new double[n];
                ops.diagonalCombination(w, x, k, plain);
                final double max = ops.diagonalCombinationMaxAbs(w, x, k, fused);
                final String where = "seed " + seed + ", n " + n + ", k " + k + ", " + ops.parallelism()
                    + " threads";
                assertTrue(VectorTesting.sameBits(plain, fused), where);
                assertEquals(ops.maxAbs(plain), max, 0.0, where);
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final float[] plain = new float[n];
                final float[] fused = new float[n];
                ops.diagonalCombination(wf, xf, k, plain);
                final double max = ops.diagonalCombinationMaxAbs(wf, xf, k, fused);
                final String where = "float, seed " + seed + ", n " + n + ", k " + k;
                assertTrue(VectorTesting.sameBits(plain, fused), where);
                assertEquals(ops.maxAbs(plain), max, 0.0, where);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void outputMayAliasAnInput(long seed, int n, int plant) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, MAX_K);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K, n);
        plant(rnd, x, n, plant);
        for (int k = 1; k <= MAX_K; k++) {
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] expected = new double[n];
                ops.linearCombination(a, x, k, expected);
                final double[][] copy = VectorTesting.copies(x);
                // out is the last term: with k > 4 that term is read in a later pass of each tile.
                final double max = ops.linearCombinationMaxAbs(a, copy, k, copy[k - 1]);
                final String where = "seed " + seed + ", n " + n + ", k " + k;
                assertTrue(VectorTesting.sameBits(expected, copy[k - 1]), where);
                assertEquals(ops.maxAbs(expected), max, 0.0, where);
            }
        }
    }
}
