package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element-wise fused sums equal the straightforward reference loops of {@link VectorTesting}
 * bit for bit, for {@code k = 1..8} and lengths around every boundary of the implementation (the
 * unrolled groups, the tiles, the chunk alignment and the parallel thresholds 64, 1000 and the
 * default), on a single-thread and several multi-threaded instances.
 */
class CombinationProperties {

    private static final int MAX_K = 8;

    private static final DoubleVectorOps[] DOUBLE_OPS = {
        DoubleVectorOps.serial(), new DoubleVectorOps(4, 64), new DoubleVectorOps(3, 1000),
        new DoubleVectorOps()
    };
    private static final FloatVectorOps[] FLOAT_OPS = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64), new FloatVectorOps(3, 1000),
        new FloatVectorOps()
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

    /** Seeds paired with lengths; the complex tests use twice the length. */
    static Stream<Arguments> instances() {
        final int[] lengths = {0, 1, 2, 3, 5, 15, 16, 17, 63, 64, 65, 100, 511, 512, 513, 999, 1000,
            1001, 1027, 4099, 65535, 65536, 65537};
        final List<Arguments> list = new ArrayList<>();
        long seed = 0x5eed0000L;
        for (int n : lengths) {
            list.add(Arguments.of(seed++, n));
        }
        for (int i = 0; i < 6; i++) {
            list.add(Arguments.of(seed, new SplittableRandom(seed).nextInt(1, 3000)));
            seed++;
        }
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("instances")
    void linearMatchesReference(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        // One spare entry beyond k: entries past k must be ignored.
        final double[] a = VectorTesting.vector(rnd, MAX_K + 1);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            final int terms = k;
            final double[] expected = VectorTesting.linear(a, x, k, n);
            final float[] expectedF = VectorTesting.linear(a, xf, k, n);
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] out = new double[n];
                ops.linearCombination(a, x, k, out);
                assertTrue(VectorTesting.sameBits(expected, out), () -> message(seed, n, terms,
                    ops, "linear", VectorTesting.firstDifference(expected, out)));
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final float[] out = new float[n];
                ops.linearCombination(a, xf, k, out);
                assertTrue(VectorTesting.sameBits(expectedF, out), () -> message(seed, n, terms,
                    ops, "linear", VectorTesting.firstDifference(expectedF, out)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void diagonalMatchesReference(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            final int terms = k;
            final double[] expected = VectorTesting.diagonal(w, x, k, n);
            final float[] expectedF = VectorTesting.diagonal(wf, xf, k, n);
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] out = new double[n];
                ops.diagonalCombination(w, x, k, out);
                assertTrue(VectorTesting.sameBits(expected, out), () -> message(seed, n, terms,
                    ops, "diagonal", VectorTesting.firstDifference(expected, out)));
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final float[] out = new float[n];
                ops.diagonalCombination(wf, xf, k, out);
                assertTrue(VectorTesting.sameBits(expectedF, out), () -> message(seed, n, terms,
                    ops, "diagonal", VectorTesting.firstDifference(expectedF, out)));
            }
        }
    }

    /**
     * Double: against commons-math {@link Complex}, whose multiply and add use the documented
     * formulas; float: against the reference loop.
     */
    @ParameterizedTest
    @MethodSource("instances")
    void complexMatchesComplexArithmetic(long seed, int m) {
        final int n = 2 * m;
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            final int terms = k;
            final double[] expected = new double[n];
            for (int e = 0; e < m; e++) {
                Complex sum = null;
                for (int j = 0; j < k; j++) {
                    final Complex t = new Complex(w[j][2 * e], w[j][2 * e + 1])
                        .multiply(new Complex(x[j][2 * e], x[j][2 * e + 1]));
                    sum = sum == null ? t : sum.add(t);
                }
                expected[2 * e] = sum.getReal();
                expected[2 * e + 1] = sum.getImaginary();
            }
            final float[] expectedF = VectorTesting.complex(wf, xf, k, n);
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] out = new double[n];
                ops.complexDiagonalCombination(w, x, k, out);
                assertTrue(VectorTesting.sameBits(expected, out), () -> message(seed, n, terms,
                    ops, "complex", VectorTesting.firstDifference(expected, out)));
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final float[] out = new float[n];
                ops.complexDiagonalCombination(wf, xf, k, out);
                assertTrue(VectorTesting.sameBits(expectedF, out), () -> message(seed, n, terms,
                    ops, "complex", VectorTesting.firstDifference(expectedF, out)));
            }
        }
    }

    /** Rounding, NaN and infinities flow through the sums as in the reference. */
    @ParameterizedTest
    @MethodSource("instances")
    void specialValuesPropagate(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            -0.0, Double.MIN_VALUE, Double.MAX_VALUE};
        final double[] a = VectorTesting.vector(rnd, MAX_K);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K, n);
        for (double[] v : x) {
            for (int i = 0; i < n; i += 1 + rnd.nextInt(7)) {
                v[i] = specials[rnd.nextInt(specials.length)];
            }
        }
        for (int k = 1; k <= MAX_K; k++) {
            final int terms = k;
            final double[] expected = VectorTesting.linear(a, x, k, n);
            final double[] expectedD = VectorTesting.diagonal(x, x, k, n);
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final double[] out = new double[n];
                ops.linearCombination(a, x, k, out);
                assertTrue(VectorTesting.sameBits(expected, out), () -> message(seed, n, terms,
                    ops, "linear", VectorTesting.firstDifference(expected, out)));
                ops.diagonalCombination(x, x, k, out);
                assertTrue(VectorTesting.sameBits(expectedD, out), () -> message(seed, n, terms,
                    ops, "diagonal", VectorTesting.firstDifference(expectedD, out)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void copyFillAndConversions(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] v = VectorTesting.vector(rnd, n);
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            final double[] d = ops.fromArray(v);
            final double[] back = new double[n];
            ops.toArray(d, back);
            assertTrue(VectorTesting.sameBits(v, back), "seed " + seed);
            ops.fill(d, 2.5);
            ops.copy(d, back);
            for (double e : back) {
                assertEquals(2.5, e, "seed " + seed);
            }
            assertEquals(n, ops.length(ops.allocate(n)), "seed " + seed);
        }
        for (FloatVectorOps ops : FLOAT_OPS) {
            final float[] f = ops.fromArray(v);
            final double[] back = new double[n];
            ops.toArray(f, back);
            for (int i = 0; i < n; i++) {
                assertEquals((float) v[i], back[i], "seed " + seed + ", index " + i);
            }
            ops.fill(f, 0.1);
            final float[] g = ops.allocate(n);
            ops.copy(f, g);
            for (float e : g) {
                assertEquals(0.1f, e, "seed " + seed);
            }
        }
    }

    private static String message(long seed, int n, int k, VectorOps<?> ops, String what,
                                  int index) {
        return "seed " + seed + ": " + what + " with k = " + k + " on " + describe(ops)
            + ", length " + n + ", first difference at index " + index;
    }

    static String describe(VectorOps<?> ops) {
        if (ops instanceof CpuVectorOps) {
            final CpuVectorOps<?> cpu = (CpuVectorOps<?>) ops;
            return ops.name() + "(parallelism " + cpu.parallelism() + ", threshold "
                + cpu.parallelThreshold() + ")";
        }
        return ops.name();
    }
}
