package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expint4j.cuda.CudaAvailability;
import org.expint4j.cuda.EmulatedDriver;
import org.expint4j.verification.cli.ExpintCliTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expint sample} on the CUDA backend: the same noise sampled on the device and on the CPU
 * agrees within the tolerances of whole sampling runs (docs/cuda.md, section 6: max|x(gpu) −
 * x(cpu)| ≤ 2^-35 · max|x(cpu)| in double, 2^-11 · max|x| in float), for a mixture and for a single
 * Gaussian (a mixture of one component on the device); {@code auto} picks the device; a batch
 * that does not fit on the device is one clear line and exit code 2. Tagged {@code gpu}: it runs
 * against a device or, in the default build, solver-cuda's emulated driver (with 64 MiB of
 * device memory); skipped with the probe's reason otherwise.
 */
@Tag("gpu")
class SampleOnDeviceTest {

    private static final String MIXTURE = "{\"weights\": [0.2, 0.5, 0.3],\n"
            + " \"means\": [[-1, 0.5, 0], [1, -0.5, 2], [0, 0, -1]],\n"
            + " \"stds\": [[0.2, 0.3, 0.5], [0.4, 0.25, 0.1], [1, 1, 1]]}\n";

    @TempDir
    Path dir;

    @BeforeEach
    void requireDevice() {
        CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
    }

    @Test
    void theEmulatedDriverIsFoundWhenInstalled() {
        assumeTrue(Boolean.getBoolean(EmulatedDriver.PROPERTY), "not the emulated-driver run");
        assumeFalse(EmulatedDriver.state().contains("g++ not found"), EmulatedDriver::state);
        assertTrue(CudaAvailability.probe().device().startsWith("expint4j emulated device"),
                CudaAvailability.probe()::toString);
    }

    @Test
    void mixtureOnTheDeviceAgreesWithTheCpu() throws IOException {
        Path gmm = dir.resolve("mixture.json");
        Files.writeString(gmm, MIXTURE);
        for (String precision : List.of("float64", "float32")) {
            for (String method : List.of("multistep", "adaptive")) {
                String[] model = {"--gmm", gmm.toString()};
                compare(model, precision, "--method", method, "--order", "3", "--steps", "12");
            }
        }
    }

    @Test
    void singleGaussianOnTheDeviceAgreesWithTheCpu() {
        compare(new String[] {"--gaussian", "--mean", "1,-2", "--std", "0.5,2"}, "float64", "--steps", "10");
    }

    @Test
    void sdeOnTheDeviceAgreesWithTheCpu() throws IOException {
        Path gmm = dir.resolve("mixture.json");
        Files.writeString(gmm, MIXTURE);
        // the noise term is one more term of the device's fused sum, its noise uploaded per step
        for (String precision : List.of("float64", "float32")) {
            compare(new String[] {"--gmm", gmm.toString()}, precision, "--sde", "--order", "3", "--steps", "12");
        }
        compare(new String[] {"--gmm", gmm.toString()}, "float64", "--eta", "0.5", "--sde-noise", "gaussian",
                "--steps", "12");
    }

    @Test
    void autoPicksTheDevice() throws IOException {
        Path gmm = dir.resolve("mixture.json");
        Files.writeString(gmm, MIXTURE);
        Result r = ExpintCliTest.run("sample", "--gmm", gmm.toString(), "--samples", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(", cuda: " + CudaAvailability.probe().device() + ")"), r.err());
    }

    @Test
    void aBatchThatDoesNotFitIsAClearError() throws IOException {
        assumeTrue(Boolean.getBoolean(EmulatedDriver.PROPERTY), "sized for the emulated driver's 64 MiB");
        Path gmm = dir.resolve("mixture.json");
        Files.writeString(gmm, MIXTURE);
        Result r = ExpintCliTest.run("sample", "--gmm", gmm.toString(), "--samples", "1000000", "--backend", "cuda",
                "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("expint: --samples 1000000 does not fit on the device: out of device "
                + "memory: cannot allocate"), r.err());
        assertEquals("", r.out());
    }

    private static void compare(String[] model, String precision, String... options) {
        double[][] device = samples(model, precision, "cuda", options);
        double[][] cpu = samples(model, precision, "cpu", options);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < cpu.length; i++) {
            for (int d = 0; d < cpu[i].length; d++) {
                scale = Math.max(scale, Math.abs(cpu[i][d]));
                diff = Math.max(diff, Math.abs(device[i][d] - cpu[i][d]));
            }
        }
        double tolerance = precision.equals("float32") ? 0x1p-11 : 0x1p-35;
        String what = String.join(" ", model) + " " + precision + " " + String.join(" ", options);
        System.out.printf("[SampleOnDeviceTest] %s: max|gpu-cpu|/max|x| = %.3g (tolerance %.3g)%n", what,
                diff / scale, tolerance);
        assertTrue(diff <= tolerance * scale, what + ": " + diff / scale);
    }

    private static double[][] samples(String[] model, String precision, String backend, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("sample", "--samples", "200", "--seed", "7",
                "--precision", precision, "--backend", backend, "--quiet"));
        args.addAll(List.of(model));
        args.addAll(List.of(options));
        Result r = ExpintCliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), backend + ": " + r.err());
        List<String> lines = r.outLines();
        assertEquals(200, lines.size());
        double[][] x = new double[lines.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        return x;
    }
}
