package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.FloatModelAdapter;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.api.Test;

/** Options beyond the parity digits: bad input, failures, inverse, hooks, float states, guidance. */
class DpmSolverBehaviourTest {

    private final LinearSchedule schedule = new LinearSchedule();
    private final GaussianDataModel model = new GaussianDataModel(DpmSolverParityTest.MEAN, DpmSolverParityTest.STD,
            schedule, ModelTimeMap.CONTINUOUS);
    private final DpmSolver<double[]> solver = new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(),
            Algorithm.DPMSOLVER_PLUS_PLUS);

    @Test
    void badOptionsNameTheOffendingValue() {
        double[] x = DpmSolverParityTest.X_T.clone();
        assertMessage(() -> solver.sample(x, new SampleOptions().steps(0)), "steps", "0");
        assertMessage(() -> solver.sample(x, new SampleOptions().steps(2).order(3)), "order 3", "2");
        assertMessage(() -> solver.sample(x, new SampleOptions().order(5)), "order", "5");
        assertMessage(() -> solver.sample(x, new SampleOptions().tEnd(0)), "t_end", "0.0");
        assertMessage(() -> solver.sample(x, new SampleOptions().tEnd(0.5).tStart(0.4)), "t_end = 0.5", "0.4");
        assertMessage(() -> solver.sample(x, new SampleOptions().tStart(1.5)), "t_start", "1.5");
        assertMessage(() -> solver.sample(x, new SampleOptions().timeGrid(new double[] {1, 0.5, 0.7})), "grid[2]",
                "0.7");
        assertMessage(() -> solver.sample(x, new SampleOptions().method(SamplingMethod.ADAPTIVE).atol(0)), "atol",
                "0.0");
        assertMessage(() -> solver.sample(x, new SampleOptions().method(SamplingMethod.ADAPTIVE).rtol(-1)), "rtol",
                "-1.0");
        assertMessage(() -> solver.sample(x, new SampleOptions().batchSize(2)), "batch size 2", "3");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, 1.5}), "1.5");
        DiscreteSchedule discrete = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        DpmSolver<double[]> onDiscrete = new DpmSolver<>((xt, t, out) -> java.util.Arrays.fill(out, 0), discrete,
                DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS);
        assertMessage(() -> onDiscrete.sample(x, new SampleOptions().tEnd(1e-4)), "t_end = 1.0E-4", "log-SNR");
    }

    /** @return {@code model}'s noise prediction, with a NaN in component 1 below t = 0.5 */
    static DiffusionModel<double[]> nanBelowHalf(GaussianDataModel model) {
        return (xt, t, out) -> {
            model.noise(xt, t, out);
            if (t < 0.5) {
                out[1] = Double.NaN;
            }
        };
    }

    @Test
    void nonFiniteModelOutputStopsWithStepTimeAndNfe() {
        DiffusionModel<double[]> broken = nanBelowHalf(model);
        double[] x = DpmSolverParityTest.X_T.clone();
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> new DpmSolver<>(broken, schedule, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS)
                        .sample(x, new SampleOptions().steps(10).method(SamplingMethod.MULTISTEP)));
        // Time-uniform grid 1, 0.9001, ..., 0.5006, 0.4006: the model is first evaluated below 0.5 at 0.4006.
        assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("t = 0.400"), e.getMessage());
        assertEquals(0.4006, e.lastTime(), 1e-12);
        assertEquals(7, e.statistics().evaluations());
    }

    @Test
    void inverseUndoesSampling() {
        double[] x = DpmSolverParityTest.X_T.clone();
        SampleOptions options = new SampleOptions().steps(200).order(3).skipType(SkipType.LOGSNR).tEnd(1e-3);
        solver.sample(x, options);
        solver.inverse(x, new SampleOptions().steps(200).order(3).skipType(SkipType.LOGSNR).tStart(1e-3).tEnd(1.0));
        assertArrayEquals(DpmSolverParityTest.X_T, x, 1e-5);
    }

    @Test
    void observersSeeIntermediateStatesAndXtCorrectionRuns() {
        List<Double> times = new ArrayList<>();
        int[] corrections = {0};
        DpmSolver<double[]> hooked = new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS, null, (xt, t, step) -> corrections[0]++);
        hooked.addObserver((step, t, state, h, nfe) -> times.add(t));
        double[] x = DpmSolverParityTest.X_T.clone();
        hooked.sample(x, new SampleOptions().steps(7).order(2));
        assertEquals(7, times.size());
        assertEquals(7, corrections[0]);
        assertEquals(1e-3, times.get(6), 1e-15);
    }

    @Test
    void floatStatesFollowTheDoubleResult() {
        double[] x = DpmSolverParityTest.X_T.clone();
        SampleOptions options = new SampleOptions().steps(15).order(3).skipType(SkipType.LOGSNR);
        solver.sample(x, options);
        float[] xf = {0.3f, -1.2f, 0.8f};
        new DpmSolver<>(new FloatModelAdapter(model::noise), schedule, new FloatVectorOps(1, 1 << 16),
                Algorithm.DPMSOLVER_PLUS_PLUS).sample(xf, options);
        for (int i = 0; i < 3; i++) {
            // float rounding of ~1e-7 per operation, amplified mildly over 15 steps
            assertEquals(x[i], xf[i], 1e-5, "component " + i);
        }
    }

    @Test
    void classifierFreeGuidanceWithScaleOneIsTheConditionalModel() {
        // Two different Gaussian models as "conditional" and "unconditional" networks.
        GaussianDataModel other = new GaussianDataModel(new double[] {0, 0, 0}, new double[] {1, 1, 1}, schedule,
                ModelTimeMap.CONTINUOUS);
        ModelWrapper<double[]> guided = new ModelWrapper<>(model, ModelType.NOISE, schedule, ModelTimeMap.CONTINUOUS,
                DoubleVectorOps.serial(), Guidance.classifierFree(other, 1.0), null);
        double[] a = DpmSolverParityTest.X_T.clone();
        double[] b = DpmSolverParityTest.X_T.clone();
        SampleOptions options = new SampleOptions().steps(10);
        new DpmSolver<>(guided::noise, schedule, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS).sample(a, options);
        solver.sample(b, options);
        assertArrayEquals(b, a, 0.0);
        // Scale 2 extrapolates away from the unconditional model: ε = 2 ε_c - ε_u, linear in the models.
        ModelWrapper<double[]> strong = new ModelWrapper<>(model, ModelType.NOISE, schedule, ModelTimeMap.CONTINUOUS,
                DoubleVectorOps.serial(), Guidance.classifierFree(other, 2.0), null);
        double[] eps = new double[3];
        double[] ec = new double[3];
        double[] eu = new double[3];
        double[] xt = {0.1, 0.2, 0.3};
        strong.noise(xt, 0.4, eps);
        model.noise(xt, 0.4, ec);
        other.noise(xt, 0.4, eu);
        for (int i = 0; i < 3; i++) {
            assertEquals(2 * ec[i] - eu[i], eps[i], 1e-15);
        }
        assertEquals(2, strong.modelEvaluations());
    }

    @Test
    void mixtureSampleInTenStepsIsCloseToAThousandStepSolution() {
        GaussianMixtureModel mixture = new GaussianMixtureModel(new double[] {0.3, 0.7},
                new double[][] {{-1, 0.5}, {1, -0.5}}, new double[][] {{0.2, 0.3}, {0.4, 0.25}}, schedule,
                ModelTimeMap.CONTINUOUS);
        SplittableRandom random = new SplittableRandom(7);
        int batch = 64;
        double[] noise = new double[2 * batch];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        DpmSolver<double[]> sampler = new DpmSolver<>(mixture::noise, schedule, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS);
        double[] fine = noise.clone();
        sampler.sample(fine, new SampleOptions().steps(1000).order(2).skipType(SkipType.LOGSNR).batchSize(batch));
        double[] ddim = noise.clone();
        sampler.sample(ddim, new SampleOptions().steps(10).order(1).skipType(SkipType.LOGSNR).batchSize(batch));
        double ddimError = medianSampleError(ddim, fine, batch);
        double previous = Double.NaN;
        for (int steps = 10; steps <= 40; steps *= 2) {
            double[] x = noise.clone();
            sampler.sample(x, new SampleOptions().steps(steps).order(2).skipType(SkipType.LOGSNR).batchSize(batch));
            double error = medianSampleError(x, fine, batch);
            System.out.printf("mixture: median sample error of DPM-Solver++(2M) at NFE %d: %.3e (DDIM at 10: %.3e)%n",
                    steps, error, ddimError);
            if (steps == 10) {
                assertTrue(error < ddimError / 2, "2M at 10 NFE " + error + " vs DDIM " + ddimError);
            } else {
                // second order: a factor 4 per doubling asymptotically; at least 2.5 here
                assertTrue(error < previous / 2.5, "NFE " + steps + ": " + error + " after " + previous);
            }
            previous = error;
        }
    }

    private static double medianSampleError(double[] a, double[] b, int batch) {
        int d = a.length / batch;
        double[] errors = new double[batch];
        for (int s = 0; s < batch; s++) {
            double sum = 0;
            for (int i = s * d; i < (s + 1) * d; i++) {
                sum += (a[i] - b[i]) * (a[i] - b[i]);
            }
            errors[s] = Math.sqrt(sum);
        }
        java.util.Arrays.sort(errors);
        return 0.5 * (errors[batch / 2 - 1] + errors[batch / 2]);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }
}
