package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.method.UniPcCoefficients.Variant;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UniPC's options: defaults, the final step, what observers see, bad input and failures. */
class UniPcSamplerTest {

    private final LinearSchedule schedule = new LinearSchedule();
    private final GaussianDataModel model = new GaussianDataModel(DpmSolverParityTest.MEAN, DpmSolverParityTest.STD,
            schedule, ModelTimeMap.CONTINUOUS);

    private DpmSolver<double[]> solver(DiffusionModel<double[]> m, Algorithm algorithm) {
        return new DpmSolver<>(m, schedule, DoubleVectorOps.serial(), algorithm);
    }

    private double[] sample(SampleOptions options) {
        double[] x = DpmSolverParityTest.X_T.clone();
        solver(model::noise, Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, options);
        return x;
    }

    @Test
    void unipcIsCorrectedByDefaultAndDpmSolverIsNot() {
        SampleOptions unipc = new SampleOptions().sampler(Sampler.UNIPC).order(2).steps(10);
        assertArrayEquals(sample(new SampleOptions().sampler(Sampler.UNIPC).order(2).steps(10).corrector(true)),
                sample(unipc), "UniPC default = corrector on");
        assertArrayEquals(sample(new SampleOptions().order(2).steps(10).corrector(false)),
                sample(new SampleOptions().order(2).steps(10)), "DPM-Solver default = corrector off");
        assertTrue(sample(new SampleOptions().order(2).steps(10).corrector(true))[0]
                != sample(new SampleOptions().order(2).steps(10))[0], "UniC changes DPM-Solver++(2M)");
    }

    @Test
    void unipBh2OfOrderTwoIsDpmSolverPlusPlus2M() {
        // Both lower-order final steps taper to the same orders at 20 steps only without lower_order_final.
        double[] dpm = sample(new SampleOptions().order(2).steps(20).lowerOrderFinal(false));
        double[] unip = sample(new SampleOptions().sampler(Sampler.UNIPC).variant(Variant.BH2).order(2).steps(20)
                .lowerOrderFinal(false).corrector(false));
        for (int i = 0; i < dpm.length; i++) {
            // The same weights computed in a different order: a few ulps.
            assertEquals(dpm[i], unip[i], 1e-14 * Math.abs(dpm[i]), "x[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void correctingTheFinalStepCostsOneEvaluation(Algorithm algorithm) {
        double[] skipped = DpmSolverParityTest.X_T.clone();
        double[] corrected = skipped.clone();
        SampleResult a = solver(model::noise, algorithm).sample(skipped, new SampleOptions().sampler(Sampler.UNIPC)
                .order(3).steps(12));
        SampleResult b = solver(model::noise, algorithm).sample(corrected, new SampleOptions().sampler(Sampler.UNIPC)
                .order(3).steps(12).correctFinalStep(true));
        assertEquals(12, a.evaluations(), "reference: NFE = steps");
        assertEquals(13, b.evaluations(), "corrected final step");
        assertTrue(skipped[0] != corrected[0], "the final correction changes the sample");
    }

    @Test
    void observersSeeTheCorrectedStates() {
        List<double[]> seen = new ArrayList<>();
        double[] x = DpmSolverParityTest.X_T.clone();
        solver(model::noise, Algorithm.DPMSOLVER_PLUS_PLUS)
                .addObserver((step, t, state, h, nfe) -> seen.add(state.clone()))
                .sample(x, new SampleOptions().sampler(Sampler.UNIPC).order(2).steps(6));
        assertEquals(6, seen.size());
        assertArrayEquals(x, seen.get(5), "the last observed state is the result");
        // A run stopped after 3 steps by a shorter grid with the corrector on at its end gives the 3rd state.
        double[] y = DpmSolverParityTest.X_T.clone();
        double[] grid = SamplingGrids.timeSteps(schedule, SkipType.TIME_UNIFORM, 1.0, schedule.tMin(), 6);
        solver(model::noise, Algorithm.DPMSOLVER_PLUS_PLUS).sample(y, new SampleOptions().sampler(Sampler.UNIPC)
                .order(2).timeGrid(Arrays.copyOf(grid, 4)).lowerOrderFinal(false).correctFinalStep(true));
        assertArrayEquals(seen.get(2), y, 0, "observers see corrected states");
    }

    @Test
    void nonFiniteModelOutputAtTheCorrectorsEvaluationNamesItsStageAndTime() {
        DiffusionModel<double[]> broken = DpmSolverBehaviourTest.nanBelowHalf(model);
        double[] x = DpmSolverParityTest.X_T.clone();
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> solver(broken, Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, new SampleOptions()
                        .sampler(Sampler.UNIPC).steps(10)));
        // Grid 1, 0.9001, ..., 0.5006, 0.4006: step 6 (0.5006 → 0.4006) evaluates at 0.4006 for its corrector.
        assertEquals(6, e.step(), e.getMessage());
        assertEquals(1, e.stage(), e.getMessage());
        assertTrue(e.getMessage().contains("t = 0.400"), e.getMessage());
        assertEquals(7, e.statistics().evaluations());
    }

    @Test
    void badOptionsNameTheOffendingValue() {
        assertMessage(() -> sample(new SampleOptions().sampler(Sampler.UNIPC).method(SamplingMethod.SINGLESTEP)),
                "UniPC", "singlestep");
        assertMessage(() -> sample(new SampleOptions().sampler(Sampler.UNIPC).order(5)), "UniPC order", "5");
        assertMessage(() -> sample(new SampleOptions().corrector(true).method(SamplingMethod.SINGLESTEP_FIXED)
                .order(2)), "corrector", "singlestep_fixed");
        assertMessage(() -> sample(new SampleOptions().corrector(true).method(SamplingMethod.ADAPTIVE).order(2)),
                "corrector", "adaptive");
        assertMessage(() -> Variant.parse("bh3"), "bh3", "bh1 or bh2");
        assertEquals(Variant.BH2, Variant.parse("BH2"));
    }

    private static void assertMessage(Executable run, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
