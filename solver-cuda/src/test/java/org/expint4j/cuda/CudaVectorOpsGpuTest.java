package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CUDA backend on a real device. Tagged {@code gpu} (excluded by default; run with
 * {@code ./mvnw -pl solver-cuda test -Pgpu}, or through {@code solver-cuda/gpu-check.sh} on a
 * machine without Maven) and skipped, with the probe's reason, where CUDA is unavailable.
 *
 * <p>The claim tested: every operation is bit-identical to the CPU backend of the same precision
 * (double and float), reductions included, and whole integrations agree bit for bit; the
 * operation-by-operation comparison is {@code org.expint4j.cuda.check.CpuComparisonGpuTest}, through
 * the device check's harness.
 */
@Tag("gpu")
class CudaVectorOpsGpuTest {

    @BeforeAll
    static void printProbe() {
        System.out.println("[CudaVectorOpsGpuTest] " + CudaAvailability.probe());
    }

    /** Per test, so that each is reported as skipped with the reason. */
    @BeforeEach
    void requireCuda() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
    }

    /**
     * Each shipped image on its own, as the probe would load it were it the only one (the fatbin's
     * SASS, and the PTX the driver compiles for the device): it loads and passes the self-test.
     * Images the driver is too old for are reported and left out.
     */
    @Test
    void everyShippedImageLoadsAndPassesTheSelfTest() {
        final int driver = CudaAvailability.probe().driverVersion();
        int loaded = 0;
        for (KernelImage image : KernelImage.shipped()) {
            if (image.minDriver() > driver) {
                System.out.println("[CudaVectorOpsGpuTest] " + image + ": not tried, driver " + driver);
                continue;
            }
            final CudaAvailability a = CudaAvailability.evaluate(new CudaAvailability.JCudaDriverSteps(),
                List.of(image), 0);
            System.out.println("[CudaVectorOpsGpuTest] " + image + ": " + a);
            assertTrue(a.isAvailable(), image + ": " + a);
            loaded++;
        }
        assertTrue(loaded > 0, "no image tried");
    }

    @Test
    void vectorsAreFreedOnCloseAndWithTheBackend() {
        final CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble();
        final DoubleDeviceVector a = ops.allocate(1000);
        final DoubleDeviceVector b = ops.allocate(24);
        assertEquals(2, ops.liveVectors());
        assertEquals(8 * 1024, ops.allocatedBytes());
        a.close();
        a.close();
        assertEquals(1, ops.liveVectors());
        assertEquals(8 * 24, ops.allocatedBytes());
        assertEquals(0, ops.allocate(0).bytes());
        assertEquals(1, ops.liveVectors());
        ops.maxAbs(b);  // reduction scratch
        assertTrue(ops.allocatedBytes() > 8 * 24);
        ops.close();
        assertEquals(0, ops.liveVectors());
        assertEquals(0, ops.allocatedBytes());
        assertTrue(b.isClosed());
        assertThrows(IllegalStateException.class, () -> ops.maxAbs(b));
    }

    @Test
    void unreachableVectorsAreFreedAtALaterAllocation() throws InterruptedException {
        try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat()) {
            for (int i = 0; i < 10; i++) {
                ops.allocate(1 << 20);
            }
            for (int attempt = 0; attempt < 50 && ops.liveVectors() > 1; attempt++) {
                System.gc();
                Thread.sleep(20);
                ops.allocate(1).close();
            }
            assertTrue(ops.liveVectors() <= 1, ops.liveVectors() + " vectors still live");
        }
    }

    @Test
    void outOfMemoryNamesTheRequestAndTheFreeMemory() {
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
            final List<DoubleDeviceVector> hold = new ArrayList<>();
            final DeviceMemoryException e = assertThrows(DeviceMemoryException.class, () -> {
                for (int i = 0; i < 64; i++) {
                    hold.add(ops.allocate(Integer.MAX_VALUE));  // 16 GiB each
                }
            });
            System.out.println("[CudaVectorOpsGpuTest] " + e.getMessage());
            assertEquals(8L * Integer.MAX_VALUE, e.requestedBytes());
            assertTrue(e.freeBytes() >= 0 && e.totalBytes() > 0, e.getMessage());
            assertTrue(e.getMessage().contains("cannot allocate 16.00 GiB (17179869176 bytes)"), e.getMessage());
            assertTrue(e.getMessage().contains(" free of "), e.getMessage());
            assertEquals(hold.size(), ops.liveVectors());
            hold.forEach(DeviceVector::close);
            assertEquals(0, ops.liveVectors());
        }
    }

    /** A backend may be used from any thread (one at a time): each call makes the context current. */
    @Test
    void worksFromAnotherThread() throws Exception {
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
            final DoubleDeviceVector v = ops.fromArray(new double[] {1, -3, 2});
            final ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                final Future<Double> max = pool.submit(() -> ops.maxAbs(v));
                assertEquals(3.0, max.get(30, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3.0, ops.maxAbs(v));
        }
    }

    /**
     * One backend shared by 8 threads, each combining and reducing its own vectors: every result
     * has the bits of the same calls made alone (the calls are serialised on the instance; before,
     * they shared one argument block unguarded).
     */
    @Test
    void sharedByEightThreadsEachResultIsTheSingleThreadedOne() throws Exception {
        final int threads = 8;
        final int n = 4099;
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
            final double[][] expected = new double[threads][];
            for (int k = 0; k < threads; k++) {
                expected[k] = work(ops, k, n);
            }
            final ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                final List<Future<double[]>> results = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    for (int k = 0; k < threads; k++) {
                        final int id = k;
                        results.add(pool.submit(() -> work(ops, id, n)));
                    }
                }
                for (int i = 0; i < results.size(); i++) {
                    assertArrayEquals(expected[i % threads], results.get(i).get(60, TimeUnit.SECONDS),
                            "thread " + i % threads + ", round " + i / threads);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Ten combinations and reductions on vectors of its own; returns the state and the norms. */
    private static double[] work(CudaVectorOps<DoubleDeviceVector> ops, int id, int n) {
        final double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.sin(i * 0.37 + id) * (1 + id);
        }
        try (DoubleDeviceVector a = ops.fromArray(values); DoubleDeviceVector b = ops.allocate(n)) {
            final double[] out = new double[n + 20];
            final DoubleDeviceVector[] terms = {a, b};
            ops.fill(b, 0.25 * id);
            for (int step = 0; step < 10; step++) {
                ops.linearCombination(new double[] {0.9, 0.1 + step}, terms, 2, b);
                out[n + 2 * step] = ops.maxAbs(b);
                out[n + 2 * step + 1] = ops.weightedRms(a, b, 1e-3, 1e-2);
            }
            final double[] state = new double[n];
            ops.toArray(b, state);
            System.arraycopy(state, 0, out, 0, n);
            return out;
        }
    }

    @Test
    void uploadAndDownloadRanges() {
        try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat()) {
            final FloatDeviceVector v = ops.allocate(6);
            v.upload(new float[] {9, 1, 2, 3, 9}, 1, 2, 3);
            final float[] all = new float[6];
            v.download(all);
            assertArrayEquals(new float[] {0, 0, 1, 2, 3, 0}, all);
            final float[] part = new float[4];
            v.download(2, part, 1, 2);
            assertArrayEquals(new float[] {0, 1, 2, 0}, part);
            assertThrows(IllegalArgumentException.class, () -> v.upload(new float[3], 0, 4, 3));
        }
    }
}
