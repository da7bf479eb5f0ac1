package org.expint4j.cuda.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.expint4j.cuda.CudaAvailability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the CUDA backend bit-identical to the CPU backend of the same precision
 * (double and float), reductions and whole integrations included, through {@link CpuComparison},
 * the harness of the device check. Tagged {@code gpu}; skipped, with the probe's reason, where CUDA
 * is unavailable.
 */
@Tag("gpu")
class CpuComparisonGpuTest {

    @Test
    void everyOperationIsBitIdenticalToTheCpu() {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
        final List<CpuComparison.Result> results = new CpuComparison((1 << 18) + 6, 42).runAll();
        final List<String> different = new ArrayList<>();
        for (CpuComparison.Result r : results) {
            System.out.println("[CpuComparisonGpuTest] " + r);
            if (!r.identical()) {
                different.add(r.toString());
            }
        }
        assertTrue(results.size() > 100, "only " + results.size() + " comparisons");
        assertEquals(List.of(), different);
    }
}
