package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzz of valid fixed-step sampler configurations at the edges of the time range:
 * every method, order, skip type, solver type, algorithm, warm-up and schedule family, intervals
 * from \(t_{\min}\) to \(T\) down to a few \(10^{-5}\) wide, 1 to 60 steps, with and without the
 * lower-order final steps and denoise-to-zero. Every run must end at \(t_{\mathrm{end}}\) with finite
 * samples and the NFE the method documents (SampleOptions).
 * Each failure names its seed.
 */
class SamplerConfigurationFuzzTest {

    static LongStream seeds() {
        return LongStream.range(0, 600);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void finiteSamplesTheDocumentedNfeAndTheEndTime(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NoiseSchedule schedule = FuzzInstances.schedule(r.nextInt(4));
        SamplingMethod method = SamplingMethod.values()[r.nextInt(3)];
        int order = method == SamplingMethod.SINGLESTEP ? 1 + r.nextInt(3) : 1 + r.nextInt(4);
        int minSteps = method == SamplingMethod.SINGLESTEP_FIXED ? DpmSolver.stagesOf(order) : order;
        int steps = minSteps + r.nextInt(60);
        double tMin = schedule.tMin();
        double tMax = schedule.tMax();
        // Either the whole range or a short piece of it near either end.
        double tEnd;
        double tStart;
        switch (r.nextInt(3)) {
            case 0 -> {
                tEnd = tMin;
                tStart = tMax;
            }
            case 1 -> {
                tEnd = tMin * (1 + 3 * r.nextDouble());
                tStart = tEnd + Math.exp(r.nextDouble(Math.log(2e-5), Math.log(1e-2)));
            }
            default -> {
                tStart = tMax;
                tEnd = tMax - Math.exp(r.nextDouble(Math.log(2e-5), Math.log(1e-1)));
            }
        }
        Algorithm algorithm = r.nextBoolean() ? Algorithm.DPMSOLVER_PLUS_PLUS : Algorithm.DPMSOLVER;
        SampleOptions options = new SampleOptions().method(method).order(order).steps(steps).tStart(tStart)
                .tEnd(tEnd).skipType(SkipType.values()[r.nextInt(3)]).solverType(SolverType.values()[r.nextInt(2)])
                .lowerOrderFinal(r.nextBoolean()).denoiseToZero(r.nextInt(4) == 0)
                .warmup(SampleOptions.Warmup.values()[r.nextInt(2)]).exactThirdOrderMultistep(r.nextBoolean());
        FuzzInstances.Data data = FuzzInstances.gaussian(r, schedule, 3);
        double[] noise = data.noise();
        options.batchSize(data.batch());
        GaussianDataModel model = data.model();
        DpmSolver<double[]> solver = new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(), algorithm);
        String c = "seed " + seed + ": " + schedule + ", " + algorithm + " " + method + " order " + order + ", "
                + steps + " steps, " + options.skipType + ", " + options.solverType + ", warm-up " + options.warmup
                + ", lower-order final " + options.lowerOrderFinal + ", denoise " + options.denoiseToZero
                + ", t " + tStart + " -> " + tEnd;
        double[] x = noise.clone();
        SampleResult result;
        try {
            result = solver.sample(x, options);
        } catch (RuntimeException e) {
            throw new AssertionError(c + " failed: " + e, e);
        }
        int stages = DpmSolver.stagesOf(order);
        long nfe = switch (method) {
            case SINGLESTEP_FIXED -> (long) (steps / stages) * stages;
            case MULTISTEP -> options.warmup == SampleOptions.Warmup.SINGLESTEP
                    ? steps + (order - 1) * (stages - 1) : steps;
            default -> steps;
        };
        assertEquals(nfe + (options.denoiseToZero ? 1 : 0), result.evaluations(), c + ": NFE");
        assertEquals(tEnd, result.finalTime(), 0.0, c + ": final time");
        for (int i = 0; i < x.length; i++) {
            assertTrue(Double.isFinite(x[i]), c + ": x[" + i + "] = " + x[i]);
        }
    }
}
