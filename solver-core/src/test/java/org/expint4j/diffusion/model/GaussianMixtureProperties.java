package org.expint4j.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.schedule.ScheduleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gaussian mixture's exact noise predictor against finite differences of its log-density,
 * its reduction to one Gaussian, robustness far from the data, and its data samples.
 */
class GaussianMixtureProperties {

    static LongStream seeds() {
        return LongStream.range(0, 10).map(i -> 0x3a1c7000L + i);
    }

    /** A random mixture of 1 to 4 components in dimension 1 to 4. */
    private static GaussianMixtureModel randomMixture(SplittableRandom rnd, NoiseSchedule s) {
        final int k = rnd.nextInt(1, 5);
        final int dim = rnd.nextInt(1, 5);
        final double[] w = new double[k];
        final double[][] means = new double[k][dim];
        final double[][] stds = new double[k][dim];
        for (int j = 0; j < k; j++) {
            w[j] = rnd.nextDouble(0.1, 1);
            for (int d = 0; d < dim; d++) {
                means[j][d] = rnd.nextDouble(-3, 3);
                stds[j][d] = Math.exp(rnd.nextDouble(Math.log(0.1), Math.log(2)));
            }
        }
        return new GaussianMixtureModel(w, means, stds, s, ModelTimeMap.CONTINUOUS);
    }

    /**
     * \( \epsilon^* = -\sigma_t\nabla\log p_t \) by central differences with step
     * \( h = 10^{-5} \) relative to the smallest standard deviation \( \sqrt{v} \ge 0.1\,\alpha_t \)
     * of the marginal: truncation \( \sim (h/\sqrt v)^2 \) relative, rounding
     * \( \epsilon\,|\log p|/h \); tolerance \(10^{-6}\) of \( \max|\epsilon^*| \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void noiseIsMinusSigmaTimesTheScore(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final NoiseSchedule s = rnd.nextBoolean() ? new LinearSchedule() : new CosineSchedule();
        final GaussianMixtureModel gmm = randomMixture(rnd, s);
        final int dim = gmm.dimension();
        for (int trial = 0; trial < 20; trial++) {
            final double t = Math.exp(rnd.nextDouble(Math.log(1e-3), Math.log(0.9 * s.tMax())));
            final double[] x = new double[dim];
            for (int d = 0; d < dim; d++) {
                x[d] = 3 * rnd.nextGaussian();
            }
            final double[] eps = new double[dim];
            gmm.noise(x, t, eps);
            double maxAbs = 0;
            for (double e : eps) {
                maxAbs = Math.max(maxAbs, Math.abs(e));
            }
            final double sigma = s.sigma(t);
            final double h = 1e-5 * Math.max(0.1 * s.alpha(t), sigma);
            for (int d = 0; d < dim; d++) {
                final double[] xp = x.clone();
                final double[] xm = x.clone();
                xp[d] += h;
                xm[d] -= h;
                final double grad = (gmm.logDensity(xp, t) - gmm.logDensity(xm, t)) / (xp[d] - xm[d]);
                assertEquals(-sigma * grad, eps[d], 1e-6 * maxAbs + 1e-9,
                        "seed " + seed + ", t = " + t + ", dimension " + d);
            }
        }
    }

    /** One component: the same numbers as the Gaussian model, bit for bit, and the same density. */
    @ParameterizedTest
    @MethodSource("seeds")
    void oneComponentIsTheGaussianModel(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int dim = rnd.nextInt(1, 6);
        final double[] mean = new double[dim];
        final double[] std = new double[dim];
        for (int d = 0; d < dim; d++) {
            mean[d] = rnd.nextDouble(-3, 3);
            std[d] = rnd.nextDouble(0.05, 2);
        }
        final LinearSchedule s = new LinearSchedule();
        final GaussianMixtureModel gmm = new GaussianMixtureModel(new double[] {0.7},
                new double[][] {mean}, new double[][] {std}, s, ModelTimeMap.CONTINUOUS);
        final GaussianDataModel g = new GaussianDataModel(mean, std, s, ModelTimeMap.CONTINUOUS);
        final double[] x = new double[3 * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rnd.nextGaussian();
        }
        final double t = rnd.nextDouble(1e-3, 1);
        final double[] a = new double[x.length];
        final double[] b = new double[x.length];
        gmm.evaluate(x, t, a);
        g.evaluate(x, t, b);
        assertArrayEquals(b, a, 0, "seed " + seed);
        // log N(x; alpha mu, v) directly.
        final double[] first = java.util.Arrays.copyOf(x, dim);
        double expected = 0;
        for (int d = 0; d < dim; d++) {
            final double v = s.alpha(t) * s.alpha(t) * std[d] * std[d] + s.sigma(t) * s.sigma(t);
            final double r = first[d] - s.alpha(t) * mean[d];
            expected -= 0.5 * (Math.log(2 * Math.PI * v) + r * r / v);
        }
        assertEquals(expected, gmm.logDensity(first, t), 1e-13 * (1 + Math.abs(expected)), "seed " + seed);
        final double[] batch = new double[3];
        gmm.logDensity(x, t, batch);
        assertEquals(gmm.logDensity(first, t), batch[0], 0, "seed " + seed);
    }

    /**
     * Far from every component (\(|x| = 10^3\), small \(t\) where the components are narrow) the
     * log-weights are about \(-10^8\); the shifted log-sum-exp keeps everything finite and the
     * responsibilities sum to 1 to within \(K\) ulps.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void farAwayStaysFinite(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final LinearSchedule s = new LinearSchedule();
        final GaussianMixtureModel gmm = randomMixture(rnd, s);
        final int dim = gmm.dimension();
        final double[] x = new double[dim];
        for (int d = 0; d < dim; d++) {
            x[d] = rnd.nextBoolean() ? 1e3 : -1e3;
        }
        for (double t : new double[] {1e-4, 1e-3, 0.5, 1}) {
            final double[] eps = new double[dim];
            gmm.noise(x, t, eps);
            final double[] gamma = new double[gmm.components()];
            gmm.responsibilities(x, t, gamma);
            double sum = 0;
            for (double g : gamma) {
                assertTrue(g >= 0 && g <= 1, "seed " + seed + ", t = " + t);
                sum += g;
            }
            assertEquals(1, sum, gamma.length * Math.ulp(1.0), "seed " + seed + ", t = " + t);
            for (double e : eps) {
                assertTrue(Double.isFinite(e), "seed " + seed + ", t = " + t);
            }
            assertTrue(Double.isFinite(gmm.logDensity(x, t)), "seed " + seed + ", t = " + t);
        }
    }

    /** Responsibilities at random points sum to 1. */
    @ParameterizedTest
    @MethodSource("seeds")
    void responsibilitiesSumToOne(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final GaussianMixtureModel gmm = randomMixture(rnd, new CosineSchedule());
        final double[] x = new double[gmm.dimension()];
        final double[] gamma = new double[gmm.components()];
        for (int trial = 0; trial < 50; trial++) {
            for (int d = 0; d < x.length; d++) {
                x[d] = 4 * rnd.nextGaussian();
            }
            gmm.responsibilities(x, rnd.nextDouble(1e-3, 0.99), gamma);
            double sum = 0;
            for (double g : gamma) {
                sum += g;
            }
            assertEquals(1, sum, gamma.length * Math.ulp(1.0), "seed " + seed);
        }
    }

    /**
     * Data samples have the mixture's mean and second moment, within 5 standard errors (estimated
     * from the samples) for \(n = 20000\).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void samplesHaveTheMixtureMoments(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] w = {1, 2, 1};
        final double[][] means = {{-2, 0}, {0, 1}, {3, -1}};
        final double[][] stds = {{0.5, 1}, {0.2, 0.3}, {1, 0.1}};
        final GaussianMixtureModel gmm = new GaussianMixtureModel(w, means, stds, new LinearSchedule(),
                ModelTimeMap.CONTINUOUS);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, gmm.weights(), 0);
        final int n = 20000;
        final double[] out = new double[2 * n];
        gmm.sampleData(rnd, n, out);
        for (int d = 0; d < 2; d++) {
            double m1 = 0;
            double m2 = 0;
            double m4 = 0;
            for (int i = 0; i < n; i++) {
                final double v = out[2 * i + d];
                m1 += v;
                m2 += v * v;
                m4 += v * v * v * v;
            }
            m1 /= n;
            m2 /= n;
            m4 /= n;
            double mean = 0;
            double second = 0;
            for (int k = 0; k < 3; k++) {
                mean += 0.25 * w[k] * means[k][d];
                second += 0.25 * w[k] * (stds[k][d] * stds[k][d] + means[k][d] * means[k][d]);
            }
            assertEquals(mean, m1, 5 * Math.sqrt((m2 - m1 * m1) / n), "seed " + seed + ", mean " + d);
            assertEquals(second, m2, 5 * Math.sqrt((m4 - m2 * m2) / n), "seed " + seed + ", E x^2 " + d);
        }
    }

    @Test
    void validation() {
        final LinearSchedule s = new LinearSchedule();
        final ModelTimeMap m = ModelTimeMap.CONTINUOUS;
        final double[][] one = {{0, 0}};
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {-1}, one, one, s, m),
                "weights[0] = -1.0");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {1, Double.NaN},
                new double[][] {{0}, {1}}, new double[][] {{1}, {1}}, s, m), "weights[1] = NaN");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {1, 1}, one, one, s, m),
                "components");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[0], new double[0][],
                new double[0][], s, m), "components");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {1, 1},
                new double[][] {{0, 0}, {0}}, new double[][] {{1, 1}, {1, 1}}, s, m), "means[1] has length 1");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {1},
                new double[][] {{0, 0}}, new double[][] {{1, -2}}, s, m), "stds[0][1] = -2.0");
        ScheduleTest.assertMessage(() -> new GaussianMixtureModel(new double[] {1},
                new double[][] {{0, Double.POSITIVE_INFINITY}}, new double[][] {{1, 1}}, s, m),
                "means[0][1] = Infinity");
        final GaussianMixtureModel gmm = new GaussianMixtureModel(new double[] {1}, one,
                new double[][] {{1, 1}}, s, m);
        ScheduleTest.assertMessage(() -> gmm.noise(new double[3], 0.5, new double[3]), "multiples");
        ScheduleTest.assertMessage(() -> gmm.logDensity(new double[3], 0.5), "length 3");
        ScheduleTest.assertMessage(() -> gmm.sampleData(new SplittableRandom(1), 2, new double[3]), "length 3");
    }
}
