package org.expint4j.verification.dpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

    private static double[] gaussian(long seed, int n, int d, double[] shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() + shift[i % d];
        }
        return x;
    }

    @Test
    void identicalSetsAreAtDistanceZero() {
        double[] x = gaussian(1, 200, 5, new double[5]);
        assertEquals(0, new SlicedWasserstein(5, 64, 2).distance(x, x.clone()));
    }

    @Test
    void translateIsAtTheProjectedShift() {
        int d = 6;
        double[] c = {0.3, -1.0, 0.5, 2.0, 0.0, -0.7};
        double[] x = gaussian(3, 150, d, new double[d]);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += c[i % d];
        }
        SlicedWasserstein sw = new SlicedWasserstein(d, 4000, 4);
        // Exactly: sorting commutes with a shift, so each 1-D W2 is |theta . c|.
        double expected = 0;
        for (int m = 0; m < sw.projections(); m++) {
            double[] theta = sw.direction(m);
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += theta[j] * c[j];
            }
            expected += p * p;
        }
        expected = Math.sqrt(expected / sw.projections());
        assertEquals(expected, sw.distance(x, y), 1e-12);
        // In expectation over uniform directions, E (theta . c)^2 = |c|^2 / d.
        double norm = 0;
        for (double v : c) {
            norm += v * v;
        }
        assertEquals(Math.sqrt(norm / d), sw.distance(x, y), 0.03 * Math.sqrt(norm / d));
    }

    @Test
    void shiftedGaussianSamplesApproachTheShift() {
        int d = 3;
        double[] c = {1.0, 0.0, 0.0};
        double[] x = gaussian(5, 4000, d, new double[d]);
        double[] y = gaussian(6, 4000, d, c);
        // Population value 1/sqrt(3) = 0.577; finite samples add O(n^{-1/2}).
        assertEquals(1 / Math.sqrt(3), new SlicedWasserstein(d, 500, 7).distance(x, y), 0.05);
    }

    @Test
    void unequalSizesUseTheQuantileFunctions() {
        // One-dimensional: {0, 1} vs {0, 0, 1, 1} are the same distribution.
        assertEquals(0, SlicedWasserstein.w2Squared(new double[] {0, 1}, new double[] {0, 0, 1, 1}), 1e-15);
        // {0} vs {0, 1}: the quantile functions differ by 1 on half of [0, 1].
        assertEquals(0.5, SlicedWasserstein.w2Squared(new double[] {0}, new double[] {0, 1}), 1e-15);
        // {0, 1, 2} vs {0, 3}: on [0,1/3) 0, [1/3,1/2) 1, [1/2,2/3) 4, [2/3,1) 1.
        assertEquals(1.0 / 6 + 4.0 / 6 + 1.0 / 3,
                SlicedWasserstein.w2Squared(new double[] {0, 1, 2}, new double[] {0, 3}), 1e-15);
    }

    @Test
    void rejectsBadShapes() {
        SlicedWasserstein sw = new SlicedWasserstein(2, 4, 1);
        assertThrows(IllegalArgumentException.class, () -> sw.distance(new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new SlicedWasserstein(0, 4, 1));
    }
}
