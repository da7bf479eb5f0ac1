package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reductions: {@code maxAbs} equals the exact maximum; the weighted RMS norms and the batch
 * error norm {@code maxSampleRms} equal the documented blocked summation bit for bit and plain summation within rounding (relative
 * \(10^{-13}\)); float backends return exactly the double result on float-representable data.
 */
class ReductionProperties {

    /** Relative distance allowed between blocked and plain summation of positive terms. */
    private static final double SUMMATION_TOLERANCE = 1e-13;

    private static final DoubleVectorOps[] DOUBLE_OPS = {
        DoubleVectorOps.serial(), new DoubleVectorOps(4, 64), new DoubleVectorOps()
    };
    private static final FloatVectorOps[] FLOAT_OPS = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64)
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

    static Stream<Arguments> instances() {
        final int[] lengths = {0, 1, 2, 3, 100, 1023, 1024, 1025, 3000, 4096, 10 * 1024 + 17,
            65536, 70001};
        final List<Arguments> list = new ArrayList<>();
        long seed = 0x4ed0c000L;
        for (int n : lengths) {
            list.add(Arguments.of(seed++, n));
        }
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("instances")
    void maxAbsIsTheExactMaximum(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.floatValues(rnd, n);
        double expected = 0;
        for (double v : x) {
            expected = Math.max(expected, Math.abs(v));
        }
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            assertEquals(expected, ops.maxAbs(x), "seed " + seed + ", " + describe(ops, n));
        }
        for (FloatVectorOps ops : FLOAT_OPS) {
            assertEquals(expected, ops.maxAbs(VectorTesting.toFloat(x)),
                "seed " + seed + ", " + describe(ops, n));
        }
        if (n > 0) {
            final int at = rnd.nextInt(n);
            x[at] = Double.NaN;
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                assertTrue(Double.isNaN(ops.maxAbs(x)), "seed " + seed + ": NaN at " + at + ", "
                    + describe(ops, n));
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                assertTrue(Double.isNaN(ops.maxAbs(VectorTesting.toFloat(x))), "seed " + seed
                    + ": NaN at " + at + ", " + describe(ops, n));
            }
            x[at] = Double.NEGATIVE_INFINITY;
            assertEquals(Double.POSITIVE_INFINITY, DOUBLE_OPS[1].maxAbs(x), "seed " + seed);
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void weightedRmsIsTheBlockedSum(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.floatValues(rnd, n);
        final double[] y = VectorTesting.floatValues(rnd, n);
        // Some exact agreement, and zeros that meet atol = 0 below.
        for (int i = 0; i < n; i += 1 + rnd.nextInt(9)) {
            y[i] = x[i];
        }
        final double[] atolVector = VectorTesting.floatValues(rnd, n);
        for (int i = 0; i < n; i++) {
            atolVector[i] = Math.abs(atolVector[i]);
        }
        final float[] xf = VectorTesting.toFloat(x);
        final float[] yf = VectorTesting.toFloat(y);
        final float[] af = VectorTesting.toFloat(atolVector);
        final double[][] tolerances = {{1e-6, 1e-3}, {0, 1e-4}, {1e-2, 0}};
        for (double[] tol : tolerances) {
            final double expected = VectorTesting.rmsBlocked(x, y, null, tol[0], tol[1], 0, n);
            final double naive = VectorTesting.rmsNaive(x, y, null, tol[0], tol[1]);
            assertEquals(naive, expected, SUMMATION_TOLERANCE * naive, "seed " + seed);
            final double expectedVector = VectorTesting.rmsBlocked(x, y, atolVector, 0, 1e-3, 0,
                n);
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final String where = "seed " + seed + ", atol " + tol[0] + ", rtol " + tol[1]
                    + ", " + describe(ops, n);
                assertEquals(expected, ops.weightedRms(x, y, tol[0], tol[1]), 0, where);
                assertEquals(expectedVector, ops.weightedRms(x, y, atolVector, 1e-3), 0, where);
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                final String where = "seed " + seed + ", atol " + tol[0] + ", rtol " + tol[1]
                    + ", " + describe(ops, n);
                assertEquals(expected, ops.weightedRms(xf, yf, tol[0], tol[1]), 0, where);
                assertEquals(expectedVector, ops.weightedRms(xf, yf, af, 1e-3), 0, where);
            }
        }
    }

    /** The batch error norm in the documented blocked order, bit for bit, for every split. */
    @ParameterizedTest
    @MethodSource("instances")
    void maxSampleRmsIsTheMaximumOfTheBlockedNorms(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.floatValues(rnd, n);
        final double[] y = VectorTesting.floatValues(rnd, n);
        final double[] r = VectorTesting.floatValues(rnd, n);
        final float[] xf = VectorTesting.toFloat(x);
        final float[] yf = VectorTesting.toFloat(y);
        final float[] rf = VectorTesting.toFloat(r);
        final double scale = -0.625;
        for (int samples = 1; samples <= Math.max(1, n); samples++) {
            if (n % samples != 0 || samples > 40 && samples != n) {
                continue;
            }
            final int m = n / samples;
            double expected = 0;
            for (int b = 0; b < samples; b++) {
                double sum = 0;
                for (int from = b * m; from < (b + 1) * m; from += CpuVectorOps.BLOCK) {
                    double block = 0;
                    for (int i = from; i < Math.min((b + 1) * m, from + CpuVectorOps.BLOCK); i++) {
                        final double xs = scale * x[i];
                        final double ys = scale * y[i];
                        final double e = (xs - ys) / Math.max(1e-5, 1e-2 * Math.max(Math.abs(ys),
                            Math.abs(r[i])));
                        block = block + e * e;
                    }
                    sum = sum + block;
                }
                expected = Math.max(expected, m == 0 ? 0 : Math.sqrt(sum / m));
            }
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(
                    ops.maxSampleRms(x, y, scale, r, 1e-5, 1e-2, samples)),
                    "seed " + seed + ", samples " + samples + ", " + describe(ops, n));
            }
            for (FloatVectorOps ops : FLOAT_OPS) {
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(
                    ops.maxSampleRms(xf, yf, scale, rf, 1e-5, 1e-2, samples)),
                    "seed " + seed + ", samples " + samples + ", " + describe(ops, n));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void nanPropagatesAndAgreementCountsAsNoError(long seed, int n) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.vector(rnd, n);
        final double[] zero = new double[n];
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            // atol = 0 makes the scale of a zero component 0; agreement must still count as 0.
            assertEquals(0, ops.weightedRms(zero, zero, 0, 1e-3), 0, "seed " + seed);
            assertEquals(0, ops.weightedRms(x, x, 0, 1e-3), 0, "seed " + seed);
            assertEquals(0, ops.weightedRms(x, x, zero, 1e-3), 0, "seed " + seed);
        }
        if (n == 0) {
            return;
        }
        final double[] y = x.clone();
        y[rnd.nextInt(n)] = Double.NaN;
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            assertTrue(Double.isNaN(ops.weightedRms(x, y, 1e-6, 1e-3)), "seed " + seed);
            final double[] atol = new double[n];
            Arrays.fill(atol, 1e-6);
            assertTrue(Double.isNaN(ops.weightedRms(x, y, atol, 1e-3)), "seed " + seed);
            // One NaN sample among n makes the maximum NaN, wherever it is.
            assertTrue(Double.isNaN(ops.maxSampleRms(x, y, 1, x, 1e-6, 1e-3, n)), "seed " + seed);
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void invalidComponentToleranceIsNamed(long seed, int n) {
        if (n == 0) {
            return;
        }
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] x = VectorTesting.vector(rnd, n);
        final double[] y = VectorTesting.vector(rnd, n);
        final int at = rnd.nextInt(n);
        final double[][] cases = {{-1e-3, 1e-3}, {Double.NaN, 1e-3}, {0, 0}};
        for (double[] c : cases) {
            final double[] atol = new double[n];
            Arrays.fill(atol, 1e-6);
            atol[at] = c[0];
            for (DoubleVectorOps ops : DOUBLE_OPS) {
                final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ops.weightedRms(x, y, atol, c[1]), "seed " + seed);
                assertTrue(e.getMessage().contains("atol[" + at + "]"), "seed " + seed + ": "
                    + e.getMessage());
            }
            final float[] af = VectorTesting.toFloat(atol);
            for (FloatVectorOps ops : FLOAT_OPS) {
                final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ops.weightedRms(VectorTesting.toFloat(x), VectorTesting.toFloat(y), af,
                        c[1]), "seed " + seed);
                assertTrue(e.getMessage().contains("atol[" + at + "]"), "seed " + seed + ": "
                    + e.getMessage());
            }
        }
    }

    private static String describe(VectorOps<?> ops, int n) {
        return CombinationProperties.describe(ops) + ", length " + n;
    }
}
