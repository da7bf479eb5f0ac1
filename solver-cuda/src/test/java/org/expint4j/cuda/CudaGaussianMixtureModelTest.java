package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.SplittableRandom;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

/**
 * The host side of the CUDA Gaussian-mixture model without a GPU: validation with the CPU model's
 * messages, per-time constants bit-identical to the CPU model's, launch geometry within the shared
 * memory limit, and the agreement bound's shape.
 */
class CudaGaussianMixtureModelTest {

    private static final NoiseSchedule SCHEDULE = new LinearSchedule();

    private static final double[] W = {0.3, 0.7};
    private static final double[][] MEANS = {{-1, 0.5, 2}, {1, -0.5, 0}};
    private static final double[][] STDS = {{0.2, 0.3, 1}, {0.4, 0.25, 0.1}};

    @Test
    void invalidParametersFailWithTheCpuModelsMessage() {
        final CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.unattached(Precision.DOUBLE,
            DoubleDeviceVector.class);
        final double[][] badStds = {{0.2, 0.3, 1}, {0.4, -1, 0.1}};
        final IllegalArgumentException cpu = assertThrows(IllegalArgumentException.class,
            () -> new GaussianMixtureModel(W, MEANS, badStds, SCHEDULE, ModelTimeMap.CONTINUOUS));
        final IllegalArgumentException gpu = assertThrows(IllegalArgumentException.class,
            () -> new CudaGaussianMixtureModel<>(ops, W, MEANS, badStds, SCHEDULE, ModelTimeMap.CONTINUOUS));
        assertEquals(cpu.getMessage(), gpu.getMessage());
        assertEquals("ops is null", assertThrows(IllegalArgumentException.class,
            () -> new CudaGaussianMixtureModel<DoubleDeviceVector>(null, W, MEANS, STDS, SCHEDULE,
                ModelTimeMap.CONTINUOUS)).getMessage());
        final double[] many = new double[GaussianMixtureParameters.MAX_COMPONENTS + 1];
        final double[][] rows = new double[many.length][1];
        final double[][] ones = new double[many.length][1];
        java.util.Arrays.fill(many, 1);
        for (double[] r : ones) {
            r[0] = 1;
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CudaGaussianMixtureModel<>(ops, many,
            rows, ones, SCHEDULE, ModelTimeMap.CONTINUOUS)).getMessage().contains("at most 4096"));
    }

    @Test
    void validParametersNeedADevice() {
        final CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.unattached(Precision.FLOAT, FloatDeviceVector.class);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new CudaGaussianMixtureModel<>(ops, W, MEANS, STDS, SCHEDULE, ModelTimeMap.CONTINUOUS));
        assertEquals("cuda-float backend has no device", e.getMessage());
    }

    /** The constants the kernel gets are the CPU model's own (read from its private scratch). */
    @Test
    void perTimeConstantsAreTheCpuModelsBitForBit() throws Exception {
        final SplittableRandom rnd = new SplittableRandom(5);
        final int k = 6;
        final int dim = 50;
        final double[] w = new double[k];
        final double[][] means = new double[k][dim];
        final double[][] stds = new double[k][dim];
        for (int j = 0; j < k; j++) {
            w[j] = rnd.nextDouble(0.1, 3);
            for (int d = 0; d < dim; d++) {
                means[j][d] = rnd.nextDouble(-3, 3);
                stds[j][d] = rnd.nextDouble(0.01, 2);
            }
        }
        final GaussianMixtureParameters p = new GaussianMixtureParameters(w, means, stds, SCHEDULE,
            ModelTimeMap.CONTINUOUS);
        final GaussianMixtureModel cpu = p.cpuModel();
        for (double t : new double[] {1e-3, 0.123, 0.5, 1}) {
            cpu.noise(new double[dim], t, new double[dim]);
            assertTrue(p.prepare(t));
            assertArrayEquals(field(cpu, "logNormalisers"), p.logNormalisers, 0, "t = " + t);
            assertEquals(field(cpu, "alpha")[0], p.alpha, 0);
            assertEquals(field(cpu, "sigma")[0], p.sigma, 0);
            final double[] variances = field(cpu, "variances");
            for (int kd = 0; kd < k * dim; kd++) {
                assertEquals(variances[kd], p.alpha2 * p.stds2[kd] + p.sigma2, 0, "variance " + kd);
            }
            assertTrue(!p.prepare(t), "same time prepared again");
        }
    }

    private static double[] field(GaussianMixtureModel m, String name) throws Exception {
        final Field f = GaussianMixtureModel.class.getDeclaredField(name);
        f.setAccessible(true);
        final Object v = f.get(m);
        return v instanceof double[] a ? a : new double[] {(Double) v};
    }

    @Test
    void blocksFitTheDefaultSharedMemory() {
        assertEquals(128, GaussianMixtureParameters.threadsPerBlock(64, 8));
        assertEquals(128, GaussianMixtureParameters.threadsPerBlock(3, 1));
        assertEquals(64, GaussianMixtureParameters.threadsPerBlock(64, 40));
        assertEquals(1, GaussianMixtureParameters.threadsPerBlock(1000, GaussianMixtureParameters.MAX_COMPONENTS));
        for (int dim : new int[] {1, 7, 32, 33, 64, 3072}) {
            for (int k = 1; k <= GaussianMixtureParameters.MAX_COMPONENTS; k = k * 3 + 1) {
                final int threads = GaussianMixtureParameters.threadsPerBlock(dim, k);
                assertTrue(Integer.bitCount(threads) == 1 && threads <= Kernels.GMM_MAX_THREADS);
                assertTrue(GaussianMixtureParameters.sharedBytes(threads, dim, k) <= 48 * 1024, dim + " " + k);
            }
        }
        assertEquals(1, GaussianMixtureParameters.grid(1, 128, 1056));
        assertEquals(8, GaussianMixtureParameters.grid(1000, 128, 1056));
        assertEquals(1056, GaussianMixtureParameters.grid(1L << 20, 128, 1056));
    }

    /**
     * The bound is (4K+16) u S_d: at least (4K+16) u |eps_d| (S_d >= |eps_d|), and S_d itself for
     * one component (no cancellation possible).
     */
    @Test
    void agreementBoundDominatesTheOutput() {
        final GaussianMixtureParameters p = new GaussianMixtureParameters(W, MEANS, STDS, SCHEDULE,
            ModelTimeMap.CONTINUOUS);
        final SplittableRandom rnd = new SplittableRandom(9);
        final double[] x = new double[3 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rnd.nextGaussian();
        }
        final double units = (4 * 2 + 16) * 0x1p-53;
        for (double t : new double[] {1e-3, 0.3, 1}) {
            final double[] eps = new double[x.length];
            p.cpu.noise(x, t, eps);
            final double[] bound = new double[x.length];
            p.agreementBound(x, t, bound);
            for (int i = 0; i < x.length; i++) {
                assertTrue(bound[i] >= units * Math.abs(eps[i]) * (1 - 1e-12), "element " + i + ", t = " + t);
            }
        }
        final GaussianMixtureParameters one = new GaussianMixtureParameters(new double[] {1},
            new double[][] {MEANS[0]}, new double[][] {STDS[0]}, SCHEDULE, ModelTimeMap.CONTINUOUS);
        final double[] eps = new double[x.length];
        one.cpu.noise(x, 0.5, eps);
        final double[] bound = new double[x.length];
        one.agreementBound(x, 0.5, bound);
        for (int i = 0; i < x.length; i++) {
            assertEquals(20 * 0x1p-53 * Math.abs(eps[i]), bound[i], 1e-14 * bound[i] + 1e-300, "element " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> p.agreementBound(new double[4], 0.5, new double[4]));
    }
}
