package org.expint4j.verification.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The framework's claim on a model nobody can differentiate by hand: on the shipped network
 * (float64 graph, a class label per sample), DPM-Solver converges at the order it states. The
 * error at \(t_0 = 10^{-3}\) is measured against a 2000-step DPM-Solver++(4M) solution of the same
 * ODE from the same noise, on log-SNR grids of 40 to 320 steps with the lower-order final steps
 * off and, for orders 3 and 4, the single-step warm-up that keeps the order from the first step;
 * the observed order is the least-squares slope of log error on log steps. Seeded noise batches;
 * each failure names its seed.
 */
class ShippedModelOrderProperties {

    private static final int BATCH = 16;
    private static final int REFERENCE_STEPS = 2000;
    private static final int[] LADDER = {40, 80, 160, 320};

    private static OnnxDiffusionModel model;

    /** The 2000-step solution of each seed, computed once. */
    private static final java.util.Map<Long, double[]> REFERENCES = new java.util.HashMap<>();

    @BeforeAll
    static void load() {
        model = PinwheelModel.load(true);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @ParameterizedTest(name = "seed {0}: {1} order {2} exact3M={3}")
    @CsvSource({
        "1, DPMSOLVER, 1, true, 0.9, 1.3",
        "1, DPMSOLVER_PLUS_PLUS, 2, true, 1.8, 2.4",
        "1, DPMSOLVER_PLUS_PLUS, 3, true, 2.7, 4.5",
        "1, DPMSOLVER_PLUS_PLUS, 4, true, 3.5, 5.5",
        "1, DPMSOLVER_PLUS_PLUS, 3, false, 1.75, 2.25",
        "2, DPMSOLVER, 1, true, 0.9, 1.3",
        "2, DPMSOLVER_PLUS_PLUS, 2, true, 1.8, 2.4",
        "2, DPMSOLVER_PLUS_PLUS, 3, true, 2.7, 4.5",
        "2, DPMSOLVER_PLUS_PLUS, 4, true, 3.5, 5.5",
        "2, DPMSOLVER_PLUS_PLUS, 3, false, 1.75, 2.25",
        "3, DPMSOLVER, 1, true, 0.9, 1.3",
        "3, DPMSOLVER_PLUS_PLUS, 2, true, 1.8, 2.4",
        "3, DPMSOLVER_PLUS_PLUS, 3, true, 2.7, 4.5",
        "3, DPMSOLVER_PLUS_PLUS, 4, true, 3.5, 5.5",
        "3, DPMSOLVER_PLUS_PLUS, 3, false, 1.75, 2.25"})
    void observedOrderOnTheTrainedNetwork(long seed, Algorithm algorithm, int order, boolean exact3M, double low,
                                         double high) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[BATCH];
        double[] noise = new double[2 * BATCH];
        for (int b = 0; b < BATCH; b++) {
            labels[b] = random.nextInt(PinwheelData.CLASSES);
            noise[2 * b] = random.nextGaussian();
            noise[2 * b + 1] = random.nextGaussian();
        }
        DiffusionModel<double[]> network = model.conditional(ArrayType.DOUBLE, labels);
        double[] reference = REFERENCES.computeIfAbsent(seed,
                s -> sample(network, noise, Algorithm.DPMSOLVER_PLUS_PLUS, 4, true, REFERENCE_STEPS));
        SimpleRegression fit = new SimpleRegression();
        StringBuilder table = new StringBuilder();
        for (int steps : LADDER) {
            double[] x = sample(network, noise, algorithm, order, exact3M, steps);
            double err = 0;
            for (int i = 0; i < x.length; i++) {
                err = Math.max(err, Math.abs(x[i] - reference[i]));
            }
            table.append(String.format("  steps %4d err %.3e%n", steps, err));
            fit.addData(Math.log(steps), Math.log(err));
        }
        double slope = -fit.getSlope();
        System.out.printf("trained network, seed %d, %s order %d exact3M=%s: observed order %.3f%n%s", seed, algorithm,
                order, exact3M, slope, table);
        assertTrue(slope >= low && slope <= high, () -> "seed " + seed + ": " + algorithm + " order " + order
                + " exact3M=" + exact3M + ": observed order " + slope + " outside [" + low + ", " + high + "]\n" + table);
    }

    private static double[] sample(DiffusionModel<double[]> network, double[] noise, Algorithm algorithm, int order,
                                   boolean exact3M, int steps) {
        ModelWrapper<double[]> wrapper = PinwheelModel.wrapper(network, Guidance.none(), DoubleVectorOps.serial());
        double[] x = noise.clone();
        new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, DoubleVectorOps.serial(), algorithm)
                .sample(x, new SampleOptions().method(SamplingMethod.MULTISTEP).order(order).steps(steps)
                        .skipType(SkipType.LOGSNR).tEnd(1e-3).lowerOrderFinal(false).exactThirdOrderMultistep(exact3M)
                        .warmup(order >= 3 && exact3M ? SampleOptions.Warmup.SINGLESTEP
                                : SampleOptions.Warmup.LOWER_ORDER)
                        .batchSize(noise.length / 2));
        return x;
    }
}
