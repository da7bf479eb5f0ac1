package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In the emulated-driver run every other gpu test skips when the probe reports unavailable, so a
 * host bug that breaks the probe's self-test (a wrong launch, a missing context) would pass
 * silently. This test makes it fail: once the emulated driver is installed the probe must find
 * the emulated device; and a driver that does not compile fails it too. Skipped outside the
 * emulated run (a real device) and where g++ is missing.
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
}
