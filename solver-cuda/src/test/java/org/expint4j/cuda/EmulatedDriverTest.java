package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.expint4j.cuda.check.GpuCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In the emulated-driver run every other gpu test skips when the probe reports unavailable, so a
 * host bug that breaks the probe's self-test (a wrong launch, a missing context) would pass
 * silently. This test makes it fail: once the emulated driver is installed the probe must find
 * the emulated device; and a driver that does not compile fails it too. It also runs the real
 * probe in fresh JVMs against older emulated drivers, the way a machine provides libcuda (on the
 * library path), to see it choose the PTX or give up. Skipped outside the emulated run (a real
 * device) and where g++ is missing.
 */
@Tag("gpu")
class EmulatedDriverTest {

    @Test
    void theProbeFindsTheEmulatedDevice() {
        assumeTrue(Boolean.getBoolean(EmulatedDriver.PROPERTY), "not the emulated-driver run");
        assumeFalse(EmulatedDriver.state().contains("g++ not found"), EmulatedDriver::state);
        assertTrue(EmulatedDriver.state().startsWith("installed"), EmulatedDriver::state);
        final CudaAvailability probe = CudaAvailability.probe();
        assertTrue(probe.isAvailable(), probe::toString);
        assertTrue(probe.device().startsWith("expint4j emulated device"), probe::device);
    }

    /** CUDA 12.8 cannot load the CUDA 13 fatbin: the probe takes the ISA 7.8 PTX; 11.7 is too old. */
    @Test
    void olderDriversGetThePtxOrAReason() throws Exception {
        assumeTrue(Boolean.getBoolean(EmulatedDriver.PROPERTY), "not the emulated-driver run");
        assumeTrue(EmulatedDriver.state().startsWith("installed"), EmulatedDriver::state);
        final Path library = Paths.get(EmulatedDriver.state().substring("installed: ".length()));
        final String cuda128 = gpuCheckProbe(library, "12080");
        assertTrue(cuda128.contains("available: expint4j emulated device") && cuda128.contains(
            "driver CUDA 12.8 (12080), kernels expint4j_kernels_isa78.ptx (PTX, ISA 7.8"), cuda128);
        final String cuda117 = gpuCheckProbe(library, "11070");
        assertTrue(cuda117.contains("unavailable: driver supports CUDA 11.7 (11070); the kernels need CUDA >= 11.8:"
            + " update the NVIDIA driver") && cuda117.contains("status: DRIVER_TOO_OLD"), cuda117);
    }

    /** Runs GpuCheck's probe only, in a JVM that finds the emulated libcuda.so.1 on its library path. */
    private static String gpuCheckProbe(Path library, String driverVersion)
            throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder(List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), GpuCheck.class.getName(),
            "--no-compare", "--no-bench", "--no-sampling")).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", library.getParent().toString());
        pb.environment().put("EXPINT4J_EMULATED_DRIVER_VERSION", driverVersion);
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "GpuCheck did not finish");
        System.out.println("[EmulatedDriverTest] driver " + driverVersion + ": " + out);
        assertEquals(driverVersion.equals("11070") ? 2 : 0, p.exitValue(), out);
        return out;
    }
}
