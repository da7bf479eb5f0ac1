package org.expint4j.cuda.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CPU half of the sampling benchmark without a device: the multi-threaded CPU model gives the
 * serial model's bits (so the benchmark's CPU baseline computes the reference), and the CPU ladder
 * measures and prints.
 */
class SamplingBenchmarkTest {

    @Test
    void parallelCpuModelIsBitIdenticalToTheSerialModel() {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(16, 5, 4);
        final double[] x = GaussianMixtureCheck.points(m.cpu(), 1001, 0.3, false, 5);
        final double[] serial = new double[x.length];
        m.cpu().noise(x, 0.3, serial);
        try (GaussianMixtureCheck.ParallelCpuModel parallel = new GaussianMixtureCheck.ParallelCpuModel(m, 3)) {
            final double[] out = new double[x.length];
            parallel.evaluate(x, 0.3, out);
            assertArrayEquals(serial, out, 0);
            parallel.evaluate(x, 0.3, out);  // buffers reused
            assertArrayEquals(serial, out, 0);
        }
        final double[] noise = GaussianMixtureCheck.noise(300 * 16, 6);
        final GaussianMixtureCheck.Sampler s = GaussianMixtureCheck.SAMPLERS.get(0);
        for (boolean f32 : new boolean[] {false, true}) {
            assertArrayEquals(GaussianMixtureCheck.sampleCpu(m, noise, s, f32, 1),
                GaussianMixtureCheck.sampleCpu(m, noise, s, f32, 3), 0, f32 ? "f32" : "f64");
        }
    }

    @Test
    void cpuLadderMeasuresAndPrints() {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final SamplingBenchmark b = new SamplingBenchmark(new PrintStream(text, true, StandardCharsets.UTF_8), 10,
            20, 12);
        final List<SamplingBenchmark.Row> rows = b.cpuThroughput(10, false);
        System.out.print("[SamplingBenchmarkTest] " + text.toString(StandardCharsets.UTF_8));
        assertEquals(2, rows.size());
        for (SamplingBenchmark.Row r : rows) {
            assertTrue(r.samplesPerSecond() > 0 && r.minMs() <= r.medianMs() && r.medianMs() <= r.maxMs(), r.toString());
        }
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("cpu     f64  10   2^12"),
            text.toString(StandardCharsets.UTF_8));
    }
}
