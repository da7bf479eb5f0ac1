package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The element-wise operations may write into any of their inputs ({@code out == x[j]} or
 * {@code out == w[j]}, for every position {@code j} and {@code k = 1..8}, across tiles and
 * threads) and give the result computed from unaliased copies; the dense combination rejects an
 * output that is one of its vectors.
 */
class AliasingProperties {

    private static final DoubleVectorOps[] DOUBLE_OPS = {
        DoubleVectorOps.serial(), new DoubleVectorOps(4, 64)
    };
    private static final FloatVectorOps[] FLOAT_OPS = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64)
    };

    @AfterAll
    static void close() {
        DOUBLE_OPS[1].close();
        FLOAT_OPS[1].close();
    }

    static Stream<Arguments> instances() {
        return Stream.of(Arguments.of(0xa11a5000L, 2), Arguments.of(0xa11a5001L, 34),
            Arguments.of(0xa11a5002L, 130), Arguments.of(0xa11a5003L, 1538));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void doubleOutputMayBeAnyInput(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, 8);
        final double[][] w0 = VectorTesting.vectors(rnd, 8, n);
        final double[][] x0 = VectorTesting.vectors(rnd, 8, n);
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            for (int k = 1; k <= 8; k++) {
                final double[] lin = VectorTesting.linear(a, x0, k, n);
                final double[] diag = VectorTesting.diagonal(w0, x0, k, n);
                final double[] cplx = new double[n];
                DoubleVectorOps.serial().complexDiagonalCombination(w0, x0, k, cplx);
                for (int j = 0; j < k; j++) {
                    final String where = "seed " + seed + ", " + CombinationProperties.describe(ops)
                        + ", length " + n + ", k " + k + ", out aliases ";
                    double[][] x = VectorTesting.copies(x0);
                    ops.linearCombination(a, x, k, x[j]);
                    assertTrue(VectorTesting.sameBits(lin, x[j]), where + "x[" + j + "] (linear)");
                    double[][] w = VectorTesting.copies(w0);
                    x = VectorTesting.copies(x0);
                    ops.diagonalCombination(w, x, k, x[j]);
                    assertTrue(VectorTesting.sameBits(diag, x[j]), where + "x[" + j + "] (diag)");
                    x = VectorTesting.copies(x0);
                    ops.diagonalCombination(w, x, k, w[j]);
                    assertTrue(VectorTesting.sameBits(diag, w[j]), where + "w[" + j + "] (diag)");
                    w = VectorTesting.copies(w0);
                    ops.complexDiagonalCombination(w, x, k, x[j]);
                    assertTrue(VectorTesting.sameBits(cplx, x[j]),
                        where + "x[" + j + "] (complex)");
                    x = VectorTesting.copies(x0);
                    ops.complexDiagonalCombination(w, x, k, w[j]);
                    assertTrue(VectorTesting.sameBits(cplx, w[j]),
                        where + "w[" + j + "] (complex)");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void floatOutputMayBeAnyInput(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, 8);
        final float[][] w0 = VectorTesting.toFloat(VectorTesting.vectors(rnd, 8, n));
        final float[][] x0 = VectorTesting.toFloat(VectorTesting.vectors(rnd, 8, n));
        for (FloatVectorOps ops : FLOAT_OPS) {
            for (int k = 1; k <= 8; k++) {
                final float[] lin = VectorTesting.linear(a, x0, k, n);
                final float[] diag = VectorTesting.diagonal(w0, x0, k, n);
                final float[] cplx = VectorTesting.complex(w0, x0, k, n);
                for (int j = 0; j < k; j++) {
                    final String where = "seed " + seed + ", " + CombinationProperties.describe(ops)
                        + ", length " + n + ", k " + k + ", out aliases ";
                    float[][] x = VectorTesting.copies(x0);
                    ops.linearCombination(a, x, k, x[j]);
                    assertTrue(VectorTesting.sameBits(lin, x[j]), where + "x[" + j + "] (linear)");
                    float[][] w = VectorTesting.copies(w0);
                    x = VectorTesting.copies(x0);
                    ops.diagonalCombination(w, x, k, w[j]);
                    assertTrue(VectorTesting.sameBits(diag, w[j]), where + "w[" + j + "] (diag)");
                    w = VectorTesting.copies(w0);
                    ops.complexDiagonalCombination(w, x, k, x[j]);
                    assertTrue(VectorTesting.sameBits(cplx, x[j]),
                        where + "x[" + j + "] (complex)");
                }
            }
        }
    }

    /** The same vector may also appear several times among the inputs. */
    @ParameterizedTest
    @MethodSource("instances")
    void repeatedInputs(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, 8);
        final double[] v = VectorTesting.vector(rnd, n);
        final double[][] x = {v, v, v, v, v, v, v, v};
        final double[] expected = VectorTesting.linear(a, x, 8, n);
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            final double[] out = v.clone();
            final double[][] aliased = {out, out, out, out, out, out, out, out};
            ops.linearCombination(a, aliased, 8, out);
            assertTrue(VectorTesting.sameBits(expected, out), "seed " + seed + ", "
                + CombinationProperties.describe(ops) + ", length " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void denseRejectsOutputAmongVectors(long seed, int n) {
        final int size = Math.min(n, 20);
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, 3, size * size);
        final double[][] x = VectorTesting.vectors(rnd, 3, size);
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            for (int j = 0; j < 3; j++) {
                final double[] out = x[j];
                final int jj = j;
                final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ops.denseCombination(w, x, 3, out), "seed " + seed);
                assertTrue(e.getMessage().contains("x[" + jj + "]"), "seed " + seed + ": "
                    + e.getMessage());
            }
        }
    }
}
