package org.expint4j.verification.dpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * The probability-flow ODE in t, dx/dt = f x + c ε̂ (c = −f/σ for VP, 1/(1 − t) for flow), against
 * the closed form on Gaussian data.
 */
class ProbabilityFlowRk45Test {

    private static final double[] MEAN = {0.5, -1, 2};
    private static final double[] STD = {0.1, 1, 0.3};
    private static final double[] X_T = {0.3, -1.2, 0.8};

    private static double error(StudySchedule s, double tolerance) {
        NoiseSchedule schedule = s.schedule();
        GaussianDataModel gauss = new GaussianDataModel(MEAN, STD, schedule, s.timeMap());
        ModelWrapper<double[]> wrapper = new ModelWrapper<>(gauss, ModelType.NOISE, schedule, s.timeMap(),
                DoubleVectorOps.serial());
        double[] x = X_T.clone();
        double tT = schedule.tMax();
        long nfe = ProbabilityFlowRk45.of(wrapper::noise, s).solve(x, tT, schedule.tMin(), tolerance);
        assertTrue(nfe > 0);
        double[] exact = new double[3];
        gauss.exactSolution(X_T, tT, schedule.tMin(), exact);
        double e = 0;
        for (int i = 0; i < 3; i++) {
            e = Math.max(e, Math.abs(x[i] - exact[i]));
        }
        return e;
    }

    @Test
    void continuousScheduleMatchesTheClosedForm() {
        // The value the reference document lists for this configuration.
        assertEquals(0.5298056132, closedForm()[0], 1e-10);
        assertTrue(error(StudySchedule.CONTINUOUS_LINEAR, 1e-10) < 1e-9);
    }

    @Test
    void flowScheduleMatchesTheClosedForm() {
        // Not variance-preserving: checks the general coefficient c = σ' − fσ; tolerance 1e-10 gives
        // a global error of the same size (the ODE is smooth in t on [1e-3, 1 − 1e-3]).
        double e = error(StudySchedule.FLOW, 1e-10);
        assertTrue(e < 1e-8, "flow: " + e);
    }

    @Test
    void noiseCoefficientIsSigmaDotMinusDriftTimesSigma() {
        for (StudySchedule s : StudySchedule.values()) {
            for (double t : new double[] {0.01234, 0.3456, 0.7891, 0.9984}) {
                double h = 1e-7;
                double sigmaDot = (s.schedule().sigma(t + h) - s.schedule().sigma(t - h)) / (2 * h);
                double c = sigmaDot - s.drift(t) * s.schedule().sigma(t);
                // Central differences with h = 1e-7: truncation ~h² and rounding ~1e-16/h, far below 1e-6.
                assertEquals(c, s.noiseCoefficient(t), 1e-6 * Math.abs(c), s + " at " + t);
            }
        }
    }

    @Test
    void discreteScheduleConvergesDespiteTheJumpsOfTheDrift() {
        // f(t) is piecewise constant; the error estimate misses the jumps, so it converges slowly.
        double loose = error(StudySchedule.DISCRETE_LINEAR, 1e-4);
        double tight = error(StudySchedule.DISCRETE_LINEAR, 1e-8);
        assertTrue(tight < loose / 3 && tight < 3e-4, loose + " -> " + tight);
    }

    @Test
    void driftIsTheDerivativeOfLogAlpha() {
        for (StudySchedule s : StudySchedule.values()) {
            // Off the discrete keypoints k/1000, where f jumps.
            for (double t : new double[] {0.01234, 0.3456, 0.7891, 0.9994}) {
                double h = 1e-7;
                double fd = (s.schedule().logAlpha(t + h) - s.schedule().logAlpha(t - h)) / (2 * h);
                assertEquals(fd, s.drift(t), 1e-6 * Math.abs(fd), s + " at " + t);
            }
        }
    }

    private static double[] closedForm() {
        NoiseSchedule schedule = StudySchedule.CONTINUOUS_LINEAR.schedule();
        double[] exact = new double[3];
        new GaussianDataModel(MEAN, STD, schedule, StudySchedule.CONTINUOUS_LINEAR.timeMap())
                .exactSolution(X_T, 1, 1e-3, exact);
        return exact;
    }
}
