package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every sampling method gets from running on the one step loop. */
class StepLoopSamplingTest {

    private static final LinearSchedule LINEAR = new LinearSchedule();
    private static final double[] NOISE = {0.31, -1.7, 0.05, 2.2};
    private static final GaussianDataModel MODEL =
            new GaussianDataModel(new double[] {0}, new double[] {1}, LINEAR, ModelTimeMap.CONTINUOUS);

    /** The adaptive method once skipped the x_t-correction; every method now applies it after every step. */
    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void xtCorrectionRunsAfterEveryAcceptedStep(SamplingMethod method) {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger lastStep = new AtomicInteger();
        XtCorrection<double[]> count = (x, t, step) -> {
            calls.incrementAndGet();
            assertEquals(lastStep.get() + 1, step, "steps are numbered from 1 without gaps");
            lastStep.set(step);
        };
        DpmSolver<double[]> solver = new DpmSolver<>(MODEL::noise, LINEAR, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS, null, count);
        SampleResult result = solver.sample(NOISE.clone(), new SampleOptions().method(method).steps(12).batchSize(4));
        assertTrue(result.steps() > 0, method + " took no step");
        assertEquals(result.steps(), calls.get(), method + ": one correction per accepted step");
    }

    /** A failure names the step, the stage and both times, t and λ, like every run of the loop. */
    @ParameterizedTest
    @EnumSource(SamplingMethod.class)
    void nonFiniteModelOutputNamesStepStageTimeAndLambda(SamplingMethod method) {
        DiffusionModel<double[]> broken = (xt, t, out) -> {
            MODEL.noise(xt, t, out);
            if (t < 0.5) {
                out[2] = Double.POSITIVE_INFINITY;
            }
        };
        DpmSolver<double[]> solver = new DpmSolver<>(broken, LINEAR, DoubleVectorOps.serial(), Algorithm.DPMSOLVER);
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> solver.sample(NOISE.clone(), new SampleOptions().method(method).steps(12).batchSize(4)));
        String m = e.getMessage();
        assertTrue(m.contains("step " + e.step()) && m.contains("stage " + e.stage()) && m.contains("λ = "), m);
        int at = m.indexOf("t = ");
        double t = Double.parseDouble(m.substring(at + 4, m.indexOf(' ', at + 4)));
        double lambda = Double.parseDouble(m.substring(m.indexOf("λ = ") + 4, m.indexOf(')', m.indexOf("λ = "))));
        assertTrue(t < 0.5 && t <= e.lastTime(), "the stage fails after the last good state: " + m);
        assertEquals(LINEAR.lambda(t), lambda, 1e-9 * Math.abs(lambda), "λ(t) of the failing stage: " + m);
    }
}
