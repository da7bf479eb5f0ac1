package org.expint4j.verification.dpm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sliced Wasserstein-2 distance between two empirical distributions in \(\mathbb{R}^d\),
 * \[ \mathrm{SW}_2(P, Q) = \Big( \frac1M \sum_{m=1}^{M} W_2^2\big(\theta_m^\top P,\ \theta_m^\top Q\big) \Big)^{1/2}, \]
 * over \(M\) directions \(\theta_m\) drawn uniformly on the unit sphere from a seed (the same
 * directions for every pair compared, so differences between solvers are not projection noise).
 * In one dimension \(W_2\) is the \(L^2\) distance of the quantile functions, computed exactly
 * from the sorted projections; the two sets may have different sizes.
 *
 * <p>Known values: identical sets give 0; a set and its translate by \(c\) give
 * \( \big(\frac1M\sum_m (\theta_m^\top c)^2\big)^{1/2} \), whose expectation over the directions is
 * \( \|c\|^2/d \) under the square root. Two independent samples of the same distribution give a
 * positive value of order \(n^{-1/2}\): the finite-sample floor of any comparison.
 */
public final class SlicedWasserstein {

    /** Directions, row-major \(M \times d\), unit length. */
    private final double[] directions;
    private final int dimension;
    private final int count;

    /**
     * @param dimension \(d \ge 1\)
     * @param projections \(M \ge 1\)
     * @param seed seed of the directions
     */
    public SlicedWasserstein(int dimension, int projections, long seed) {
        if (dimension < 1 || projections < 1) {
            throw new IllegalArgumentException("need dimension >= 1 and projections >= 1, got "
                    + dimension + " and " + projections);
        }
        this.dimension = dimension;
        this.count = projections;
        this.directions = new double[projections * dimension];
        SplittableRandom random = new SplittableRandom(seed);
        for (int m = 0; m < projections; m++) {
            double norm;
            do {
                norm = 0;
                for (int j = 0; j < dimension; j++) {
                    double g = random.nextGaussian();
                    directions[m * dimension + j] = g;
                    norm += g * g;
                }
            } while (norm == 0);
            double inverse = 1 / Math.sqrt(norm);
            for (int j = 0; j < dimension; j++) {
                directions[m * dimension + j] *= inverse;
            }
        }
    }

    /** @return the direction \(\theta_m\) (a copy) */
    double[] direction(int m) {
        return Arrays.copyOfRange(directions, m * dimension, (m + 1) * dimension);
    }

    /** @return \(M\) */
    public int projections() {
        return count;
    }

    /**
     * @param p points back to back, length a positive multiple of \(d\)
     * @param q points back to back, length a positive multiple of \(d\)
     * @return \( \mathrm{SW}_2(p, q) \)
     */
    public double distance(double[] p, double[] q) {
        int n = check(p, "p");
        int m = check(q, "q");
        double[] a = new double[n];
        double[] b = new double[m];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            project(p, k, a);
            project(q, k, b);
            Arrays.sort(a);
            Arrays.sort(b);
            sum += w2Squared(a, b);
        }
        return Math.sqrt(sum / count);
    }

    private int check(double[] x, String name) {
        if (x.length == 0 || x.length % dimension != 0) {
            throw new IllegalArgumentException(name + " has length " + x.length
                    + ", not a positive multiple of the dimension " + dimension);
        }
        return x.length / dimension;
    }

    private void project(double[] x, int k, double[] out) {
        int offset = k * dimension;
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s += directions[offset + j] * x[i * dimension + j];
            }
            out[i] = s;
        }
    }

    /**
     * \( \int_0^1 (F_a^{-1}(u) - F_b^{-1}(u))^2\,du \) for sorted samples: both quantile functions
     * are step functions, constant between the merged breakpoints \(i/n\) and \(j/m\).
     */
    static double w2Squared(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        if (n == m) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double d = a[i] - b[i];
                s += d * d;
            }
            return s / n;
        }
        double s = 0;
        double u = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            // Compare i+1/n with j+1/m exactly in integers.
            long left = (long) (i + 1) * m;
            long right = (long) (j + 1) * n;
            double next = Math.min((double) (i + 1) / n, (double) (j + 1) / m);
            double d = a[i] - b[j];
            s += d * d * (next - u);
            u = next;
            if (left <= right) {
                i++;
            }
            if (right <= left) {
                j++;
            }
        }
        return s;
    }
}
