package org.expint4j.cuda.check;

import org.expint4j.cuda.CudaAvailability;
import org.expint4j.cuda.CudaGaussianMixtureModel;
import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DeviceVector;
import org.expint4j.cuda.DoubleDeviceVector;
import org.expint4j.cuda.FloatDeviceVector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian-mixture model on a real device against the CPU model. Tagged {@code gpu} (excluded
 * by default; {@code ./mvnw -pl solver-cuda test -Pgpu}, or {@code solver-cuda/gpu-check.sh}) and
 * skipped, with the probe's reason, where CUDA is unavailable.
 *
 * <p>Claims tested: every output within {@link CudaGaussianMixtureModel#agreementBound} of
 * {@link org.expint4j.diffusion.model.GaussianMixtureModel} (float: of the CPU model behind
 * {@code FloatModelAdapter}, plus one float ulp); whole DPM-Solver runs on the device within
 * {@link GaussianMixtureCheck#SAMPLING_TOLERANCE_F64} / {@code _F32} of the CPU runs (relative to
 * the largest sample; see {@link GaussianMixtureCheck} for where the tolerances come from). The
 * maximum differences and the share of bit-identical values are printed (expected: nearly all in
 * float, most in double), not asserted: the bound is the claim.
 */
@Tag("gpu")
class CudaGaussianMixtureModelGpuTest {

    private static final String TAG = "[CudaGaussianMixtureModelGpuTest] ";

    @BeforeAll
    static void printProbe() {
        System.out.println(TAG + CudaAvailability.probe());
    }

    @BeforeEach
    void requireCuda() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
    }

    /** Shapes covering the kernel's corners; see KernelEmulationTest for the same list under emulation. */
    private static final int[][] SHAPES = {
        // dimension, components, samples, far
        {64, 8, 4099, 0}, {1, 1, 333, 0}, {33, 3, 1000, 0}, {70, 40, 517, 0}, {5, 300, 200, 0}, {16, 4, 260, 1}};

    private static final double[] TIMES = {1e-4, 1e-3, 0.02, 0.3, 1};

    @Test
    void doubleModelWithinTheBoundOfTheCpuModel() {
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
            final GaussianMixtureCheck.Agreement a = agreement(ops, new GaussianMixtureCheck.Agreement(false));
            System.out.println(TAG + a);
            assertTrue(a.withinBound(), a.toString());
        }
    }

    @Test
    void floatModelWithinTheBoundOfTheCpuModelRoundedToFloat() {
        try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat()) {
            final GaussianMixtureCheck.Agreement a = agreement(ops, new GaussianMixtureCheck.Agreement(true));
            System.out.println(TAG + a);
            assertTrue(a.withinBound(), a.toString());
        }
    }

    private static <V extends DeviceVector> GaussianMixtureCheck.Agreement agreement(CudaVectorOps<V> ops,
            GaussianMixtureCheck.Agreement into) {
        long seed = 100;
        for (int[] shape : SHAPES) {
            final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(shape[0], shape[1], seed++);
            try (CudaGaussianMixtureModel<V> gpu = m.gpu(ops)) {
                for (double t : TIMES) {
                    final double[] x = GaussianMixtureCheck.points(gpu.cpuModel(), shape[2], t, shape[3] == 1, seed++);
                    GaussianMixtureCheck.compareModel(ops, gpu, x, t, into,
                        String.format(Locale.ROOT, "D=%d K=%d B=%d t=%s", shape[0], shape[1], shape[2], t));
                }
            }
        }
        return into;
    }

    /** evaluate() maps the model time back; out may be x, as for the CPU model. */
    @Test
    void modelTimeMapAndAliasedOutput() {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(64, 8, 7);
        final ModelTimeMap map = ModelTimeMap.discreteReference(1000);
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble();
             CudaGaussianMixtureModel<DoubleDeviceVector> gpu = new CudaGaussianMixtureModel<>(ops, m.weights(),
                 m.means(), m.stds(), m.schedule(), map)) {
            final double label = 249;
            final double t = map.fromModelTime(label);
            final double[] x = GaussianMixtureCheck.points(gpu.cpuModel(), 300, t, false, 8);
            final DoubleDeviceVector xv = ops.fromArray(x);
            final DoubleDeviceVector viaTime = ops.allocate(x.length);
            final DoubleDeviceVector viaLabel = ops.allocate(x.length);
            gpu.noise(xv, t, viaTime);
            gpu.evaluate(xv, label, viaLabel);
            final double[] a = new double[x.length];
            final double[] b = new double[x.length];
            ops.toArray(viaTime, a);
            ops.toArray(viaLabel, b);
            assertArrayEquals(a, b, 0);
            final double[] cpu = new double[x.length];
            gpu.cpuModel().evaluate(x, label, cpu);
            final double[] bound = new double[x.length];
            gpu.agreementBound(x, t, bound);
            for (int i = 0; i < x.length; i++) {
                assertTrue(Math.abs(a[i] - cpu[i]) <= bound[i], "element " + i);
            }
            gpu.noise(xv, t, xv);  // in place
            final double[] inPlace = new double[x.length];
            xv.download(inPlace);
            assertArrayEquals(a, inPlace, 0);
        }
    }

    @Test
    void samplingRunsOnTheDeviceAgreeWithTheCpuInDouble() {
        sampling(false);
    }

    @Test
    void samplingRunsOnTheDeviceAgreeWithTheCpuInFloat() {
        sampling(true);
    }

    private static void sampling(boolean f32) {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(64, 8, 21);
        final int batch = 2048;
        final double[] noise = GaussianMixtureCheck.noise(batch * 64, 22);
        final double tolerance = f32 ? GaussianMixtureCheck.SAMPLING_TOLERANCE_F32
            : GaussianMixtureCheck.SAMPLING_TOLERANCE_F64;
        for (GaussianMixtureCheck.Sampler s : GaussianMixtureCheck.SAMPLERS) {
            final double[] cpu = GaussianMixtureCheck.sampleCpu(m, noise, s, f32, 1);
            final double[] gpu = f32 ? gpuRun(CudaVectorOps.forFloat(), m, noise, s)
                : gpuRun(CudaVectorOps.forDouble(), m, noise, s);
            int identical = 0;
            for (int i = 0; i < cpu.length; i++) {
                if (Double.doubleToRawLongBits(cpu[i]) == Double.doubleToRawLongBits(gpu[i])) {
                    identical++;
                }
            }
            final double r = GaussianMixtureCheck.relativeMaxDifference(gpu, cpu);
            System.out.printf(Locale.ROOT, "%s%s %s, B=%d: max|gpu - cpu|/max|x| = %.3g (tolerance %.3g), "
                + "%d of %d values bit-identical%n", TAG, f32 ? "f32" : "f64", s.name(), batch, r, tolerance,
                identical, cpu.length);
            assertTrue(r <= tolerance, s.name() + ": " + r);
        }
    }

    private static <V extends DeviceVector> double[] gpuRun(CudaVectorOps<V> ops, GaussianMixtureCheck.Mixture m,
                                                           double[] noise, GaussianMixtureCheck.Sampler s) {
        try (ops; CudaGaussianMixtureModel<V> gpu = m.gpu(ops)) {
            return GaussianMixtureCheck.sampleGpu(ops, gpu, noise, s);
        }
    }

    @Test
    void parametersAreFreedOnCloseOrWithTheBackend() {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(64, 8, 3);
        final CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat();
        final long before = ops.allocatedBytes();
        final CudaGaussianMixtureModel<FloatDeviceVector> gpu = m.gpu(ops);
        assertEquals(before + gpu.deviceBytes(), ops.allocatedBytes());
        assertEquals(0, ops.liveVectors());
        gpu.close();
        gpu.close();
        assertEquals(before, ops.allocatedBytes());
        final FloatDeviceVector x = ops.allocate(64);
        assertThrows(IllegalStateException.class, () -> gpu.noise(x, 0.5, x));
        final CudaGaussianMixtureModel<FloatDeviceVector> second = m.gpu(ops);
        ops.close();
        assertEquals(0, ops.allocatedBytes());
        second.close();  // after the backend: nothing left to free, no exception
    }

    @Test
    void invalidBatchesAreRejected() {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(4, 2, 3);
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble();
             CudaVectorOps<DoubleDeviceVector> other = CudaVectorOps.forDouble();
             CudaGaussianMixtureModel<DoubleDeviceVector> gpu = m.gpu(ops)) {
            final DoubleDeviceVector x = ops.allocate(8);
            assertEquals("batch lengths 8 and 6 must be equal multiples of the dimension 4",
                assertThrows(IllegalArgumentException.class, () -> gpu.noise(x, 0.5, ops.allocate(6))).getMessage());
            assertThrows(IllegalArgumentException.class, () -> gpu.noise(x, 0.5, ops.allocate(7)));
            assertThrows(IllegalArgumentException.class, () -> gpu.noise(other.allocate(8), 0.5, x));
            assertThrows(IllegalArgumentException.class, () -> gpu.noise(x, 0.5, null));
            gpu.noise(ops.allocate(0), 0.5, ops.allocate(0));  // empty batch: nothing to do
        }
    }
}
