package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.VectorOps;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: one integrator instance shared by 8 threads threw NullPointerException ("w" is null,
 * "atol" is null) from the vector backend's shared work descriptor. Every run must equal, bit for
 * bit, the same run on one thread.
 */
class ConcurrentIntegrationTest {

    private static final int THREADS = 8;
    private static final int RUNS_PER_THREAD = 3;
    private static final int N = 64;

    private static final LinearPart L = diagonal();
    /** A mildly nonlinear forcing: {@code N(t, u)_i = sin(u_i) + cos(t) / (1 + i)}. */
    private static final Nonlinearity<double[]> F = (t, u, out) -> {
        for (int i = 0; i < u.length; i++) {
            out[i] = Math.sin(u[i]) + Math.cos(t) / (1 + i);
        }
    };

    private static LinearPart diagonal() {
        final double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = -1.0 - 20.0 * i;
        }
        return new DiagonalLinearPart(d);
    }

    private static double[] initial(int run) {
        final double[] u = new double[N];
        for (int i = 0; i < N; i++) {
            u[i] = Math.cos(0.1 * i + run);
        }
        return u;
    }

    private interface Run {
        double[] solve(int run);
    }

    /** Runs {@code THREADS * RUNS_PER_THREAD} integrations at once and compares each to a serial one. */
    private static void assertSameAsSerial(Run run, String what) throws Exception {
        final int total = THREADS * RUNS_PER_THREAD;
        final double[][] expected = new double[total][];
        for (int r = 0; r < total; r++) {
            expected[r] = run.solve(r);
        }
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            final CyclicBarrier start = new CyclicBarrier(THREADS);
            final List<Future<double[][]>> results = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                final int first = th * RUNS_PER_THREAD;
                final Callable<double[][]> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    final double[][] got = new double[RUNS_PER_THREAD][];
                    for (int r = 0; r < RUNS_PER_THREAD; r++) {
                        got[r] = run.solve(first + r);
                    }
                    return got;
                };
                results.add(pool.submit(task));
            }
            for (int th = 0; th < THREADS; th++) {
                final double[][] got = results.get(th).get(60, TimeUnit.SECONDS);
                for (int r = 0; r < RUNS_PER_THREAD; r++) {
                    assertArrayEquals(expected[th * RUNS_PER_THREAD + r], got[r], 0,
                        what + ": thread " + th + ", run " + r + " differs from the single-threaded run");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fixedStepIntegratorSharedByEightThreads() throws Exception {
        for (VectorOps<double[]> ops : List.of(DoubleVectorOps.serial(), new DoubleVectorOps(4, 16))) {
            final FixedStepIntegrator<double[]> integrator =
                new FixedStepIntegrator<>(MethodRegistry.byName("hochost4"), ops);
            assertSameAsSerial(run -> {
                final double[] out = new double[N];
                final IntegrationStatistics s = integrator.integrate(L, F, initial(run), 0.0, 1.0, 40, out);
                assertEquals(40, s.acceptedSteps());
                return out;
            }, "fixed step on " + ops);
            ops.close();
        }
    }

    @Test
    void adaptiveIntegratorSharedByEightThreads() throws Exception {
        final double[] atol = new double[N];
        java.util.Arrays.fill(atol, 1e-6);
        for (VectorOps<double[]> ops : List.of(DoubleVectorOps.serial(), new DoubleVectorOps(4, 16))) {
            final AdaptiveIntegrator<double[]> integrator = new AdaptiveIntegrator<>(
                (ExponentialRungeKuttaMethod) MethodRegistry.byName("hochost3"), ops,
                StepSizeController.of(atol, 1e-4));
            assertSameAsSerial(run -> {
                final double[] out = new double[N];
                integrator.integrate(L, F, initial(run), 0.0, 1.0, out);
                return out;
            }, "adaptive on " + ops);
            ops.close();
        }
    }
}
