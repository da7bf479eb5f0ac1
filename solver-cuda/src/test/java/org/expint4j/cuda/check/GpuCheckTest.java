package org.expint4j.cuda.check;

import org.expint4j.cuda.CudaAvailability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU check's main: without a GPU a clean "unavailable" report and exit status 2; with one (a
 * device with {@code -Pgpu}, or the emulated driver of the default build, see {@link EmulatedDriver})
 * the whole check at small sizes.
 */
class GpuCheckTest {

    @Test
    void reportsUnavailableAndExitsCleanly(@TempDir Path tmp) throws Exception {
        assumeFalse(CudaAvailability.probe().isAvailable(), "a CUDA device is present");
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final Path report = tmp.resolve("sub/report.txt");
        final int status = GpuCheck.run(new String[] {"--report", report.toString(), "--quick"},
            new PrintStream(console, true, StandardCharsets.UTF_8));
        final String text = Files.readString(report);
        assertEquals(2, status, text);
        assertTrue(text.contains("unavailable: " + CudaAvailability.probe().reason()), text);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("report written to " + report));
    }

    @Test
    void badArguments() {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final int status = GpuCheck.run(new String[] {"--max-log2", "40"},
            new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(64, status);
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith("usage: "));
        assertEquals(64, GpuCheck.run(new String[] {"--frobnicate"}, new PrintStream(new ByteArrayOutputStream())));
    }

    /**
     * Every part at small sizes: probe, all comparisons, the bandwidth tables, the Gaussian-mixture
     * model, whole sampling runs, the throughput table, the summary and the report file.
     */
    @Test
    @Tag("gpu")
    void passesAndWritesItsReport(@TempDir Path tmp) throws Exception {
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
        final Path report = tmp.resolve("reports/gpu-check-report.txt");
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final int status = GpuCheck.run(new String[] {"--report", report.toString(), "--min-log2", "10",
            "--max-log2", "11", "--samples", "1", "--sampling-max-log2", "10", "--sampling-cpu-max-log2", "10"},
            new PrintStream(console, true, StandardCharsets.UTF_8));
        final String out = console.toString(StandardCharsets.UTF_8);
        System.out.println("[GpuCheckTest] " + out);
        assertEquals(0, status, out);
        assertTrue(out.contains("PASS correctness: all comparisons bit-identical"), out);
        assertTrue(out.contains("PASS Gaussian-mixture model within its bound"), out);
        assertTrue(out.contains("fused K=8") && out.contains("samples/s"), out);
        final String written = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("expint4j GPU check, ") && written.contains("total "), written);
    }
}
