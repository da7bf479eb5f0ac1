package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense combination equals a naive matrix-vector loop bit for bit, single- and
 * multi-threaded (threshold 64 multiply-adds, so every matrix from \(n = 8\) on is split by rows).
 */
class DenseCombinationProperties {

    private static final int MAX_K = 8;
    private static final DoubleVectorOps SERIAL = DoubleVectorOps.serial();
    private static final DoubleVectorOps PARALLEL = new DoubleVectorOps(4, 64);
    private static final FloatVectorOps SERIAL_F = FloatVectorOps.serial();
    private static final FloatVectorOps PARALLEL_F = new FloatVectorOps(4, 64);

    @AfterAll
    static void close() {
        PARALLEL.close();
        PARALLEL_F.close();
    }

    static Stream<Arguments> instances() {
        final int[] sizes = {0, 1, 2, 3, 7, 8, 16, 33, 64, 101};
        return LongStream.range(0, sizes.length)
            .mapToObj(i -> Arguments.of(0xde75e000L + i, sizes[(int) i]));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void matchesNaiveLoop(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, MAX_K + 1, n * n);
        final double[][] x = VectorTesting.vectors(rnd, MAX_K + 1, n);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (int k = 1; k <= MAX_K; k++) {
            final int terms = k;
            final double[] expected = VectorTesting.dense(w, x, k, n);
            final float[] expectedF = VectorTesting.dense(wf, xf, k, n);
            for (DoubleVectorOps ops : new DoubleVectorOps[] {SERIAL, PARALLEL}) {
                final double[] out = new double[n];
                ops.denseCombination(w, x, k, out);
                assertTrue(VectorTesting.sameBits(expected, out), () -> "seed " + seed + ": dense"
                    + " with n = " + n + ", k = " + terms + " on "
                    + CombinationProperties.describe(ops) + ", first difference at row "
                    + VectorTesting.firstDifference(expected, out));
            }
            for (FloatVectorOps ops : new FloatVectorOps[] {SERIAL_F, PARALLEL_F}) {
                final float[] out = new float[n];
                ops.denseCombination(wf, xf, k, out);
                assertTrue(VectorTesting.sameBits(expectedF, out), () -> "seed " + seed + ": dense"
                    + " with n = " + n + ", k = " + terms + " on "
                    + CombinationProperties.describe(ops) + ", first difference at row "
                    + VectorTesting.firstDifference(expectedF, out));
            }
        }
    }

    /** Row sums that are exact in any order: an identity matrix reproduces its vector. */
    @ParameterizedTest
    @MethodSource("instances")
    void identityMatrixReproducesVector(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] eye = new double[n * n];
        for (int r = 0; r < n; r++) {
            eye[r * n + r] = 1;
        }
        final double[] x = VectorTesting.vector(rnd, n);
        final double[] out = new double[n];
        PARALLEL.denseCombination(new double[][] {eye}, new double[][] {x}, 1, out);
        for (int r = 0; r < n; r++) {
            // 0 * x + ... + 1 * x_r + ... is exact, up to the sign of a zero.
            assertTrue(out[r] == x[r], "seed " + seed + ": row " + r);
        }
    }
}
