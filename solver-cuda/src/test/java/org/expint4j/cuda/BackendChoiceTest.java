package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import jcuda.driver.CUresult;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Automatic backend selection: CUDA when the probe says so, the CPU otherwise, with the reason. */
class BackendChoiceTest {

    private static final List<KernelImage> IMAGES =
        List.of(new KernelImage("k.fatbin", new byte[0], false, "9.0", 13000));

    @Test
    void autoFallsBackToCpuWithTheProbesReason() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeFalse(probe.isAvailable(), "a CUDA device is present");
        try (BackendChoice choice = BackendChoice.select("auto", Precision.DOUBLE)) {
            System.out.println("[BackendChoiceTest] " + choice);
            assertEquals(BackendChoice.Kind.CPU, choice.kind());
            assertInstanceOf(DoubleVectorOps.class, choice.ops());
            assertEquals("CUDA unavailable: " + probe.reason(), choice.reason());
            assertTrue(choice.toString().startsWith("cpu-double: CUDA unavailable: "), choice.toString());
        }
        try (BackendChoice choice = BackendChoice.auto(Precision.FLOAT)) {
            assertInstanceOf(FloatVectorOps.class, choice.ops());
        }
    }

    @Test
    void cudaOnRequestFailsWithTheReasonWhenUnavailable() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeFalse(probe.isAvailable(), "a CUDA device is present");
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> BackendChoice.select("CUDA", Precision.DOUBLE));
        assertTrue(e.getMessage().endsWith(probe.reason()), e.getMessage());
    }

    /** With a device (or the emulated driver): auto and cuda give the device backend, named. */
    @Test
    @Tag("gpu")
    void autoAndCudaPickTheDeviceBackendWhenAvailable() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
        for (String mode : new String[] {"auto", "CUDA"}) {
            for (Precision p : Precision.values()) {
                try (BackendChoice choice = BackendChoice.select(mode, p)) {
                    System.out.println("[BackendChoiceTest] " + choice);
                    assertEquals(BackendChoice.Kind.CUDA, choice.kind());
                    final CudaVectorOps<?> ops = assertInstanceOf(CudaVectorOps.class, choice.ops());
                    assertEquals(p, ops.precision());
                    assertTrue(choice.reason().contains(probe.reason()), choice.reason());
                    assertEquals(3.0, roundTripMax(ops));
                }
            }
        }
    }

    private static <V extends DeviceVector> double roundTripMax(CudaVectorOps<V> ops) {
        final V v = ops.fromArray(new double[] {1, -3, 2});
        return ops.maxAbs(v);
    }

    @Test
    void cpuOnRequest() {
        try (BackendChoice choice = BackendChoice.select(" cpu ", Precision.FLOAT)) {
            assertEquals(BackendChoice.Kind.CPU, choice.kind());
            assertEquals("requested by expint4j.backend=cpu", choice.reason());
            assertInstanceOf(FloatVectorOps.class, choice.ops());
        }
    }

    @Test
    void unknownModeIsRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BackendChoice.select("gpu", Precision.DOUBLE));
        assertEquals("expint4j.backend = 'gpu', expected auto, cpu or cuda", e.getMessage());
    }

    @Test
    void autoPicksCudaWhenAvailable() {
        final VectorOps<double[]> stand = DoubleVectorOps.serial();
        final CudaAvailability available = CudaAvailability.evaluate(new Working(), IMAGES, 0);
        final BackendChoice choice = BackendChoice.choose("auto", Precision.DOUBLE, () -> available, p -> stand);
        assertEquals(BackendChoice.Kind.CUDA, choice.kind());
        assertSame(stand, choice.ops());
        assertEquals(available.reason(), choice.reason());
    }

    @Test
    void autoFallsBackWhenTheProbeFails() {
        final CudaAvailability none = CudaAvailability.evaluate(new Working() {
            @Override
            public int init() {
                return CUresult.CUDA_ERROR_NO_DEVICE;
            }
        }, IMAGES, 0);
        final BackendChoice choice = BackendChoice.choose(null, Precision.DOUBLE, () -> none, p -> {
            throw new AssertionError("CUDA backend must not be created");
        });
        assertEquals(BackendChoice.Kind.CPU, choice.kind());
        assertTrue(choice.reason().startsWith("CUDA unavailable: cuInit: CUDA_ERROR_NO_DEVICE (100)"),
            choice.reason());
        choice.close();
    }

    /** A driver that works. */
    private static class Working implements CudaAvailability.Steps<String> {
        @Override
        public int init() {
            return 0;
        }

        @Override
        public int driverVersion() {
            return 13000;
        }

        @Override
        public int deviceCount() {
            return 1;
        }

        @Override
        public String open(int device, KernelImage image, int driverVersion) {
            return "ctx";
        }

        @Override
        public String describe(String context) {
            return "Fake GPU";
        }

        @Override
        public String selfTest(String context) {
            return null;
        }
    }
}
