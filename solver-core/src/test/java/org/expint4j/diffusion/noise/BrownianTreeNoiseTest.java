package org.expint4j.diffusion.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The virtual Brownian tree: additivity, the law of its increments, grid and batch independence. */
class BrownianTreeNoiseTest {

    private static final double T0 = 1e-3;
    private static final double T1 = 1.0;

    /** A random strictly increasing partition of [s, t] into n pieces. */
    private static double[] partition(SplittableRandom rnd, double s, double t, int n) {
        double[] p = new double[n + 1];
        for (int i = 1; i < n; i++) {
            p[i] = s + (t - s) * rnd.nextDouble();
        }
        p[0] = s;
        p[n] = t;
        Arrays.sort(p, 1, n);
        return p;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261203})
    void incrementsOverAPartitionSumToTheIncrementOfTheUnion(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BrownianTreeNoise tree = new BrownianTreeNoise(seed, T0, T1);
        for (int trial = 0; trial < 50; trial++) {
            double a = T0 + (T1 - T0) * rnd.nextDouble();
            double b = T0 + (T1 - T0) * rnd.nextDouble();
            double s = Math.min(a, b);
            double t = Math.max(a, b);
            int n = 1 + rnd.nextInt(40);
            double[] p = partition(rnd, s, t, n);
            double sum = 0;
            double[] z = new double[1];
            for (int k = 0; k < n; k++) {
                // through the sampler's interface: z = ΔW / sqrt(Δt), undone here
                tree.sample(k + 1, p[k], p[k + 1], 1, z);
                sum += z[0] * Math.sqrt(p[k + 1] - p[k]);
            }
            double direct = tree.value(0, 0, t) - tree.value(0, 0, s);
            // Each of the n increments carries a few roundings of values of size max |W| <= ~5:
            // 8 n ulps of the largest value bounds the sum's error.
            double bound = 8 * (n + 1) * Math.ulp(5.0);
            assertEquals(direct, sum, bound, "seed " + seed + " trial " + trial + ": " + n + " pieces of [" + s + ", "
                    + t + "]");
        }
    }

    /**
     * Over N independent paths (elements), the increment on each interval has sample mean within
     * 5 standard errors (5/sqrt(N)) of 0, sample variance within 5 standard errors (5·sqrt(2/N)) of
     * |t − s| relative, and disjoint increments a correlation within 5/sqrt(N) of 0: at 5σ a correct
     * tree fails for about one seed in a million. The intervals include non-dyadic ends, one tiny
     * interval (2^-20 of the range: 20 levels deep) and the whole range.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void incrementsAreIndependentWithVarianceTheIntervalLength(long seed) {
        int n = 20_000;
        BrownianTreeNoise tree = new BrownianTreeNoise(seed, T0, T1);
        double[][] intervals = {{T0, T1}, {0.1, 0.35}, {0.35, 0.9}, {0.5, 0.5 + 0x1.0p-20 * (T1 - T0)},
            {0.2 + 1e-9, 0.2000123}};
        double[][] inc = new double[intervals.length][n];
        for (int k = 0; k < intervals.length; k++) {
            double s = intervals[k][0];
            double t = intervals[k][1];
            double sum = 0;
            double sq = 0;
            for (int e = 0; e < n; e++) {
                inc[k][e] = tree.value(0, e, t) - tree.value(0, e, s);
                sum += inc[k][e];
                sq += inc[k][e] * inc[k][e];
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            double sd = Math.sqrt(t - s);
            assertTrue(Math.abs(mean) <= 5 * sd / Math.sqrt(n), "seed " + seed + " [" + s + ", " + t + "]: mean " + mean);
            assertEquals(1, var / (t - s), 5 * Math.sqrt(2.0 / n), "seed " + seed + " [" + s + ", " + t + "]: variance "
                    + var + " vs " + (t - s));
        }
        // [0.1, 0.35] and [0.35, 0.9] are disjoint: uncorrelated
        double c = 0;
        double v1 = 0;
        double v2 = 0;
        for (int e = 0; e < n; e++) {
            c += inc[1][e] * inc[2][e];
            v1 += inc[1][e] * inc[1][e];
            v2 += inc[2][e] * inc[2][e];
        }
        double corr = c / Math.sqrt(v1 * v2);
        assertTrue(Math.abs(corr) <= 5 / Math.sqrt(n), "seed " + seed + ": correlation of disjoint increments " + corr);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void twentyAndFortyStepGridsSeeTheSamePath(long seed) {
        int batch = 3;
        int dim = 4;
        BrownianTreeNoise tree = new BrownianTreeNoise(seed, T0, T1);
        double[] coarse = new double[21];
        for (int i = 0; i <= 20; i++) {
            coarse[i] = T1 + (T0 - T1) * i / 20;
        }
        double[] z20 = new double[batch * dim];
        double[] z40a = new double[batch * dim];
        double[] z40b = new double[batch * dim];
        for (int i = 0; i < 20; i++) {
            double mid = 0.5 * (coarse[i] + coarse[i + 1]);
            tree.sample(i + 1, coarse[i], coarse[i + 1], batch, z20);
            tree.sample(2 * i + 1, coarse[i], mid, batch, z40a);
            tree.sample(2 * i + 2, mid, coarse[i + 1], batch, z40b);
            for (int k = 0; k < z20.length; k++) {
                double w20 = z20[k] * Math.sqrt(coarse[i] - coarse[i + 1]);
                double w40 = z40a[k] * Math.sqrt(coarse[i] - mid) + z40b[k] * Math.sqrt(mid - coarse[i + 1]);
                // a few roundings of values of size <= ~5 (see the partition test)
                assertEquals(w20, w40, 32 * Math.ulp(5.0), "seed " + seed + " step " + (i + 1) + " element " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {8, 9})
    void aSampleSeesTheSamePathInAnyBatch(long seed) {
        int dim = 5;
        double[] single = new double[dim];
        double[] big = new double[7 * dim];
        double[] times = {T1, 0.8, 0.55, 0.3, 0.1, T0};
        for (int b = 0; b < 7; b++) {
            BrownianTreeNoise alone = new BrownianTreeNoise(seed, T0, T1);
            BrownianTreeNoise batched = new BrownianTreeNoise(seed, T0, T1);
            for (int i = 0; i + 1 < times.length; i++) {
                batched.sample(i + 1, times[i], times[i + 1], 7, big);
                for (int e = 0; e < dim; e++) {
                    single[e] = (alone.value(b, e, times[i + 1]) - alone.value(b, e, times[i]))
                            / Math.sqrt(times[i] - times[i + 1]);
                }
                for (int e = 0; e < dim; e++) {
                    // the same path values; the normalisation may round differently (2 ulps)
                    assertEquals(single[e], big[b * dim + e], 2 * Math.ulp(single[e]),
                            "seed " + seed + " sample " + b + " step " + (i + 1) + " element " + e);
                }
            }
        }
        double[] first = new double[2 * dim];
        new BrownianTreeNoise(seed, T0, T1).sample(1, T1, 0.5, 2, first);
        new BrownianTreeNoise(seed, T0, T1).sample(1, T1, 0.5, 7, big);
        assertArrayEquals(first, Arrays.copyOf(big, 2 * dim), "seed " + seed + ": batch 2 is the start of batch 7");
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BrownianTreeNoise(1, 1.0, 1.0));
        assertTrue(e.getMessage().contains("[1.0, 1.0]"), e.getMessage());
        BrownianTreeNoise tree = new BrownianTreeNoise(1, T0, T1);
        e = assertThrows(IllegalArgumentException.class, () -> tree.sample(1, 1.5, 0.5, 1, new double[2]));
        assertTrue(e.getMessage().contains("from = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tree.sample(1, 0.5, 0.5, 1, new double[2]));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tree.sample(1, 0.9, 0.5, 3, new double[2]));
        assertTrue(e.getMessage().contains("batch size 3"), e.getMessage());
    }
}
