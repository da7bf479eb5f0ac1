package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.schedule.ScheduleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dynamic thresholding on hand-computed cases, its quantile against NumPy's (same linear
 * interpolation and lerp form as PyTorch) and against a full sort, per-sample independence, the
 * refusal of non-finite input and argument checks.
 */
class DynamicThresholdingTest {

    static LongStream seeds() {
        return LongStream.range(0, 10).map(i -> 0xd7a3e000L + i);
    }

    /**
     * \( |x_0| \) sorted is (0.5, 1, 2, 3, 4); rank \( 0.995 \cdot 4 = 3.98 \), weight 0.98, so
     * \( s = 4 - (4 - 3)(1 - 0.98) = 3.98 \) and \( x_0 \) is clipped at \(\pm 3.98\) and divided.
     */
    @Test
    void handComputedSample() {
        final double[] x0 = {0.5, -2, 3, -4, 1};
        DynamicThresholding.ofDoubles(1).correct(x0, 0.5);
        final double s = 4 - (1 - (0.995 * 4 - 3));
        assertEquals(3.98, s, 1e-15);
        assertArrayEquals(new double[] {0.5 / s, -2 / s, 3 / s, -1, 1 / s}, x0, 0);
        final float[] f = {0.5f, -2, 3, -4, 1};
        DynamicThresholding.ofFloats(1).correct(f, 0.5);
        final float sf = 4 - (1 - (0.995f * 4 - 3));
        assertArrayEquals(new float[] {0.5f / sf, -2 / sf, 3 / sf, -1, 1 / sf}, f, 0);
    }

    /** Inside \([-1, 1]\) the threshold is \(m = 1\): nothing changes, bit for bit. */
    @Test
    void smallSamplesAreUnchanged() {
        final double[] x0 = {0.2, -0.9, 0.5, 0.1, 1, -1};
        final double[] copy = x0.clone();
        DynamicThresholding.ofDoubles(2).correct(x0, 0.1);
        assertArrayEquals(copy, x0, 0);
    }

    /**
     * Median of (1, 2, 3, 10): rank 1.5, weight 0.5, \( s = 3 - (3 - 2)/2 = 2.5 \); with
     * \( m = 2 \) vs \( m = 4 \) the bound decides; \(p = 1\) gives the maximum (pure scaling).
     */
    @Test
    void ratioAndMaxValue() {
        final double[] x0 = {-1, 2, 3, 10};
        DynamicThresholding.ofDoubles(1, 0.5, 2).correct(x0, 0);
        assertArrayEquals(new double[] {-1 / 2.5, 2 / 2.5, 1, 1}, x0, 0);
        final double[] y0 = {-1, 2, 3, 10};
        DynamicThresholding.ofDoubles(1, 0.5, 4).correct(y0, 0);
        assertArrayEquals(new double[] {-0.25, 0.5, 0.75, 1}, y0, 0);
        final double[] z0 = {-1, 2, 3, -10};
        DynamicThresholding.ofDoubles(1, 1, 1).correct(z0, 0);
        assertArrayEquals(new double[] {-0.1, 0.2, 0.3, -1}, z0, 0);
    }

    /** Each sample gets its own threshold. */
    @Test
    void samplesAreIndependent() {
        final double[] x0 = {0.5, -0.5, 0.25, 4, -8, 2};
        DynamicThresholding.ofDoubles(2, 1, 1).correct(x0, 0);
        assertArrayEquals(new double[] {0.5, -0.5, 0.25, 0.5, -1, 0.25}, x0, 0);
        final float[] f = {0.5f, 1, 5, 5};
        DynamicThresholding.ofFloats(2, 1, 1).correct(f, 0);
        assertArrayEquals(new float[] {0.5f, 1, 1, 1}, f, 0);
    }

    /**
     * Issue 19: a NaN in one sample used to make that sample NaN and leave the others corrected,
     * and an infinity above the quantile was clipped away unseen. A non-finite data prediction is
     * refused, naming the sample, the entry, the value and the time, and the batch is left as it
     * was.
     */
    @Test
    void correctWithNaNInSecondSample() {
        final double[] x0 = {0.5, -0.5, 0.25, 4, -8, 2, 1, Double.NaN, 3};
        final double[] before = x0.clone();
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofDoubles(3, 1, 1).correct(x0, 0.25),
                "sample 2, entry 1 (x0[7]) = NaN at t = 0.25");
        assertArrayEquals(before, x0, 0, "the batch is untouched");
        // p = 0.5: the quantile ignores the infinity, which clipping would then have hidden.
        final float[] f = {1, 2, 3, 4, 5, Float.NEGATIVE_INFINITY, 7, 8};
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofFloats(2, 0.5, 1).correct(f, 0.5),
                "sample 1, entry 1 (x0[5]) = -Infinity at t = 0.5");
        assertEquals(5f, f[4]);
    }

    /** NumPy's {@code np.quantile} on \( |\sin(i)|\, i/50 \), \( i = 1..200 \). */
    @Test
    void quantileMatchesNumpy() {
        final double[] v = new double[200];
        for (int i = 0; i < 200; i++) {
            v[i] = Math.abs(Math.sin(i + 1.0) * (i + 1) / 50.0);
        }
        // NumPy forms the rank as n p + (1 - p) - 1 instead of p (n - 1): a few ulps apart.
        assertEquals(3.776916352446081, DynamicThresholding.quantile(v.clone(), 200, 0.995), 1e-14);
        assertEquals(0.5093350476709563, DynamicThresholding.quantile(v.clone(), 200, 0.3), 1e-14);
        assertEquals(1.7885048826977539, DynamicThresholding.quantile(v.clone(), 200, 0.7), 1e-14);
        assertEquals(3.98, DynamicThresholding.quantile(new double[] {4, 0.5, 3, 1, 2}, 5, 0.995), 0);
    }

    /**
     * Selection finds the same order statistics as a full sort, so the quantile is the one computed
     * from sorted values bit for bit, with ties, zeros and infinities, in double and float.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void quantileBySelectionEqualsQuantileBySorting(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 40; trial++) {
            final int n = trial < 20 ? rnd.nextInt(1, 40) : rnd.nextInt(40, 5000);
            final double[] v = new double[n];
            final int distinct = rnd.nextInt(1, n + 1);
            for (int i = 0; i < n; i++) {
                // Few distinct values give many ties; some runs are sorted.
                v[i] = rnd.nextInt(8) == 0 ? i : Math.floor(rnd.nextDouble() * distinct) / distinct;
            }
            if (rnd.nextInt(10) == 0) {
                v[rnd.nextInt(n)] = Double.POSITIVE_INFINITY;
            }
            final double p = rnd.nextInt(5) == 0 ? rnd.nextInt(2) : rnd.nextDouble();
            final double[] sorted = v.clone();
            Arrays.sort(sorted);
            final double rank = p * (n - 1);
            final int i = (int) rank;
            final double a = sorted[i];
            final double b = sorted[(int) Math.ceil(rank)];
            final double w = rank - i;
            final double expected = w < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
            assertEquals(expected, DynamicThresholding.quantile(v.clone(), n, p), 0,
                    "seed " + seed + ", n = " + n + ", p = " + p);
            final float[] f = new float[n];
            for (int j = 0; j < n; j++) {
                f[j] = (float) v[j];
            }
            final float[] sortedF = f.clone();
            Arrays.sort(sortedF);
            final float rankF = (float) p * (n - 1);
            final int iF = (int) rankF;
            final float aF = sortedF[iF];
            final float bF = sortedF[(int) Math.ceil(rankF)];
            final float wF = rankF - iF;
            final float expectedF = wF < 0.5f ? aF + wF * (bF - aF) : bF - (bF - aF) * (1 - wF);
            final double[] widened = new double[n];
            for (int j = 0; j < n; j++) {
                widened[j] = f[j];
            }
            assertEquals(expectedF, DynamicThresholding.quantileOfFloats(widened, n, p), 0,
                    "seed " + seed + ", n = " + n + ", p = " + p + " (float)");
        }
    }

    /** Structured large inputs: all equal, sorted, reversed, organ pipe. */
    @Test
    void selectionOnStructuredInputs() {
        final int n = 10001;
        final double[][] inputs = new double[4][n];
        for (int i = 0; i < n; i++) {
            inputs[0][i] = 0.5;
            inputs[1][i] = i;
            inputs[2][i] = n - i;
            inputs[3][i] = Math.min(i, n - i);
        }
        for (double[] v : inputs) {
            final double[] sorted = v.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, 1, n / 3, n / 2, n - 2, n - 1}) {
                final double[] work = v.clone();
                assertEquals(sorted[k], Selection.select(work, n, k), 0, "rank " + k);
                if (k + 1 < n) {
                    assertEquals(sorted[k + 1], Selection.next(work, n, k), 0, "rank " + (k + 1));
                }
            }
        }
    }

    /** After thresholding every entry lies in \([-1, 1]\) and signs are kept. */
    @ParameterizedTest
    @MethodSource("seeds")
    void resultIsInUnitInterval(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int b = rnd.nextInt(1, 5);
        final int d = rnd.nextInt(1, 300);
        final double[] x0 = new double[b * d];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = 3 * rnd.nextGaussian();
        }
        final double[] before = x0.clone();
        DynamicThresholding.ofDoubles(b, rnd.nextDouble(0.5, 1), rnd.nextDouble(0.5, 2)).correct(x0, 0);
        for (int i = 0; i < x0.length; i++) {
            assertTrue(Math.abs(x0[i]) <= 1, "seed " + seed + ", entry " + i);
            assertTrue(Math.signum(x0[i]) == Math.signum(before[i]), "seed " + seed + ", entry " + i);
        }
    }

    @Test
    void validation() {
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofDoubles(0), "samples = 0");
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofDoubles(1, 1.5, 1), "ratio = 1.5");
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofFloats(1, Double.NaN, 1), "ratio = NaN");
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofFloats(1, 0.9, 0), "maxValue = 0.0");
        ScheduleTest.assertMessage(() -> DynamicThresholding.ofDoubles(3).correct(new double[7], 0),
                "batch length 7");
        final DynamicThresholding<double[]> t = DynamicThresholding.ofDoubles(2);
        assertEquals(2, t.samples());
        assertEquals(0.995, t.ratio(), 0);
        assertEquals(1, t.maxValue(), 0);
        t.correct(new double[0], 0);
    }
}
