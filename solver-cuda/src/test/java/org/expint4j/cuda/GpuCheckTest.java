package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU check's main without a GPU: a clean "unavailable" report and exit status 2. */
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
}
