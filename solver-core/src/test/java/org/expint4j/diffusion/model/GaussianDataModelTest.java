package org.expint4j.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.schedule.ScheduleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gaussian oracle: the reference value of its exact solution, consistency of the exact
 * solution with the exact noise predictor through the probability-flow ODE in \(\lambda\), and
 * batches.
 */
class GaussianDataModelTest {

    /** One unit in the last place of 1. */
    private static final double EPS = Math.ulp(1.0);

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x6a055000L + i);
    }

    /**
     * The reference's configuration (dpm-solver.md §5.1): the exact value is given to 10 decimals,
     * so it is matched to 1e-10 (and the batch copy identically).
     */
    @Test
    void reproducesTheReferenceExactSolution() {
        final GaussianDataModel g = new GaussianDataModel(new double[] {0.5, -1, 2},
                new double[] {0.1, 1, 0.3}, new LinearSchedule(0.1, 20), ModelTimeMap.CONTINUOUS);
        final double[] xT = {0.3, -1.2, 0.8, 0.3, -1.2, 0.8};
        final double[] out = new double[6];
        g.exactSolution(xT, 1, 1e-3, out);
        final double[] expected = {0.5298056132, -2.1933734400, 2.2360829129};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i % 3], out[i], 1e-10, "component " + i);
        }
        g.exactSolution(xT, 1, 1, out);
        for (int i = 0; i < 6; i++) {
            assertEquals(xT[i], out[i], 4 * EPS * 2, "identity at t = T, component " + i);
        }
    }

    /**
     * The exact solution solves the probability-flow ODE, which in \(\lambda\) reads
     * \( \frac{d}{d\lambda}(x/\alpha) = -e^{-\lambda}\epsilon^*(x, t(\lambda)) \) (the form DPM-Solver
     * integrates). Central differences with step \(h = 10^{-3}\) in \(\lambda\) err by
     * \( h^2/6 \) times the third derivative, which is of the size of \(x/\alpha\) itself
     * (the solution is a combination of \(e^{\pm\lambda}\)-like terms): tolerance \(10^{-6}\)
     * relative to \( |x/\alpha| \), far above the rounding \( \epsilon|x/\alpha|/h \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void exactSolutionSolvesTheOdeWithTheExactNoise(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int dim = rnd.nextInt(1, 6);
        final double[] mean = new double[dim];
        final double[] std = new double[dim];
        for (int d = 0; d < dim; d++) {
            mean[d] = rnd.nextDouble(-3, 3);
            std[d] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(3)));
        }
        final NoiseSchedule[] schedules = {new LinearSchedule(), new CosineSchedule(),
            DiscreteSchedule.linear(1e-4, 0.02, 1000)};
        for (NoiseSchedule s : schedules) {
            final GaussianDataModel g = new GaussianDataModel(mean, std, s, ModelTimeMap.CONTINUOUS);
            final double[] xT = new double[2 * dim];
            for (int i = 0; i < xT.length; i++) {
                xT[i] = rnd.nextGaussian();
            }
            final double t = rnd.nextDouble(0.01, 0.95 * s.tMax());
            final double lambda = s.lambda(t);
            final double h = 1e-3;
            final double tPlus = s.inverseLambda(lambda + h);
            final double tMinus = s.inverseLambda(lambda - h);
            final double[] x = new double[xT.length];
            final double[] xPlus = new double[xT.length];
            final double[] xMinus = new double[xT.length];
            final double[] eps = new double[xT.length];
            g.exactSolution(xT, s.tMax(), t, x);
            g.exactSolution(xT, s.tMax(), tPlus, xPlus);
            g.exactSolution(xT, s.tMax(), tMinus, xMinus);
            g.noise(x, t, eps);
            for (int i = 0; i < x.length; i++) {
                final double derivative = (xPlus[i] / s.alpha(tPlus) - xMinus[i] / s.alpha(tMinus)) / (2 * h);
                final double expected = -Math.exp(-lambda) * eps[i];
                final double scale = Math.abs(x[i] / s.alpha(t)) + Math.abs(expected);
                assertEquals(expected, derivative, 1e-6 * scale,
                        "seed " + seed + ", " + s + ", t = " + t + ", component " + i);
            }
        }
    }

    /**
     * Data prediction, model-time round trip and batches: \( x_0^* = (x - \sigma\epsilon^*)/\alpha \)
     * to rounding amplified by \( \sigma/\alpha \le 150 \) (\(t \le 1\)); the discrete map's round
     * trip moves \(t\) by an ulp of 1000 t, so \(\epsilon^*\) changes by a relative 1e-13.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void dataPredictionAndModelTime(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final DiscreteSchedule s = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        final GaussianDataModel g = new GaussianDataModel(new double[] {0.5, -1},
                new double[] {0.2, 1.5}, s, s.modelTimeMap());
        final double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(),
            rnd.nextGaussian()};
        final double t = rnd.nextDouble(s.tMin(), 1);
        final double[] eps = new double[4];
        final double[] viaModelTime = new double[4];
        final double[] x0 = new double[4];
        g.noise(x, t, eps);
        g.evaluate(x, s.modelTimeMap().toModelTime(t), viaModelTime);
        g.data(x, t, x0);
        final double alpha = s.alpha(t);
        final double sigma = s.sigma(t);
        for (int i = 0; i < 4; i++) {
            assertEquals(eps[i], viaModelTime[i], 1e-13 * (1 + Math.abs(eps[i])), "seed " + seed);
            final double expected = (x[i] - sigma * eps[i]) / alpha;
            assertEquals(expected, x0[i], 1e-13 * (1 + Math.abs(x[i])) / alpha, "seed " + seed);
            // Sample 1 is computed as sample 0 would be.
            final double[] single = new double[2];
            g.noise(new double[] {x[2 * (i / 2)], x[2 * (i / 2) + 1]}, t, single);
            assertEquals(single[i % 2], eps[i], 0, "seed " + seed);
        }
    }

    @Test
    void validation() {
        final LinearSchedule s = new LinearSchedule();
        final ModelTimeMap m = ModelTimeMap.CONTINUOUS;
        ScheduleTest.assertMessage(() -> new GaussianDataModel(new double[] {1}, new double[] {1, 2}, s, m),
                "length");
        ScheduleTest.assertMessage(() -> new GaussianDataModel(new double[0], new double[0], s, m), "length");
        ScheduleTest.assertMessage(() -> new GaussianDataModel(new double[] {1, 2}, new double[] {1, 0}, s, m),
                "std[1] = 0.0");
        ScheduleTest.assertMessage(
            () -> new GaussianDataModel(new double[] {Double.NaN}, new double[] {1}, s, m), "mean[0] = NaN");
        final GaussianDataModel g = new GaussianDataModel(new double[] {1, 2}, new double[] {1, 1}, s, m);
        ScheduleTest.assertMessage(() -> g.noise(new double[3], 0.5, new double[3]), "multiples");
        ScheduleTest.assertMessage(() -> g.noise(new double[2], 0.5, new double[4]), "multiples");
    }
}
