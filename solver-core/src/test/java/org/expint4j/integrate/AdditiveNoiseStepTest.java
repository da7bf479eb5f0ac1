package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The additive noise term of the multistep stepper: with noise \(w\xi\) every step's result is the
 * noiseless step's plus \(w\xi\), for scalar (one fused sum), diagonal and dense linear parts (a
 * second pass), at every order, over seeded random instances.
 */
class AdditiveNoiseStepTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aNoisyStepIsTheNoiselessStepPlusTheWeightedNoise(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5;
        int kind = (int) (seed % 3);
        LinearPart linear = switch (kind) {
            case 0 -> new ScalarLinearPart(-rnd.nextDouble(0.1, 3));
            case 1 -> new DiagonalLinearPart(rnd.doubles(n, -3, 0.5).toArray());
            default -> {
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = rnd.nextDouble(-1, 1) - (i == j ? 2 : 0);
                    }
                }
                yield new DenseLinearPart(a);
            }
        };
        Nonlinearity<double[]> f = (t, u, out) -> {
            for (int i = 0; i < u.length; i++) {
                out[i] = Math.sin(u[i] + t) + 0.1 * i;
            }
        };
        int order = 1 + rnd.nextInt(3);
        DoubleVectorOps ops = DoubleVectorOps.serial();
        ExponentialAdams method = new ExponentialAdams(order, ExponentialAdams.Startup.WARM_UP);
        ExponentialAdamsStepper<double[]> plain = new ExponentialAdamsStepper<>(method, linear, f, ops, n,
                new IntegrationStatistics());
        ExponentialAdamsStepper<double[]> noisy = new ExponentialAdamsStepper<>(method, linear, f, ops, n,
                new IntegrationStatistics());
        double[] xi = new double[n];
        double[] weight = new double[1];
        noisy.noise((t, h, out) -> {
            for (int i = 0; i < n; i++) {
                xi[i] = rnd.nextGaussian();
            }
            System.arraycopy(xi, 0, out, 0, n);
            weight[0] = rnd.nextDouble(0, 0.5);
            return weight[0];
        });
        double[] u = rnd.doubles(n, -1, 1).toArray();
        double[] a = new double[n];
        double[] b = new double[n];
        double t = 0;
        for (int step = 1; step <= 6; step++) {
            double h = rnd.nextDouble(0.05, 0.2);
            plain.step(t, h, u, a);
            noisy.step(t, h, u, b);
            for (int i = 0; i < n; i++) {
                // one more rounded product and sum: a few ulps of the larger term
                double expected = a[i] + weight[0] * xi[i];
                double ulps = 4 * Math.ulp(Math.max(Math.abs(a[i]), Math.abs(weight[0] * xi[i])) + Math.abs(expected));
                assertEquals(expected, b[i], ulps, "seed " + seed + " kind " + linear.kind() + " order " + order
                        + " step " + step + " element " + i);
            }
            // both continue from the plain state so the histories stay comparable
            t += h;
            double[] swap = u;
            u = a;
            a = swap;
        }
    }

    /** Noisy steps allocate nothing: 2000 steps allocate as much as 200 (HotSpot's per-thread counter). */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "diagonal"})
    void noisyStepsAllocateNothing(String kind) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(),
                "per-thread allocation counting unsupported");
        int n = 32;
        LinearPart linear = kind.equals("scalar") ? new ScalarLinearPart(-1)
                : new DiagonalLinearPart(new SplittableRandom(1).doubles(n, -3, -0.1).toArray());
        Nonlinearity<double[]> f = (t, u, out) -> {
            for (int i = 0; i < u.length; i++) {
                out[i] = -0.5 * u[i] + 1;
            }
        };
        ExponentialAdamsStepper<double[]> stepper = new ExponentialAdamsStepper<>(
                new ExponentialAdams(3, ExponentialAdams.Startup.WARM_UP), linear, f, DoubleVectorOps.serial(), n,
                new IntegrationStatistics());
        stepper.noise((t, h, out) -> {
            out[0] = t;
            return 0.1;
        });
        long tid = Thread.currentThread().getId();
        double[] u = new double[n];
        double[] v = new double[n];
        long[] bytes = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 6; round++) {
            for (int r = 0; r < 2; r++) {
                int steps = r == 0 ? 200 : 2000;
                stepper.reset();
                long start = threads.getThreadAllocatedBytes(tid);
                for (int k = 0; k < steps; k++) {
                    // a uniform step: the weights are computed once
                    stepper.step(k * 0.01, 0.01, (k & 1) == 0 ? u : v, (k & 1) == 0 ? v : u);
                }
                bytes[r] = Math.min(bytes[r], threads.getThreadAllocatedBytes(tid) - start);
            }
        }
        assertEquals(bytes[0], bytes[1], kind + ": 1800 more noisy steps allocated " + (bytes[1] - bytes[0]) + " bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aStarterTakesNoNoise(int order) {
        ExponentialAdamsStepper<double[]> stepper = new ExponentialAdamsStepper<>(
                new ExponentialAdams(order, ExponentialAdams.Startup.STARTER), new ScalarLinearPart(-1),
                (t, u, out) -> System.arraycopy(u, 0, out, 0, u.length), DoubleVectorOps.serial(), 2,
                new IntegrationStatistics());
        assertThrows(UnsupportedOperationException.class, () -> stepper.noise((t, h, out) -> 1));
    }
}
