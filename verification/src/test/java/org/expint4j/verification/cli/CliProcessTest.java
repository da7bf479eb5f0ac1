package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 cases that need a process of their own: standard output on a full disk, and heaps too
 * small for the requested sizes, refused up front or, when memory does run out, reported in one
 * line with the options to reduce.
 */
class CliProcessTest {

    @TempDir
    Path dir;

    @Test
    void sampleToAFullDiskExitsWithOne() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full");
        ChildCli.Exit exit = ChildCli.run(dir, List.of(), full, "sample", "--gaussian", "--mean", "0,1", "--std",
                "1,1", "--samples", "1000", "--quiet", "--backend", "cpu");
        assertEquals(Expint.RUN_FAILURE, exit.code(), exit.err());
        assertOneLine(exit.err(), "standard output could not be written");
    }

    @Test
    void sampleBeyondASmallHeapIsRefusedUpFront() throws Exception {
        // 300000 values passed the old estimate under -Xmx32m and then ran out of memory.
        Path out = dir.resolve("o.csv");
        ChildCli.Exit exit = ChildCli.run(dir, List.of("-Xmx32m"), devNull(), "sample", "--gaussian", "--mean", "0",
                "--std", "1", "--samples", "300000", "--quiet", "--backend", "cpu", "--out", out.toString());
        assertEquals(Expint.USAGE_ERROR, exit.code(), exit.err());
        assertOneLine(exit.err(), "--samples 300000 needs about");
        assertFalse(Files.exists(out));
    }

    @Test
    void demoBeyondASmallHeapIsRefusedUpFront() throws Exception {
        Path out = dir.resolve("demo");
        ChildCli.Exit exit = ChildCli.run(dir, List.of("-Xmx64m"), devNull(), "demo", "--samples", "1000000",
                "--quiet", "--out", out.toString());
        assertEquals(Expint.USAGE_ERROR, exit.code(), exit.err());
        assertOneLine(exit.err(), "--samples 1000000 needs about");
        assertFalse(Files.exists(out));
    }

    @Test
    void outOfMemoryIsOneLineAndLeavesNoOutput() throws Exception {
        // An order study needs more than 8 MB of heap (dense 199 x 199 matrices and their phi functions).
        Path out = dir.resolve("order");
        ChildCli.Exit exit = ChildCli.run(dir, List.of("-Xmx8m"), devNull(), "order", "--problem", "hochost",
                "--methods", "hochost4", "--steps", "8,16", "--out", out.toString());
        assertEquals(Expint.USAGE_ERROR, exit.code(), exit.err());
        // Its memory is set by the problem, not by an option: the advice is a larger heap.
        assertOneLine(exit.err(), "out of memory (the JVM may use ");
        assertOneLine(exit.err(), "): raise the limit with EXPINT_JAVA_OPTS=-Xmx");
        assertFalse(Files.exists(out));
    }

    private static File devNull() {
        return new File("/dev/null");
    }
}
