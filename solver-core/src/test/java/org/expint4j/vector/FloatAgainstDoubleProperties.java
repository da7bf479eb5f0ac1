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
 * The float backend stays within the standard rounding-error bound of the double backend. With
 * \(u = 2^{-24}\), a sum of \(k\) products whose inputs are rounded to float once satisfies
 * \[ |\hat s - s| \le \gamma_{k+2} \sum_j |a_j x_j|, \qquad \gamma_m = \frac{m u}{1 - m u}, \]
 * (two input roundings and one product rounding per term, \(k-1\) additions). The tests allow
 * \((k+3)\,u \sum_j |a_j x_j|\), which also covers \(\gamma\)'s denominator and the double
 * result's own error; complex terms have one more rounding (the subtraction or addition inside
 * the product), dense sums \(k n\) products. The reductions compute in double and are compared
 * exactly in {@link ReductionProperties}.
 */
class FloatAgainstDoubleProperties {

    private static final double U = 0x1p-24;
    private static final DoubleVectorOps DOUBLE = DoubleVectorOps.serial();
    private static final FloatVectorOps[] FLOAT = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64)
    };

    @AfterAll
    static void close() {
        FLOAT[1].close();
    }

    static Stream<Arguments> instances() {
        final int[] lengths = {1, 2, 10, 64, 100, 1026, 5000};
        return LongStream.range(0, lengths.length)
            .mapToObj(i -> Arguments.of(0xf10a7000L + i, lengths[(int) i]));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void elementwiseWithinBound(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] a = VectorTesting.vector(rnd, 8);
        final double[][] w = VectorTesting.vectors(rnd, 8, n);
        final double[][] x = VectorTesting.vectors(rnd, 8, n);
        final float[][] wf = VectorTesting.toFloat(w);
        final float[][] xf = VectorTesting.toFloat(x);
        for (FloatVectorOps ops : FLOAT) {
            for (int k = 1; k <= 8; k++) {
                final String where = "seed " + seed + ", " + CombinationProperties.describe(ops)
                    + ", length " + n + ", k " + k;
                final double[] d = new double[n];
                final float[] f = new float[n];
                DOUBLE.linearCombination(a, x, k, d);
                ops.linearCombination(a, xf, k, f);
                for (int i = 0; i < n; i++) {
                    double scale = 0;
                    for (int j = 0; j < k; j++) {
                        scale += Math.abs(a[j] * x[j][i]);
                    }
                    check(d[i], f[i], (k + 3) * U * scale, where + ", linear, index " + i);
                }
                DOUBLE.diagonalCombination(w, x, k, d);
                ops.diagonalCombination(wf, xf, k, f);
                for (int i = 0; i < n; i++) {
                    double scale = 0;
                    for (int j = 0; j < k; j++) {
                        scale += Math.abs(w[j][i] * x[j][i]);
                    }
                    check(d[i], f[i], (k + 3) * U * scale, where + ", diagonal, index " + i);
                }
                if (n % 2 == 0) {
                    DOUBLE.complexDiagonalCombination(w, x, k, d);
                    ops.complexDiagonalCombination(wf, xf, k, f);
                    for (int i = 0; i < n; i += 2) {
                        double scale = 0;
                        for (int j = 0; j < k; j++) {
                            scale += Math.abs(w[j][i] * x[j][i])
                                + Math.abs(w[j][i + 1] * x[j][i + 1])
                                + Math.abs(w[j][i] * x[j][i + 1])
                                + Math.abs(w[j][i + 1] * x[j][i]);
                        }
                        check(d[i], f[i], (k + 4) * U * scale, where + ", complex re, index " + i);
                        check(d[i + 1], f[i + 1], (k + 4) * U * scale,
                            where + ", complex im, index " + i);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void denseWithinBound(long seed, int len) {
        final int n = Math.min(len, 40);
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[][] w = VectorTesting.vectors(rnd, 3, n * n);
        final double[][] x = VectorTesting.vectors(rnd, 3, n);
        final double[] d = new double[n];
        final float[] f = new float[n];
        DOUBLE.denseCombination(w, x, 3, d);
        FLOAT[1].denseCombination(VectorTesting.toFloat(w), VectorTesting.toFloat(x), 3, f);
        for (int r = 0; r < n; r++) {
            double scale = 0;
            for (int j = 0; j < 3; j++) {
                for (int c = 0; c < n; c++) {
                    scale += Math.abs(w[j][r * n + c] * x[j][c]);
                }
            }
            check(d[r], f[r], (3 * n + 3) * U * scale, "seed " + seed + ", dense n " + n
                + ", row " + r);
        }
    }

    private static void check(double expected, float actual, double bound, String where) {
        final double error = Math.abs(actual - expected);
        assertTrue(error <= bound, where + ": |float - double| = " + error + " > bound " + bound);
    }
}
