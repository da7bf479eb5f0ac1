package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.X0Correction;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every combination of method × algorithm × solver type × skip type × order,
 * lower_order_final on/off, denoise_to_zero on/off and dynamic thresholding on/off, the framework
 * sampler (exponential integrators in λ-time) equals the reference formulas written directly in
 * \(x\)-space ({@link ReferenceDpmSolver}) to 1e-9 relative, on a batch of Gaussian-data samples
 * with parameters drawn from the seed.
 */
class DpmSolverAgreementProperties {

    static Stream<Arguments> combinations() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1000;
        for (Algorithm algorithm : Algorithm.values()) {
            for (SamplingMethod method : List.of(SamplingMethod.MULTISTEP, SamplingMethod.SINGLESTEP,
                    SamplingMethod.SINGLESTEP_FIXED)) {
                for (SolverType type : SolverType.values()) {
                    for (SkipType skip : SkipType.values()) {
                        for (int order = 1; order <= 3; order++) {
                            for (int flags = 0; flags < 8; flags++) {
                                cases.add(Arguments.of(algorithm, method, type, skip, order, (flags & 1) != 0,
                                        (flags & 2) != 0, (flags & 4) != 0, seed++));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} order {4} lof={5} denoise={6} threshold={7} seed {8}")
    @MethodSource("combinations")
    void frameworkEqualsReferenceFormulas(Algorithm algorithm, SamplingMethod method, SolverType type, SkipType skip,
                                          int order, boolean lowerOrderFinal, boolean denoise, boolean threshold,
                                          long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = 3;
        int batch = 4;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = random.nextDouble(-2, 2);
            std[i] = random.nextDouble(0.05, 1.5);
        }
        double[] xT = new double[d * batch];
        for (int i = 0; i < xT.length; i++) {
            xT[i] = random.nextGaussian();
        }
        int steps = 3 + random.nextInt(10);
        double tEnd = random.nextBoolean() ? 1e-3 : 1e-2;
        LinearSchedule schedule = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(mean, std, schedule, ModelTimeMap.CONTINUOUS);
        X0Correction<double[]> correction = threshold ? DynamicThresholding.ofDoubles(batch, 0.9, 1.0) : null;

        double[] x = xT.clone();
        SampleResult result = new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(), algorithm, correction,
                null).sample(x, new SampleOptions().method(method).solverType(type).skipType(skip).order(order)
                .steps(steps).tEnd(tEnd).lowerOrderFinal(lowerOrderFinal).denoiseToZero(denoise)
                .exactThirdOrderMultistep(false).batchSize(batch));

        ReferenceDpmSolver reference = new ReferenceDpmSolver(model::noise, schedule,
                algorithm == Algorithm.DPMSOLVER_PLUS_PLUS, correction);
        double[] expected = reference.sample(xT, steps, 1.0, tEnd, order, skip, method, lowerOrderFinal, denoise,
                type == SolverType.TAYLOR);

        double scale = 0;
        double diff = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(x[i] - expected[i]));
        }
        double s = scale;
        double dd = diff;
        assertTrue(diff <= 1e-9 * Math.max(scale, 1e-3),
                () -> "seed " + seed + ": max |framework - reference| = " + dd + " at scale " + s);
        assertEquals(reference.nfe, result.evaluations(), "seed " + seed + ": NFE");
    }
}
