package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes the kernel source itself without a GPU: {@code src/test/cuda/emulate_kernels.cpp}
 * compiles {@code expint4j_kernels.cu} as C++ against a small host emulation of CUDA (threads of a
 * block as std::threads, {@code __syncthreads} as a barrier, rounded intrinsics as plain IEEE
 * operations without contraction), launches every kernel with the grids the Java backend uses, and
 * compares the results bit for bit with references written from the CPU backend's documented
 * order: sizes with tails, misaligned views (the scalar path), sums of up to 10 terms in several
 * passes, aliased outputs, dense sums, fills, max-abs with NaN, blocked RMS norms per sample with
 * scalar and per-component tolerances. What it cannot show (real vector loads, the memory model,
 * the driver) is left to the GPU tests. Needs g++ with C++20; skipped otherwise.
 */
class KernelEmulationTest {

    @Test
    void kernelsAgreeWithTheCpuOrderUnderEmulation(@TempDir Path tmp) throws Exception {
        final Path module = Paths.get("").toAbsolutePath();
        final Path binary = tmp.resolve("emulate_kernels");
        final Result compile;
        try {
            compile = exec(tmp, "g++", "-std=c++20", "-O1", "-ffp-contract=off", "-fno-fast-math",
                "-Wno-unknown-pragmas", "-pthread", "-o", binary.toString(),
                module.resolve("src/test/cuda/emulate_kernels.cpp").toString());
        } catch (IOException e) {
            assumeTrue(false, "g++ not found: kernel emulation skipped (" + e.getMessage() + ")");
            return;
        }
        assertEquals(0, compile.status, "g++ failed:\n" + compile.output);
        final Result run = exec(tmp, binary.toString());
        System.out.print("[KernelEmulationTest] " + run.output);
        assertEquals(0, run.status, run.output);
        assertTrue(run.output.contains(" checks, 0 failures"), run.output);
    }

    private record Result(int status, String output) {
    }

    private static Result exec(Path dir, String... command) throws IOException, InterruptedException {
        final Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
