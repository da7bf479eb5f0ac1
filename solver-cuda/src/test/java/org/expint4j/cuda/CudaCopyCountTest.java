package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the backend copies between host and device, counted by the emulated driver
 * ({@link EmulatedDriver#copies()}): {@code maxSampleRms}, the adaptive sampler's per-trial norm,
 * brings back exactly one double, and a fused sum copies nothing. Also that the norm is the CPU's
 * bit for bit, NaN and overflow included. Runs in the emulated-gpu execution only (a real driver
 * has no counters).
 */
@Tag("gpu")
class CudaCopyCountTest {

    @BeforeEach
    void requireEmulatedDriver() {
        assumeTrue(EmulatedDriver.state().startsWith("installed"), EmulatedDriver::state);
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
    }

    @Test
    void maxSampleRmsCopiesOneDoubleAndLinearCombinationNothing() {
        final long seed = 0xc0b1e5L;
        final SplittableRandom rnd = new SplittableRandom(seed);
        final DoubleVectorOps cpu = DoubleVectorOps.serial();
        final FloatVectorOps cpuF = FloatVectorOps.serial();
        try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble();
             CudaVectorOps<FloatDeviceVector> gpuF = CudaVectorOps.forFloat()) {
            for (int[] shape : new int[][] {{1, 1}, {64, 16}, {3000, 3}, {1025, 2}}) {
                final int d = shape[0];
                final int samples = shape[1];
                final int n = d * samples;
                final double[] x = new double[n];
                final double[] y = new double[n];
                final double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = (float) rnd.nextDouble(-2, 2);
                    x[i] = (float) (y[i] + 1e-3 * rnd.nextDouble(-1, 1));
                    r[i] = (float) rnd.nextDouble(-2, 2);
                }
                final String where = "seed " + seed + ", d = " + d + ", samples = " + samples;
                final DoubleDeviceVector gx = gpu.fromArray(x);
                final DoubleDeviceVector gy = gpu.fromArray(y);
                final DoubleDeviceVector gr = gpu.fromArray(r);
                final FloatDeviceVector fx = gpuF.fromArray(x);
                final FloatDeviceVector fy = gpuF.fromArray(y);
                final FloatDeviceVector fr = gpuF.fromArray(r);
                final float[] xf = toFloat(x);
                final float[] yf = toFloat(y);
                final float[] rf = toFloat(r);
                for (double[] tol : new double[][] {{0.7, 1e-5, 1e-2}, {1e300, Double.MIN_VALUE, 0}}) {
                    final double expected = cpu.maxSampleRms(x, y, tol[0], r, tol[1], tol[2], samples);
                    EmulatedDriver.resetCopies();
                    final double got = gpu.maxSampleRms(gx, gy, tol[0], gr, tol[1], tol[2], samples);
                    assertEquals(new EmulatedDriver.Copies(1, 8, 0, 0), EmulatedDriver.copies(),
                        where + ": double maxSampleRms");
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got),
                        where + ": expected " + expected + ", got " + got);
                    final double expectedF = cpuF.maxSampleRms(xf, yf, tol[0], rf, tol[1], tol[2], samples);
                    EmulatedDriver.resetCopies();
                    final double gotF = gpuF.maxSampleRms(fx, fy, tol[0], fr, tol[1], tol[2], samples);
                    assertEquals(new EmulatedDriver.Copies(1, 8, 0, 0), EmulatedDriver.copies(),
                        where + ": float maxSampleRms");
                    assertEquals(Double.doubleToLongBits(expectedF), Double.doubleToLongBits(gotF),
                        where + ": float, expected " + expectedF + ", got " + gotF);
                }
                // A non-finite reference element: NaN, still one double.
                r[n - 1] = Double.POSITIVE_INFINITY;
                gpu.copyFrom(r, gr);
                EmulatedDriver.resetCopies();
                final double nan = gpu.maxSampleRms(gx, gy, 0.7, gr, 1e-5, 1e-2, samples);
                assertEquals(new EmulatedDriver.Copies(1, 8, 0, 0), EmulatedDriver.copies(), where);
                assertEquals(Double.doubleToLongBits(cpu.maxSampleRms(x, y, 0.7, r, 1e-5, 1e-2, samples)),
                    Double.doubleToLongBits(nan), where + ": NaN expected, got " + nan);

                final DoubleDeviceVector[] terms = gpu.newArray(2);
                terms[0] = gx;
                terms[1] = gy;
                EmulatedDriver.resetCopies();
                gpu.linearCombination(new double[] {0.5, -1.5}, terms, 2, gr);
                assertEquals(new EmulatedDriver.Copies(0, 0, 0, 0), EmulatedDriver.copies(),
                    where + ": linearCombination");
                System.out.println("[CudaCopyCountTest] " + where + ": maxSampleRms 1 DtoH call, 8 bytes;"
                    + " linearCombination none");
                for (DeviceVector v : new DeviceVector[] {gx, gy, gr, fx, fy, fr}) {
                    v.close();
                }
            }
        }
    }

    private static float[] toFloat(double[] v) {
        final float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
