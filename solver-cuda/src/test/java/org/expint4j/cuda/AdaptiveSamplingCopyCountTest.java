package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SampleResult;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adaptive DPM-Solver on the device keeps its states there: per trial step one double comes back
 * to the host, the error norm (NaN for a non-finite state, so it is also the finiteness check),
 * never a vector, counted by the emulated driver. That one scalar is what any controller on the
 * host must read to accept or reject. The sampler once copied both embedded solutions to the host
 * per trial (2 n doubles). The samples agree with the CPU run.
 */
@Tag("gpu")
class AdaptiveSamplingCopyCountTest {

    private static final NoiseSchedule SCHEDULE = new LinearSchedule();
    private static final double[] W = {0.3, 0.7};
    private static final double[][] MEANS = {{-1, 0.5, 2}, {1, -0.5, 0}};
    private static final double[][] STDS = {{0.2, 0.3, 1}, {0.4, 0.25, 0.1}};

    @BeforeEach
    void requireEmulatedDriver() {
        assumeTrue(EmulatedDriver.state().startsWith("installed"), EmulatedDriver::state);
        final CudaAvailability probe = CudaAvailability.probe();
        assumeTrue(probe.isAvailable(), () -> "CUDA unavailable: " + probe.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void adaptiveSamplingCopiesOneDoublePerTrialAndNoVector(int order) {
        final int batch = 64;
        final int n = batch * 3;
        final SplittableRandom rnd = new SplittableRandom(0x5eed + order);
        final double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = rnd.nextDouble(-2, 2);
        }
        final SampleOptions options = new SampleOptions().method(SamplingMethod.ADAPTIVE).order(order)
                .batchSize(batch).atol(1e-4).rtol(1e-3);
        final double[] onCpu = noise.clone();
        final GaussianMixtureModel cpuModel = new GaussianMixtureModel(W, MEANS, STDS, SCHEDULE, ModelTimeMap.CONTINUOUS);
        final SampleResult cpu = new DpmSolver<>(cpuModel::noise, SCHEDULE, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS).sample(onCpu, options);
        try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble();
             CudaGaussianMixtureModel<DoubleDeviceVector> model = new CudaGaussianMixtureModel<>(gpu, W, MEANS, STDS,
                     SCHEDULE, ModelTimeMap.CONTINUOUS)) {
            final DoubleDeviceVector x = gpu.fromArray(noise);
            EmulatedDriver.resetCopies();
            final SampleResult result = new DpmSolver<>(model, SCHEDULE, gpu, Algorithm.DPMSOLVER_PLUS_PLUS)
                    .sample(x, options);
            final EmulatedDriver.Copies copies = EmulatedDriver.copies();
            final long trials = result.steps() + result.rejectedSteps();
            assertTrue(trials >= 5, "order " + order + ": only " + trials + " trials");
            assertEquals(8 * copies.deviceToHostCalls(), copies.deviceToHostBytes(),
                    "order " + order + ": every device-to-host copy is one double: " + copies);
            assertEquals(trials, copies.deviceToHostCalls(),
                    "order " + order + ": " + copies + " for " + trials + " trials, one double per trial");
            assertEquals(cpu.evaluations(), result.evaluations(), "order " + order + ": the CPU's step sequence");
            final double[] samples = new double[n];
            gpu.toArray(x, samples);
            for (int i = 0; i < n; i++) {
                // The device model differs from the CPU's only in exp (docs/cuda.md bounds it).
                assertEquals(onCpu[i], samples[i], 1e-9 * (1 + Math.abs(onCpu[i])), "order " + order + ", x[" + i + "]");
            }
            System.out.printf("adaptive order %d on the emulated device: %d trials, %s%n", order, trials, copies);
        }
    }
}
