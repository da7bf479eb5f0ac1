package org.expint4j.verification.cli;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The sliced Wasserstein-2 distance between two point clouds in \( \mathbb{R}^d \) (Rabin et al.
 * 2011; Bonneel et al. 2015):
 * \[ SW_2(\mu, \nu) = \Big( \mathbb{E}_{\theta \sim U(S^{d-1})}\,
 *    W_2^2(\theta_\#\mu, \theta_\#\nu) \Big)^{1/2}, \]
 * estimated with \(P\) directions drawn uniformly on the sphere from a seed, so that a given seed
 * gives the same directions, and the same value, on every run. Each one-dimensional
 * \( W_2 \) is exact for the empirical measures: the squared difference of the two quantile
 * functions integrated over \( (0, 1) \), which for equal sizes is the mean squared difference of
 * the sorted projections. It is a metric on distributions, cheap (\(O(P\,n\log n)\)) in any
 * dimension, and in one dimension equals \( W_2 \).
 *
 * <p>Between two finite samples of the same distribution it is not zero but of order
 * \( n^{-1/2} \): compare values against that floor.
 */
public final class SlicedWasserstein {

    private SlicedWasserstein() {
    }

    /**
     * @param a the first cloud, {@code n} points of dimension {@code d} back to back
     * @param b the second cloud, {@code m} points of dimension {@code d}
     * @param d the dimension, {@code >= 1}
     * @param projections the number \(P\) of directions, {@code >= 1}
     * @param seed the seed of the directions
     * @return the estimate of \( SW_2 \)
     * @throws IllegalArgumentException if a cloud is empty or not a whole number of points
     */
    public static double distance(double[] a, double[] b, int d, int projections, long seed) {
        return new Target(b, d, projections, seed).distance(a);
    }

    /**
     * One cloud with its directions and sorted projections computed once, for the distances of
     * many clouds to it (half the work of {@link SlicedWasserstein#distance} per comparison).
     * {@code target.distance(a)} equals {@code distance(a, b, d, projections, seed)} exactly.
     */
    public static final class Target {

        private final int d;
        private final double[][] directions;
        private final double[][] sorted;

        /**
         * @param b the cloud, points of dimension {@code d} back to back
         * @param d the dimension, {@code >= 1}
         * @param projections the number \(P\) of directions, {@code >= 1}
         * @param seed the seed of the directions
         * @throws IllegalArgumentException if the cloud is empty or not a whole number of points
         */
        public Target(double[] b, int d, int projections, long seed) {
            if (d < 1 || projections < 1) {
                throw new IllegalArgumentException("need d >= 1 and projections >= 1, got " + d + " and "
                        + projections);
            }
            checkCloud(b, d);
            this.d = d;
            directions = new double[projections][d];
            sorted = new double[projections][b.length / d];
            SplittableRandom random = new SplittableRandom(seed);
            for (int p = 0; p < projections; p++) {
                direction(random, directions[p]);
                project(b, directions[p], sorted[p]);
                Arrays.sort(sorted[p]);
            }
        }

        /**
         * @param a a cloud of the same dimension, any number of points
         * @return the estimate of \( SW_2 \) between {@code a} and the target
         * @throws IllegalArgumentException if the cloud is empty or not a whole number of points
         */
        public double distance(double[] a) {
            checkCloud(a, d);
            double[] squared = new double[directions.length];
            // Directions are independent: spread them over the cores, then sum in a fixed order so
            // that the value does not depend on the number of threads.
            IntStream.range(0, directions.length).parallel().forEach(p -> {
                double[] pa = new double[a.length / d];
                project(a, directions[p], pa);
                Arrays.sort(pa);
                squared[p] = squaredSorted(pa, sorted[p]);
            });
            double sum = 0;
            for (double s : squared) {
                sum += s;
            }
            return Math.sqrt(sum / directions.length);
        }
    }

    private static void checkCloud(double[] points, int d) {
        if (points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("a cloud of length " + points.length
                    + " is not a non-empty set of points of dimension " + d);
        }
    }

    /**
     * The exact \( W_2 \) between two empirical measures on the line.
     *
     * @param x the first sample, not modified
     * @param y the second sample, not modified
     * @return \( W_2 \)
     * @throws IllegalArgumentException if a sample is empty
     */
    public static double wasserstein1d(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        double[] xs = x.clone();
        double[] ys = y.clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        return Math.sqrt(squaredSorted(xs, ys));
    }

    /** \( W_2^2 \) of sorted samples: the quantile functions are steps at i/n and j/m. */
    private static double squaredSorted(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        if (n == m) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double e = x[i] - y[i];
                s += e * e;
            }
            return s / n;
        }
        // Merge the breakpoints (i+1)/n and (j+1)/m; compare them as integers (i+1)m vs (j+1)n
        // so that coinciding breakpoints advance both sides exactly.
        double s = 0;
        long previous = 0; // the current position u times n*m
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            long nextX = (long) (i + 1) * m;
            long nextY = (long) (j + 1) * n;
            long next = Math.min(nextX, nextY);
            double e = x[i] - y[j];
            s += (double) (next - previous) * e * e;
            previous = next;
            if (nextX == next) {
                i++;
            }
            if (nextY == next) {
                j++;
            }
        }
        return s / ((double) n * m);
    }

    /** A direction uniform on the sphere: a normalised standard Gaussian vector. */
    private static void direction(SplittableRandom random, double[] theta) {
        double norm;
        do {
            norm = 0;
            for (int k = 0; k < theta.length; k++) {
                theta[k] = random.nextGaussian();
                norm += theta[k] * theta[k];
            }
        } while (norm == 0);
        norm = Math.sqrt(norm);
        for (int k = 0; k < theta.length; k++) {
            theta[k] /= norm;
        }
    }

    private static void project(double[] points, double[] theta, double[] out) {
        int d = theta.length;
        for (int p = 0; p < out.length; p++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += points[p * d + k] * theta[k];
            }
            out[p] = s;
        }
    }
}
