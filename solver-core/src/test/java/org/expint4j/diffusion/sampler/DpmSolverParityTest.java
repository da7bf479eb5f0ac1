package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity with the reference sampler run in float64 (reference §5.1): Gaussian data
 * \(\mu = (0.5, -1, 2)\), \(s = (0.1, 1, 0.3)\), linear VP schedule, \(x_T = (0.3, -1.2, 0.8)\),
 * \(t_0 = 10^{-3}\), the exact noise predictor, reference defaults otherwise ('dpmsolver'
 * solver type, lower_order_final). The digits exercise the multistep warm-up, the lower-order
 * final steps and the DPM-Solver-fast order split. The reference's 3M formula is selected where
 * the oracle was produced with it.
 */
class DpmSolverParityTest {

    static final double[] MEAN = {0.5, -1, 2};
    static final double[] STD = {0.1, 1, 0.3};
    static final double[] X_T = {0.3, -1.2, 0.8};

    static DpmSolver<double[]> solver(Algorithm algorithm) {
        LinearSchedule schedule = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(MEAN, STD, schedule, ModelTimeMap.CONTINUOUS);
        return new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(), algorithm);
    }

    @ParameterizedTest(name = "{0} order {1} {2} steps {3}")
    @CsvSource({
        "MULTISTEP, 2, LOGSNR, 6, 0.5227950307",
        "MULTISTEP, 2, LOGSNR, 10, 0.5300421244",
        "MULTISTEP, 2, LOGSNR, 20, 0.5301242393",
        "MULTISTEP, 3, LOGSNR, 6, 0.5230137575",
        "MULTISTEP, 3, LOGSNR, 10, 0.5326532077",
        "MULTISTEP, 3, LOGSNR, 20, 0.5300906461",
        "SINGLESTEP, 3, LOGSNR, 6, 0.5131115744",
        "SINGLESTEP, 3, LOGSNR, 10, 0.5212579882",
        "SINGLESTEP, 3, LOGSNR, 20, 0.5294461826",
        "SINGLESTEP, 3, TIME_QUADRATIC, 6, 0.5188828665",
        "SINGLESTEP, 3, TIME_QUADRATIC, 10, 0.5256538312",
        "SINGLESTEP, 3, TIME_QUADRATIC, 20, 0.5291343806"})
    void dataPredictionMatchesTheReferenceDigits(SamplingMethod method, int order, SkipType skip, int steps,
                                                 double expected) {
        double[] x = X_T.clone();
        SampleResult result = solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, new SampleOptions()
                .method(method).order(order).skipType(skip).steps(steps).tEnd(1e-3)
                .exactThirdOrderMultistep(false));
        // The oracle has 10 decimals: agreement to 1e-9 relative means the same algorithm.
        assertEquals(expected, x[0], 1e-9 * Math.abs(expected) + 5e-11, "x[0]");
        assertEquals(steps, result.evaluations(), "NFE equals steps for every fixed-step row");
    }

    @ParameterizedTest(name = "{0} order {1}")
    @CsvSource({"DPMSOLVER_PLUS_PLUS, 2, 20", "DPMSOLVER_PLUS_PLUS, 3, 27", "DPMSOLVER, 2, 50", "DPMSOLVER, 3, 21"})
    void adaptiveNfeMatchesTheReference(Algorithm algorithm, int order, long nfe) {
        double[] x = X_T.clone();
        SampleResult result = solver(algorithm).sample(x, new SampleOptions()
                .method(SamplingMethod.ADAPTIVE).order(order).tEnd(1e-3));
        // The reference rounds its step sizes to float32, so the step sequence may differ slightly.
        assertTrue(Math.abs(result.evaluations() - nfe) <= order,
                algorithm + " order " + order + ": NFE " + result.evaluations() + ", reference " + nfe);
        double[] exact = new double[3];
        new GaussianDataModel(MEAN, STD, new LinearSchedule(), ModelTimeMap.CONTINUOUS)
                .exactSolution(X_T, 1.0, 1e-3, exact);
        double err = 0;
        for (int i = 0; i < 3; i++) {
            err = Math.max(err, Math.abs(x[i] - exact[i]));
        }
        System.out.printf("adaptive %s order %d: NFE %d (reference %d), max error %.3e%n", algorithm, order,
                result.evaluations(), nfe, err);
    }
}
