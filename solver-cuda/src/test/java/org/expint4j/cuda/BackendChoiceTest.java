package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import jcuda.driver.CUresult;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;
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
