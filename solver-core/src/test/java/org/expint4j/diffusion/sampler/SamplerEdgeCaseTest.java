package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.MaxStepsExceededException;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Regression tests for the sampler defects an independent fuzz found (issue 19, items 1–3 and the
 * sampler's part of 11), each named after its case: valid input that failed or lied, and bad input
 * that was silently accepted.
 */
class SamplerEdgeCaseTest {

    private static final LinearSchedule LINEAR = new LinearSchedule();

    /** x_T = 4 unit-Gaussian draws (any fixed values do), one-dimensional N(0, 1) data. */
    private static final double[] NOISE = {0.31, -1.7, 0.05, 2.2};

    private static DpmSolver<double[]> solver(GaussianDataModel model, Algorithm algorithm) {
        return new DpmSolver<>(model::noise, model.schedule(), DoubleVectorOps.serial(), algorithm);
    }

    private static GaussianDataModel standardGaussian(NoiseSchedule schedule) {
        return new GaussianDataModel(new double[] {0}, new double[] {1}, schedule, ModelTimeMap.CONTINUOUS);
    }

    /**
     * Runs adaptive sampling over [tEnd, tStart] and checks it landed on t_end exactly and agrees
     * with the exact solution; returns the result.
     */
    private static SampleResult assertAdaptiveLands(int order, double tStart, double tEnd, SampleOptions options) {
        GaussianDataModel model = standardGaussian(LINEAR);
        double[] x = NOISE.clone();
        SampleResult result = solver(model, Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, options
                .method(SamplingMethod.ADAPTIVE).order(order).tStart(tStart).tEnd(tEnd).batchSize(NOISE.length));
        assertEquals(tEnd, result.finalTime(), 0.0, "the last step lands on t_end exactly");
        double[] exact = new double[NOISE.length];
        model.exactSolution(NOISE, tStart, tEnd, exact);
        for (int i = 0; i < x.length; i++) {
            // Over so short an interval the solution barely moves; the controller's local tolerance
            // max(atol, rtol |x|) bounds the error of the one or two steps it takes.
            assertEquals(exact[i], x[i], 0.05 * Math.abs(exact[i]) + 0.0078, "sample " + i);
        }
        assertEquals(0, result.evaluations() % order, "every trial costs `order` evaluations");
        return result;
    }

    @Test
    void adaptiveOrder3FromT0016ToT0015LandsOnTEnd() {
        assertAdaptiveLands(3, 0.0016, 0.0015, new SampleOptions());
    }

    @Test
    void adaptiveOrder2FromT0011ToT00105LandsOnTEnd() {
        assertAdaptiveLands(2, 0.0011, 0.00105, new SampleOptions());
    }

    @Test
    void adaptiveInverseOverAShortIntervalLandsOnTEnd() {
        GaussianDataModel model = standardGaussian(LINEAR);
        double[] x = NOISE.clone();
        SampleResult result = solver(model, Algorithm.DPMSOLVER).inverse(x, new SampleOptions()
                .method(SamplingMethod.ADAPTIVE).order(3).tStart(0.0015).tEnd(0.0016).batchSize(NOISE.length));
        assertEquals(0.0016, result.finalTime(), 0.0);
    }

    @Test
    void hInit100IsClippedToTheInterval() {
        SampleResult result = assertAdaptiveLands(2, 0.0016, 0.0015, new SampleOptions().hInit(100));
        assertTrue(result.steps() >= 1, "took " + result.steps() + " steps");
    }

    @Test
    void tErr1e300IsRefusedNamingTheInterval() {
        double[] x = NOISE.clone();
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(x,
                new SampleOptions().method(SamplingMethod.ADAPTIVE).tErr(1e300).batchSize(4)),
                "t_err = 1.0E300", "interval");
        assertArrayEquals(NOISE, x, 0.0, "nothing was sampled");
    }

    @Test
    void tErrEqualToTheIntervalIsRefused() {
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(NOISE.clone(),
                new SampleOptions().method(SamplingMethod.ADAPTIVE).tStart(0.5).tEnd(0.25).tErr(0.25).batchSize(4)),
                "t_err = 0.25");
    }

    @Test
    void rtol1e300AndAtol1e300AreRefusedAsUnresolvable() {
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(NOISE.clone(),
                new SampleOptions().method(SamplingMethod.ADAPTIVE).atol(1e-300).rtol(1e-300).batchSize(4)),
                "rtol = 1.0E-300", "double precision");
    }

    @Test
    void toleranceAtItsFloorStopsAtTheTrialLimitBetweenTStartAndTEnd() {
        // rtol = 1e-13 is resolvable but needs more than MAX_TRIALS steps over [0.1, 0.9]: the
        // run must stop with the limit and a time inside the interval (it once reported a time past t_end).
        GaussianDataModel model = standardGaussian(LINEAR);
        MaxStepsExceededException e = assertThrows(MaxStepsExceededException.class,
                () -> solver(model, Algorithm.DPMSOLVER).sample(NOISE.clone(), new SampleOptions()
                        .method(SamplingMethod.ADAPTIVE).atol(1e-300).rtol(SampleOptions.MIN_RTOL).order(2)
                        .batchSize(4).tStart(0.9).tEnd(0.1)));
        assertTrue(e.lastTime() < 0.9 && e.lastTime() > 0.1, e.getMessage());
        assertTrue(e.getMessage().contains("t_end = 0.1"), e.getMessage());
    }

    @Test
    void steps2147483647IsRefusedNamingTheLimit() {
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(NOISE.clone(),
                new SampleOptions().steps(Integer.MAX_VALUE).batchSize(4)), "2147483647", "1000000");
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(NOISE.clone(),
                new SampleOptions().steps(100_000_000).method(SamplingMethod.SINGLESTEP).batchSize(4)),
                "100000000", "1000000");
        assertMessage(() -> SamplingGrids.timeSteps(LINEAR, SkipType.TIME_UNIFORM, 1, 1e-3, Integer.MAX_VALUE),
                "2147483647", "1000000");
        assertMessage(() -> SamplingGrids.singlestepOrders(Integer.MAX_VALUE, 3), "2147483647", "1000000");
    }

    @Test
    void std1e300IsRefusedNamingTheValueAndTheLimit() {
        assertMessage(() -> new GaussianDataModel(new double[] {0}, new double[] {1e300}, LINEAR,
                ModelTimeMap.CONTINUOUS), "std[0] = 1.0E300", "1.0E150");
        assertMessage(() -> new GaussianDataModel(new double[] {1e200}, new double[] {1}, LINEAR,
                ModelTimeMap.CONTINUOUS), "mean[0] = 1.0E200", "1.0E150");
        assertMessage(() -> new GaussianMixtureModel(new double[] {1}, new double[][] {{0, 0}},
                new double[][] {{1, 1e300}}, LINEAR, ModelTimeMap.CONTINUOUS), "stds[0][1] = 1.0E300", "1.0E150");
        assertMessage(() -> new GaussianMixtureModel(new double[] {1}, new double[][] {{-1e151}},
                new double[][] {{1}}, LINEAR, ModelTimeMap.CONTINUOUS), "means[0][0] = -1.0E151", "1.0E150");
    }

    @Test
    void std1e150IsAcceptedAndItsPredictionsAreFinite() {
        // At the limit: s^2 = 1e300 and alpha^2 s^2 + sigma^2 stay finite, so both predictions do.
        GaussianDataModel model = new GaussianDataModel(new double[] {1e150}, new double[] {1e150}, LINEAR,
                ModelTimeMap.CONTINUOUS);
        double[] x = {1e150, -3e149};
        double[] eps = new double[2];
        double[] x0 = new double[2];
        double[] exact = new double[2];
        model.noise(x, 0.3, eps);
        model.data(x, 0.3, x0);
        model.exactSolution(x, 1.0, 1e-3, exact);
        for (double v : new double[] {eps[0], eps[1], x0[0], x0[1], exact[0], exact[1]}) {
            assertTrue(Double.isFinite(v), Arrays.toString(eps) + Arrays.toString(x0) + Arrays.toString(exact));
        }
    }

    @Test
    void mixtureWeights1e308And1e308AreNormalisedToOneHalfEach() {
        GaussianMixtureModel huge = new GaussianMixtureModel(new double[] {1e308, 1e308},
                new double[][] {{-1}, {1}}, new double[][] {{0.5}, {0.5}}, LINEAR, ModelTimeMap.CONTINUOUS);
        GaussianMixtureModel unit = new GaussianMixtureModel(new double[] {1, 1},
                new double[][] {{-1}, {1}}, new double[][] {{0.5}, {0.5}}, LINEAR, ModelTimeMap.CONTINUOUS);
        assertArrayEquals(new double[] {0.5, 0.5}, huge.weights(), 0.0);
        double[] x = {0.3, -2};
        double[] a = new double[2];
        double[] b = new double[2];
        huge.noise(x, 0.5, a);
        unit.noise(x, 0.5, b);
        assertArrayEquals(b, a, 0.0);
        // Weights spanning the whole double range keep their ratio.
        GaussianMixtureModel spread = new GaussianMixtureModel(new double[] {Double.MAX_VALUE, Double.MIN_VALUE},
                new double[][] {{-1}, {1}}, new double[][] {{0.5}, {0.5}}, LINEAR, ModelTimeMap.CONTINUOUS);
        assertEquals(1.0, spread.weights()[0], 0.0);
        assertEquals(0.0, spread.weights()[1], 0.0, "4.9e-324 / 1.8e308 underflows to 0 in the normalised form");
    }

    @Test
    void nanModelOutputUnderThresholdingStopsWithStepTimeAndStage() {
        // Thresholding refuses non-finite input; inside the sampler the prediction reaches the
        // step's finiteness check instead, which names step, time and stage like any other run.
        GaussianDataModel model = standardGaussian(LINEAR);
        DiffusionModel<double[]> broken = (xt, t, out) -> {
            model.noise(xt, t, out);
            if (t < 0.5) {
                out[1] = Double.NaN;
            }
        };
        DpmSolver<double[]> solver = new DpmSolver<>(broken, LINEAR, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS, DynamicThresholding.ofDoubles(4, 0.995, 1.0), null);
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> solver.sample(NOISE.clone(), new SampleOptions().steps(10).batchSize(4)));
        assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("stage 0")
                && e.getMessage().contains("t = 0.400"), e.getMessage());
    }

    @Test
    void nullAlgorithmIsRefused() {
        GaussianDataModel model = standardGaussian(LINEAR);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new DpmSolver<>(model::noise, LINEAR, DoubleVectorOps.serial(), null));
        assertTrue(e.getMessage().contains("algorithm"), e.getMessage());
    }

    @Test
    void nullOptionValuesAreRefusedNamingTheOption() {
        SampleOptions o = new SampleOptions();
        assertNullRefused(() -> o.solverType(null), "solverType");
        assertNullRefused(() -> o.warmup(null), "warmup");
        assertNullRefused(() -> o.method(null), "method");
        assertNullRefused(() -> o.skipType(null), "skipType");
    }

    @Test
    void lengthZeroBatchIsRefused() {
        assertMessage(() -> solver(standardGaussian(LINEAR), Algorithm.DPMSOLVER_PLUS_PLUS).sample(new double[0],
                new SampleOptions()), "empty");
    }

    private static void assertNullRefused(Executable call, String name) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }
}
