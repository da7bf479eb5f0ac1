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
 * {@link VectorOps#maxSampleRms}, the error norm of adaptive DPM-Solver, against the plain loop
 * that the sampler ran on the host before the norm became a backend reduction (written out in
 * {@link #hostLoop}): bit-identical for a sample length \(d \le 1024\) (one block, the same
 * left-to-right sum), and within \((d + 4)\, 2^{-53}\) relative otherwise, where the backend sums
 * in blocks of 1024: each of the two sums of \(d\) positive terms is within \((d-1)\,2^{-53}\)
 * relative of the exact one, and the division and the square root (which halves a relative
 * error) add a few roundings. Non-finite inputs give NaN, overflow with finite inputs
 * \(+\infty\), on every CPU backend (serial and multi-threaded, double and float vectors).
 */
class MaxSampleRmsProperties {

    private static final DoubleVectorOps[] DOUBLE_OPS = {
        DoubleVectorOps.serial(), new DoubleVectorOps(4, 64), new DoubleVectorOps(3, 1)
    };
    private static final FloatVectorOps[] FLOAT_OPS = {
        FloatVectorOps.serial(), new FloatVectorOps(4, 64)
    };

    /** What an instance puts in its vectors. */
    enum Kind {
        /** x near y, a random reference and scale: the ordinary case. */
        ORDINARY,
        /** x == y: the norm is 0. */
        AGREEMENT,
        /** One element of x, y or the reference is NaN. */
        NAN,
        /** One element of x, y or the reference is infinite (an infinite r_i hides in delta). */
        INFINITE,
        /** One scaled element of x or y overflows. */
        SCALED_OVERFLOW,
        /** Finite values, one quotient (or its square) overflows: +infinity, not NaN. */
        QUOTIENT_OVERFLOW,
        /** Finite values whose difference and delta both overflow (infinity over infinity). */
        BOTH_OVERFLOW
    }

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
        final int[] lengths = {1, 2, 3, 7, 64, 100, 1023, 1024, 1025, 2047, 2049, 3000};
        final List<Arguments> list = new ArrayList<>();
        long seed = 0x5a3e1000L;
        for (int d : lengths) {
            final SplittableRandom pick = new SplittableRandom(seed);
            for (int samples : new int[] {1, 2 + pick.nextInt(14), 16}) {
                for (Kind kind : Kind.values()) {
                    list.add(Arguments.of(seed++, d, samples, kind));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "seed {0}: d = {1}, samples = {2}, {3}")
    @MethodSource("instances")
    void matchesTheHostLoop(long seed, int d, int samples, Kind kind) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = d * samples;
        // Float-representable data, so the float backends see the same values.
        final double[] y = VectorTesting.floatValues(rnd, n);
        final double[] x = new double[n];
        final double[] r = VectorTesting.floatValues(rnd, n);
        for (int i = 0; i < n; i++) {
            x[i] = (float) (y[i] + 1e-3 * rnd.nextDouble(-1, 1) * (1 + Math.abs(y[i])));
        }
        double scale = (float) ((rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.05, 2));
        final double atol = rnd.nextBoolean() ? 1e-5 : 0.3;
        double rtol = rnd.nextInt(4) == 0 ? 0 : 1e-2;
        final int at = rnd.nextInt(n);
        switch (kind) {
            case AGREEMENT:
                System.arraycopy(y, 0, x, 0, n);
                break;
            case NAN:
                pick(rnd, x, y, r)[at] = Double.NaN;
                break;
            case INFINITE:
                rtol = 1e-2;
                pick(rnd, x, y, r)[at] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY
                    : Double.NEGATIVE_INFINITY;
                break;
            case SCALED_OVERFLOW:
                scale = 1e300;
                (rnd.nextBoolean() ? x : y)[at] = (float) 3e38;
                break;
            case QUOTIENT_OVERFLOW:
                // |x - y| / atol overflows, or its square does.
                x[at] = y[at] + (rnd.nextBoolean() ? 1 : -1);
                scale = 1;
                rtol = 0;
                check(seed, d, samples, kind, x, y, scale, r, Double.MIN_VALUE, rtol);
                return;
            case BOTH_OVERFLOW:
                scale = 1e270;
                x[at] = (float) 1.7e38;
                y[at] = (float) -1.7e38;
                rtol = 2;
                break;
            default:
                break;
        }
        check(seed, d, samples, kind, x, y, scale, r, atol, rtol);
    }

    private static double[] pick(SplittableRandom rnd, double[] x, double[] y, double[] r) {
        final int which = rnd.nextInt(3);
        return which == 0 ? x : which == 1 ? y : r;
    }

    private static void check(long seed, int d, int samples, Kind kind, double[] x, double[] y,
                              double scale, double[] r, double atol, double rtol) {
        final double expected = hostLoop(x, y, scale, r, atol, rtol, samples);
        switch (kind) {
            case AGREEMENT:
                assertEquals(0, expected, 0, "seed " + seed + ": oracle");
                break;
            case NAN:
            case INFINITE:
            case SCALED_OVERFLOW:
                assertTrue(Double.isNaN(expected), "seed " + seed + ": oracle " + expected);
                break;
            case QUOTIENT_OVERFLOW:
            case BOTH_OVERFLOW:
                assertEquals(Double.POSITIVE_INFINITY, expected, "seed " + seed + ": oracle");
                break;
            default:
                assertTrue(expected > 0 && expected < Double.POSITIVE_INFINITY,
                    "seed " + seed + ": oracle " + expected);
                break;
        }
        final float[] xf = VectorTesting.toFloat(x);
        final float[] yf = VectorTesting.toFloat(y);
        final float[] rf = VectorTesting.toFloat(r);
        for (DoubleVectorOps ops : DOUBLE_OPS) {
            compare(seed, d, expected, ops.maxSampleRms(x, y, scale, r, atol, rtol, samples),
                ops.name() + " x" + ops.parallelism());
        }
        for (FloatVectorOps ops : FLOAT_OPS) {
            compare(seed, d, expected, ops.maxSampleRms(xf, yf, scale, rf, atol, rtol, samples),
                ops.name() + " x" + ops.parallelism());
        }
    }

    private static void compare(long seed, int d, double expected, double actual, String backend) {
        final String where = "seed " + seed + ", d = " + d + ", " + backend + ": expected "
            + expected + ", got " + actual;
        if (d <= CpuVectorOps.BLOCK || Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), where);
        } else {
            assertEquals(expected, actual, (d + 4) * 0x1p-53 * expected, where);
        }
    }

    /**
     * The host code of adaptive DPM-Solver before this reduction existed (x plays the high-order
     * solution, y the low-order one), with its finiteness check folded into the result: NaN where
     * it reported a non-finite state, and +infinity for a NaN estimate from finite states.
     */
    static double hostLoop(double[] high, double[] low, double scaleT, double[] previous,
                           double atol, double rtol, int batch) {
        final int length = high.length;
        if (length == 0) {
            return 0;
        }
        double error = 0;
        boolean finite = true;
        final int d = length / batch;
        for (int b = 0; b < batch; b++) {
            double sum = 0;
            for (int i = b * d; i < (b + 1) * d; i++) {
                final double xl = scaleT * low[i];
                final double xh = scaleT * high[i];
                finite &= Double.isFinite(xh) && Double.isFinite(xl) && Double.isFinite(previous[i]);
                final double delta = Math.max(atol, rtol * Math.max(Math.abs(xl), Math.abs(previous[i])));
                final double e = (xh - xl) / delta;
                sum += e * e;
            }
            error = Math.max(error, Math.sqrt(sum / d));
        }
        return !finite ? Double.NaN : Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
    }
}
