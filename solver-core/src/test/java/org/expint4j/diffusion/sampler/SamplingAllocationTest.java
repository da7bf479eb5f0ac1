package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.function.IntFunction;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.noise.BrownianTreeNoise;
import org.expint4j.diffusion.noise.GaussianNoise;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.method.UniPcCoefficients;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sampling steps allocate nothing in steady state, for every method on the step loop: the bytes
 * allocated between step 10 and the last step are the same for a short and a long run (HotSpot's
 * per-thread counter, read from an observer at those two steps only).
 */
class SamplingAllocationTest {

    private static final LinearSchedule LINEAR = new LinearSchedule();
    private static final GaussianDataModel MODEL =
            new GaussianDataModel(new double[] {0.5, -1, 2}, new double[] {0.1, 1, 0.3}, LINEAR,
                    ModelTimeMap.CONTINUOUS);

    @ParameterizedTest
    @ValueSource(strings = {"multistep-2", "multistep-3-singlestep-warmup", "singlestep-3-time-uniform",
        "singlestep-fixed-4", "adaptive-2", "adaptive-3", "sde-2m-brownian-tree", "sde-3m-gaussian", "unipc-3-bh1",
        "unipc-2-bh2", "multistep-2-unic", "multistep-2-karras", "singlestep-3-polyexponential", "singlestep-2-flow",
        "deis-tab-3", "ipndm-4"})
    void samplingStepsAllocateNothing(String name) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        IntFunction<SampleOptions> options = switch (name) {
            case "multistep-2" -> size -> new SampleOptions().order(2).steps(size);
            case "multistep-3-singlestep-warmup" -> size -> new SampleOptions().order(3).steps(size)
                    .warmup(SampleOptions.Warmup.SINGLESTEP);
            case "singlestep-3-time-uniform" -> size -> new SampleOptions().method(SamplingMethod.SINGLESTEP)
                    .order(3).skipType(SkipType.TIME_UNIFORM).steps(3 * size);
            case "singlestep-fixed-4" -> size -> new SampleOptions().method(SamplingMethod.SINGLESTEP_FIXED)
                    .order(4).steps(5 * size);
            // The σ-spacings compute the inner nodes of single-step methods at every step.
            case "multistep-2-karras" -> size -> new SampleOptions().order(2).steps(size).skipType(SkipType.KARRAS);
            case "singlestep-3-polyexponential" -> size -> new SampleOptions().method(SamplingMethod.SINGLESTEP)
                    .order(3).skipType(SkipType.POLYEXPONENTIAL).rho(2).steps(3 * size);
            case "singlestep-2-flow" -> size -> new SampleOptions().method(SamplingMethod.SINGLESTEP_FIXED)
                    .order(2).skipType(SkipType.FLOW).flowShift(3).steps(2 * size);
            case "adaptive-2", "adaptive-3" -> size -> new SampleOptions().method(SamplingMethod.ADAPTIVE)
                    .order(name.endsWith("2") ? 2 : 3).atol(1e-9).rtol(size == 200 ? 1e-5 : 1e-6).batchSize(4);
            // the SDE noise term: filled per step into the stepper's preallocated buffer
            case "sde-2m-brownian-tree" -> size -> new SampleOptions().order(2).steps(size).eta(1)
                    .noise(new BrownianTreeNoise(7, 1e-3, 1));
            case "sde-3m-gaussian" -> size -> new SampleOptions().order(3).steps(size).eta(0.5)
                    .solverType(SolverType.TAYLOR).noise(new GaussianNoise(7));
            case "unipc-3-bh1", "unipc-2-bh2" -> size -> new SampleOptions().sampler(Sampler.UNIPC)
                    .variant(UniPcCoefficients.Variant.parse(name.substring(8))).order(name.charAt(6) - '0')
                    .steps(size);
            case "multistep-2-unic" -> size -> new SampleOptions().order(2).corrector(true).steps(size);
            // DEIS computes its weights by quadrature at every step, into preallocated buffers.
            case "deis-tab-3" -> size -> new SampleOptions().sampler(Sampler.DEIS_TAB).order(3).steps(size);
            case "ipndm-4" -> size -> new SampleOptions().sampler(Sampler.IPNDM).order(4).steps(size);
            default -> throw new IllegalArgumentException(name);
        };
        long tid = Thread.currentThread().getId();
        long[] marks = new long[2];
        int[] last = new int[1];
        DpmSolver<double[]> solver = new DpmSolver<>(MODEL::noise, LINEAR, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS, null, (x, t, step) -> { });
        solver.addObserver((step, t, state, h, nfe) -> {
            if (step == 10) {
                marks[0] = threads.getThreadAllocatedBytes(tid);
            } else if (step == last[0]) {
                marks[1] = threads.getThreadAllocatedBytes(tid);
            }
        });
        double[] noise = new double[12];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = Math.sin(i + 1);
        }
        long[] bytes = {Long.MAX_VALUE, Long.MAX_VALUE};
        int[] steps = new int[2];
        for (int r = 0; r < 2; r++) {
            last[0] = Integer.MAX_VALUE;
            steps[r] = solver.sample(noise.clone(), options.apply(r == 0 ? 200 : 2000).batchSize(4)).steps();
        }
        // The first rounds warm up the JIT; keep the smallest of the measurements of each size.
        for (int round = 0; round < 5; round++) {
            for (int r = 0; r < 2; r++) {
                last[0] = steps[r];
                solver.sample(noise.clone(), options.apply(r == 0 ? 200 : 2000).batchSize(4));
                bytes[r] = Math.min(bytes[r], marks[1] - marks[0]);
            }
        }
        assumeTrue(steps[1] > steps[0] + 50, name + ": runs of " + steps[0] + " and " + steps[1] + " steps");
        assertEquals(bytes[0], bytes[1], name + ": " + (steps[1] - steps[0]) + " more steps allocated "
                + (bytes[1] - bytes[0]) + " bytes");
    }
}
