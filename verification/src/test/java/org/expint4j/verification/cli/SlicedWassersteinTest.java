package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sliced Wasserstein-2 distance: exact cases, invariances and its value for shifted clouds. */
class SlicedWassersteinTest {

    @Test
    void oneDimensionalCasesAreExact() {
        assertEquals(3.0, SlicedWasserstein.wasserstein1d(new double[] {0}, new double[] {3}), 0);
        // Same measure, different sizes: the quantile functions coincide.
        assertEquals(0.0, SlicedWasserstein.wasserstein1d(new double[] {1, 0}, new double[] {0, 1, 0, 1}), 0);
        // {0, 1} against {0, 0, 1}: quantiles differ on (1/2, 2/3) by 1, so W2^2 = 1/6.
        assertEquals(Math.sqrt(1.0 / 6), SlicedWasserstein.wasserstein1d(new double[] {0, 1}, new double[] {0, 0, 1}),
                1e-15);
        // Sorted matching: W2^2 of {0, 2} and {3, 1} is ((0-1)^2 + (2-3)^2)/2 = 1.
        assertEquals(1.0, SlicedWasserstein.wasserstein1d(new double[] {0, 2}, new double[] {3, 1}), 1e-15);
        // In one dimension every direction is +-1, so SW2 is W2.
        double[] a = {0.3, -1.2, 2.5, 0.7};
        double[] b = {1.1, 0.4, -0.3};
        assertEquals(SlicedWasserstein.wasserstein1d(a, b), SlicedWasserstein.distance(a, b, 1, 7, 1), 1e-15);
    }

    @Test
    void zeroForTheSameCloudAndInvariantUnderReorderingAndSwapping() {
        double[] a = cloud(new SplittableRandom(1), 500, 3, 0);
        double[] b = cloud(new SplittableRandom(2), 400, 3, 0.5);
        assertEquals(0.0, SlicedWasserstein.distance(a, a.clone(), 3, 50, 9), 0);
        double[] reversed = new double[a.length];
        for (int p = 0; p < 500; p++) {
            System.arraycopy(a, p * 3, reversed, (499 - p) * 3, 3);
        }
        double d = SlicedWasserstein.distance(a, b, 3, 50, 9);
        assertEquals(d, SlicedWasserstein.distance(reversed, b, 3, 50, 9), 0);
        assertEquals(d, SlicedWasserstein.distance(b, a, 3, 50, 9), 1e-15);
        assertEquals(d, new SlicedWasserstein.Target(b, 3, 50, 9).distance(a), 0);
    }

    @Test
    void seededDirectionsGiveReproducibleValues() {
        double[] a = cloud(new SplittableRandom(3), 300, 4, 0);
        double[] b = cloud(new SplittableRandom(4), 300, 4, 0.2);
        assertEquals(SlicedWasserstein.distance(a, b, 4, 20, 42), SlicedWasserstein.distance(a, b, 4, 20, 42), 0);
    }

    @Test
    void aShiftedCloudIsAtTheShiftOverRootD() {
        // For b = a + c, every projection is shifted by theta.c, so SW2^2 = E[(theta.c)^2] = |c|^2/d.
        int d = 5;
        double[] a = cloud(new SplittableRandom(5), 200, d, 0);
        double[] c = {1, -2, 0.5, 0, 2};
        double[] b = a.clone();
        double norm2 = 0;
        for (int k = 0; k < d; k++) {
            norm2 += c[k] * c[k];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] += c[i % d];
        }
        double expected = Math.sqrt(norm2 / d);
        // Monte Carlo over 4000 directions: relative error about sqrt(2/4000) of the variance term.
        assertEquals(expected, SlicedWasserstein.distance(a, b, d, 4000, 11), 0.03 * expected);
    }

    @Test
    void gaussiansOfDifferentScale() {
        // W2(N(0, 1), N(0, 4)) = |1 - 2| = 1 in one dimension; large samples come close.
        SplittableRandom r = new SplittableRandom(6);
        double[] x = new double[20000];
        double[] y = new double[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            y[i] = 2 * r.nextGaussian();
        }
        assertEquals(1.0, SlicedWasserstein.wasserstein1d(x, y), 0.03);
    }

    @Test
    void badCloudsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SlicedWasserstein.distance(new double[3], new double[4], 2,
                5, 1));
        assertThrows(IllegalArgumentException.class, () -> SlicedWasserstein.distance(new double[0], new double[4], 2,
                5, 1));
        assertThrows(IllegalArgumentException.class, () -> SlicedWasserstein.distance(new double[4], new double[4], 2,
                0, 1));
    }

    private static double[] cloud(SplittableRandom r, int n, int d, double shift) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() + shift;
        }
        return x;
    }
}
