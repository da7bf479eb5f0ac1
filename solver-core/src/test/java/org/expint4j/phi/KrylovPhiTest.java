package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import org.expint4j.linear.CsrMatrix;
import org.expint4j.linear.LinearOperator;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.api.Test;

/** {@link KrylovPhi}: bad input, non-finite operator output, non-convergence, allocation, float. */
class KrylovPhiTest {

    private static final long SEED = 0x4b7279L;

    private static CsrMatrix laplacian(int n) {
        final int[] r = new int[3 * n];
        final int[] c = new int[3 * n];
        final double[] v = new double[3 * n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int d = -1; d <= 1; d++) {
                if (i + d >= 0 && i + d < n) {
                    r[t] = i;
                    c[t] = i + d;
                    v[t++] = d == 0 ? -2.0 * (n + 1) * (n + 1) : (n + 1.0) * (n + 1);
                }
            }
        }
        return CsrMatrix.fromTriplets(n, java.util.Arrays.copyOf(r, t), java.util.Arrays.copyOf(c, t),
            java.util.Arrays.copyOf(v, t));
    }

    private static double[] random(SplittableRandom rnd, int n) {
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void badArgumentsAreNamed() {
        final KrylovPhi<double[]> k = new KrylovPhi<>(DoubleVectorOps.serial(), 10, 2);
        final CsrMatrix a = laplacian(10);
        final double[][] v = {new double[10], new double[10], new double[10]};
        final double[] out = new double[10];
        assertMessage(() -> k.apply(a, 1, v, 1, 0, out), "tolerance = 0.0");
        assertMessage(() -> k.apply(a, 1, v, 1, -1e-8, out), "tolerance = -1.0E-8");
        assertMessage(() -> k.apply(a, 1, v, 1, Double.NaN, out), "tolerance = NaN");
        assertMessage(() -> k.apply(laplacian(11), 1, v, 1, 1e-8, out), "operator has dimension 11");
        assertMessage(() -> k.apply(a, Double.POSITIVE_INFINITY, v, 1, 1e-8, out), "tau must be finite");
        assertMessage(() -> k.apply(a, 1, v, 3, 1e-8, out), "order p = 3");
        assertMessage(() -> k.apply(a, 1, new double[][] {v[0]}, 1, 1e-8, out), "need p + 1 = 2");
        assertMessage(() -> k.apply(a, 1, new double[][] {new double[9]}, 0, 1e-8, out), "v[0] has length 9");
        assertMessage(() -> k.apply(a, 1, v, 0, 1e-8, new double[3]), "out has length 3");
        final double[] nan = new double[10];
        nan[4] = Double.NaN;
        assertMessage(() -> k.apply(a, 1, new double[][] {nan}, 0, 1e-8, out), "v[0] has a non-finite entry");
        assertMessage(() -> new KrylovPhi<>(DoubleVectorOps.serial(), 0, 1), "dimension = 0");
        assertMessage(() -> new KrylovPhi<>(DoubleVectorOps.serial(), 5, -1), "maxOrder = -1");
        assertMessage(() -> new KrylovPhi<>(DoubleVectorOps.serial(), 5, 1, 0, 10), "maxDimension = 0");
    }

    @Test
    void nonFiniteOperatorOutputNamesTheStep() {
        final int n = 20;
        final CsrMatrix lap = laplacian(n);
        final int[] calls = {0};
        final LinearOperator<double[]> poisoned = new LinearOperator<>() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] out) {
                lap.apply(v, out);
                if (++calls[0] == 4) {
                    out[7] = Double.NaN;
                }
            }
        };
        final KrylovPhi<double[]> k = new KrylovPhi<>(DoubleVectorOps.serial(), n, 1);
        final double[] v0 = random(new SplittableRandom(SEED), n);
        final String msg = assertThrows(IllegalArgumentException.class,
            () -> k.apply(poisoned, 1e-3, new double[][] {v0}, 0, 1e-8, new double[n])).getMessage();
        assertTrue(msg.contains("NaN") && msg.contains("sub-step 1") && msg.contains("Krylov index 3"), msg);
    }

    @Test
    void hopelessProblemsStopWithTheEstimate() {
        final int n = 200;
        final CsrMatrix lap = laplacian(n);
        // Krylov dimension 2 at ||tau A|| = 1.6e5: the error falls like sigma^2, the allowance like
        // sigma, so the sub-step would have to shrink below 2^-40; with one sub-step allowed the
        // other limit is hit first.
        final KrylovPhi<double[]> k = new KrylovPhi<>(DoubleVectorOps.serial(), n, 0, 2, 1000);
        final double[] v0 = random(new SplittableRandom(SEED), n);
        final String msg = assertThrows(ArithmeticException.class,
            () -> k.apply(lap, 1, new double[][] {v0}, 0, 1e-10, new double[n])).getMessage();
        assertTrue(msg.contains("no convergence") && msg.contains("error estimate"), msg);
        final KrylovPhi<double[]> one = new KrylovPhi<>(DoubleVectorOps.serial(), n, 0, 10, 1);
        final String msg1 = assertThrows(ArithmeticException.class,
            () -> one.apply(lap, 1, new double[][] {v0}, 0, 1e-10, new double[n])).getMessage();
        assertTrue(msg1.contains("maxSubsteps = 1"), msg1);
    }

    @Test
    void floatBackendReachesFloatAccuracy() {
        final int n = 100;
        final SplittableRandom rnd = new SplittableRandom(SEED);
        final RotatedBlockOperator a = new RotatedBlockOperator(rnd, n, 50, 2, false);
        final double[][] v = {random(rnd, n), random(rnd, n)};
        final double[] expected = a.exactPhi(1, v, 1);
        final float[][] vf = new float[2][n];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                vf[k][i] = (float) v[k][i];
            }
        }
        final LinearOperator<float[]> af = new LinearOperator<>() {
            private final double[] x = new double[n];
            private final double[] y = new double[n];

            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(float[] in, float[] out) {
                for (int i = 0; i < n; i++) {
                    x[i] = in[i];
                }
                a.apply(x, y);
                for (int i = 0; i < n; i++) {
                    out[i] = (float) y[i];
                }
            }
        };
        final KrylovPhi<float[]> k = new KrylovPhi<>(FloatVectorOps.serial(), n, 1);
        final float[] out = new float[n];
        k.apply(af, 1, vf, 1, 1e-5, out);
        final double[] outD = new double[n];
        for (int i = 0; i < n; i++) {
            outD[i] = out[i];
        }
        final double err = KrylovPhiProperties.relativeError(outD, expected);
        // Tolerance 1e-5 plus float rounding of inputs and basis (2^-24 times a few dozen sums).
        assertTrue(err <= 2e-5, "seed " + SEED + ": float relative error " + err);
    }

    /** After a warm-up call, calls of the same shape allocate nothing on the calling thread. */
    @Test
    void steadyStateCallsAllocateNothing() {
        final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);
        final int n = 400;
        final CsrMatrix lap = laplacian(n);
        final SplittableRandom rnd = new SplittableRandom(SEED);
        final double[][] v = {random(rnd, n), random(rnd, n), random(rnd, n), null};
        final double[] out = new double[n];
        final KrylovPhi<double[]> k = new KrylovPhi<>(DoubleVectorOps.serial(), n, 3, 40, 1000);
        final RotatedBlockOperator sym = new RotatedBlockOperator(rnd, n, 1e3, 0, true);
        final Runnable calls = () -> {
            // Arnoldi with sub-steps (symmetric CSR detected: Lanczos), Arnoldi on a non-symmetric
            // view, p = 0..3.
            for (int p = 0; p <= 3; p++) {
                k.apply(lap, 1e-4, v, p, 1e-8, out);
            }
            k.apply(sym, 1, v, 2, 1e-10, out);
        };
        for (int i = 0; i < 30; i++) {
            calls.run();
        }
        final long probe0 = bean.getCurrentThreadAllocatedBytes();
        final long probe1 = bean.getCurrentThreadAllocatedBytes();
        final long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            calls.run();
        }
        final long after = bean.getCurrentThreadAllocatedBytes();
        assertTrue(k.substeps() >= 1, "seed " + SEED);
        assertEquals(0, after - before - (probe1 - probe0), "seed " + SEED + ": bytes allocated by 25 calls");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        final String msg = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(msg.contains(part), () -> "expected '" + part + "' in: " + msg);
    }
}
