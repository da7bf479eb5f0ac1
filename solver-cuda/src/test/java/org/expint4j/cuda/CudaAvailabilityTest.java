package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUresult;
import org.expint4j.cuda.CudaAvailability.Status;
import org.junit.jupiter.api.Test;

/** The probe: never throws, and names the first failing step in one line. */
class CudaAvailabilityTest {

    private static final KernelImage FATBIN = new KernelImage("k.fatbin", new byte[0], false, "9.0", 13000);
    private static final KernelImage PTX = new KernelImage("k_isa78.ptx", new byte[1], true, "7.8", 11080);
    private static final List<KernelImage> IMAGES = List.of(FATBIN, PTX);

    /** On this machine: whatever the outcome, no exception, one line, cached. */
    @Test
    void probeNeverThrowsAndIsCached() {
        final CudaAvailability a = CudaAvailability.probe();
        System.out.println("[CudaAvailabilityTest] " + a);
        assertSame(a, CudaAvailability.probe());
        assertFalse(a.reason().isEmpty());
        assertFalse(a.reason().contains("\n"), a.reason());
        if (!a.isAvailable()) {
            final IllegalStateException e = assertThrows(IllegalStateException.class, a::requireContext);
            assertTrue(e.getMessage().contains(a.reason()));
            assertThrows(IllegalStateException.class, CudaVectorOps::forDouble);
            assertThrows(IllegalStateException.class, CudaVectorOps::forFloat);
        }
    }

    /**
     * Without a driver (CI, this project's machines) the natives fail to link: the first touch of
     * JCudaDriver throws UnsatisfiedLinkError, every later one NoClassDefFoundError; both are
     * reported as NO_DRIVER with the dynamic linker's complaint.
     */
    @Test
    void missingDriverIsReportedOnEveryAttempt() {
        final CudaAvailability first = CudaAvailability.probe();
        assumeTrue(first.status() == Status.NO_DRIVER, "the natives load here: " + first);
        // e.g. "...: libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file"
        assertTrue(first.reason().matches("JCuda natives or libcuda.so.1 cannot be loaded: \\S+\\.so.*: .+"),
            first.reason());
        assertFalse(first.reason().contains("java.library.path"), first.reason());
        for (int attempt = 0; attempt < 2; attempt++) {
            final CudaAvailability again = CudaAvailability.evaluate(new CudaAvailability.JCudaDriverSteps(),
                IMAGES, 0);
            assertEquals(Status.NO_DRIVER, again.status());
            assertEquals(first.reason() + " (JCudaDriver failed to initialise earlier in this JVM)", again.reason());
        }
    }

    @Test
    void linkFailureKeepsTheLinkersComplaint() {
        final UnsatisfiedLinkError first = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver\"\n"
            + "java.lang.UnsatisfiedLinkError: no JCudaDriver in java.library.path: /usr/lib\n\tat x.y(Z.java:1)\n"
            + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open "
            + "shared object file: No such file or directory\n\tat x.y(Z.java:2)");
        assertEquals("libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: "
            + "No such file or directory", CudaAvailability.linkFailure(first));
        final NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        later.initCause(new ExceptionInInitializerError("Exception " + first.getMessage()));
        assertTrue(CudaAvailability.linkFailure(later).endsWith(
            "(JCudaDriver failed to initialise earlier in this JVM)"));
        assertEquals("UnsatisfiedLinkError: odd", CudaAvailability.linkFailure(new UnsatisfiedLinkError("odd")));
    }

    @Test
    void linkageErrorMeansNoDriver() {
        final Fake fake = new Fake();
        fake.linkError = true;
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.NO_DRIVER, a.status());
        assertTrue(a.reason().contains("libcuda.so.1: cannot open shared object file"), a.reason());
        assertFalse(a.isAvailable());
        assertTrue(a.toString().startsWith("unavailable: "));
    }

    @Test
    void initFailuresAreNamed() {
        final Fake fake = new Fake();
        fake.init = CUresult.CUDA_ERROR_NO_DEVICE;
        CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.NO_DEVICE, a.status());
        assertTrue(a.reason().contains("CUDA_ERROR_NO_DEVICE (100)"), a.reason());

        fake.init = Cu.STUB_LIBRARY;
        a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.INIT_FAILED, a.status());
        assertTrue(a.reason().contains("(34)") && a.reason().contains("stub"), a.reason());

        fake.init = Cu.INSUFFICIENT_DRIVER;
        a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.INIT_FAILED, a.status());
        assertTrue(a.reason().contains("CUDA_ERROR_INSUFFICIENT_DRIVER (35)"), a.reason());
    }

    @Test
    void noDevice() {
        final Fake fake = new Fake();
        fake.devices = 0;
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.NO_DEVICE, a.status());
        assertEquals("no CUDA device", a.reason());
        assertEquals(13000, a.driverVersion());
        assertEquals(Status.NO_DEVICE, CudaAvailability.evaluate(new Fake(), IMAGES, 1).status());
    }

    @Test
    void driverOlderThanEveryImage() {
        final Fake fake = new Fake();
        fake.version = 11070;
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.DRIVER_TOO_OLD, a.status());
        assertTrue(a.reason().contains("CUDA 11.7 (11070)") && a.reason().contains(">= 11.8"), a.reason());
        assertTrue(fake.tried.isEmpty());
    }

    /** A CUDA 12.x driver cannot load the ISA 9.0 fatbin: only the lowered PTX is tried. */
    @Test
    void olderDriverGetsTheLoweredPtx() {
        final Fake fake = new Fake();
        fake.version = 12040;
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.AVAILABLE, a.status(), a.reason());
        assertEquals(List.of("k_isa78.ptx"), fake.tried);
        assertTrue(a.reason().contains("k_isa78.ptx"), a.reason());
    }

    @Test
    void moduleLoadFailuresNameEveryImage() {
        final Fake fake = new Fake();
        fake.failing.add("k.fatbin");
        fake.failing.add("k_isa78.ptx");
        CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.MODULE_LOAD_FAILED, a.status());
        assertTrue(a.reason().contains("k.fatbin: ") && a.reason().contains("k_isa78.ptx: ")
            && a.reason().contains("CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222)"), a.reason());

        fake.failing.remove("k_isa78.ptx");
        a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.AVAILABLE, a.status());
        assertTrue(a.reason().contains("after k.fatbin: "), a.reason());
    }

    @Test
    void selfTestMismatch() {
        final Fake fake = new Fake();
        fake.mismatch = "linear3_f64 differs at 7: CPU 0.1, GPU 0.10000000000000002";
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.SELF_TEST_FAILED, a.status());
        assertTrue(a.reason().contains("Fake GPU") && a.reason().contains(fake.mismatch), a.reason());
    }

    @Test
    void unexpectedExceptionsAreContained() {
        final Fake fake = new Fake();
        fake.countThrows = true;
        final CudaAvailability a = CudaAvailability.evaluate(fake, IMAGES, 0);
        assertEquals(Status.FAILED, a.status());
        assertTrue(a.reason().contains("IllegalStateException: boom"), a.reason());
    }

    @Test
    void available() {
        final CudaAvailability a = CudaAvailability.evaluate(new Fake(), IMAGES, 0);
        assertTrue(a.isAvailable());
        assertEquals("available: Fake GPU, driver CUDA 13.0 (13000), kernels " + FATBIN, a.toString());
    }

    @Test
    void oneLineKeepsFirstLinesOfCauses() {
        final Throwable t = new IllegalStateException("outer\nsecond line", new UnsatisfiedLinkError("inner"));
        assertEquals("IllegalStateException: outer <- UnsatisfiedLinkError: inner", CudaAvailability.oneLine(t));
    }

    /** A scripted driver. */
    private static final class Fake implements CudaAvailability.Steps<String> {
        boolean linkError;
        int init = CUresult.CUDA_SUCCESS;
        int version = 13000;
        int devices = 1;
        boolean countThrows;
        final List<String> failing = new ArrayList<>();
        final List<String> tried = new ArrayList<>();
        String mismatch;

        @Override
        public int init() {
            if (linkError) {
                throw new UnsatisfiedLinkError("/tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: "
                    + "cannot open shared object file: No such file or directory");
            }
            return init;
        }

        @Override
        public int driverVersion() {
            return version;
        }

        @Override
        public int deviceCount() {
            if (countThrows) {
                throw new IllegalStateException("boom");
            }
            return devices;
        }

        @Override
        public String open(int device, KernelImage image, int driverVersion) {
            tried.add(image.name());
            if (failing.contains(image.name())) {
                throw new CudaBackendException("cuModuleLoadData(" + image.name() + ") failed: "
                    + Cu.describe(CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION),
                    CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION);
            }
            return "ctx";
        }

        @Override
        public String describe(String context) {
            return "Fake GPU";
        }

        @Override
        public String selfTest(String context) {
            return mismatch;
        }
    }
}
