package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.UniPcCoefficients;
import org.expint4j.problem.SemilinearProblem;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The multistep driver's corrector on a problem outside diffusion: the coupled stiff
 * manufactured problem (diagonal \(L = \mathrm{diag}(-1, -10)\), so the weights are per-element
 * vectors and BH1's constant weight goes through the φ table at scale 0), the exponential Adams
 * predictor of order \(q\) with single-step start-up, and as corrector the exact exponential
 * Adams–Moulton rule or UniC. The predictor alone converges at order \(q\), corrected at \(q+1\).
 */
class ExponentialAdamsCorrectorTest {

    private static final double KAPPA = 10;

    enum Corrector {
        NONE, EXACT, UNIC_BH1, UNIC_BH2;

        MultistepCoefficients rule() {
            return switch (this) {
                case NONE -> null;
                case EXACT -> ExponentialAdams::coefficients;
                case UNIC_BH1 -> UniPcCoefficients.corrector(UniPcCoefficients.Variant.BH1);
                case UNIC_BH2 -> UniPcCoefficients.corrector(UniPcCoefficients.Variant.BH2);
            };
        }
    }

    private static ExponentialAdamsStepper<double[]> stepper(int q, Corrector corrector, SemilinearProblem problem,
                                                             IntegrationStatistics statistics) {
        return new ExponentialAdamsStepper<>(new ExponentialAdams(q, ExponentialAdams.Startup.STARTER),
                ExponentialAdams::coefficients, corrector.rule(), problem.linearPart(), problem.nonlinearity(),
                DoubleVectorOps.serial(), 2, statistics);
    }

    private static double error(int q, Corrector corrector, int n, IntegrationStatistics statistics) {
        SemilinearProblem problem = ManufacturedStiffProblem.create(KAPPA);
        double[] u = new double[2];
        new StepLoop<>(DoubleVectorOps.serial(), stepper(q, corrector, problem, statistics), statistics)
                .run(FixedGrid.uniform(0, 1, n), 0, ManufacturedStiffProblem.exact(KAPPA, 0), u);
        double[] exact = ManufacturedStiffProblem.exact(KAPPA, 1);
        return Math.max(Math.abs(u[0] - exact[0]), Math.abs(u[1] - exact[1]));
    }

    @ParameterizedTest(name = "order {0} corrector {1}")
    @CsvSource({
        "1, NONE, 1", "2, NONE, 2", "3, NONE, 3",
        "1, EXACT, 2", "2, EXACT, 3", "3, EXACT, 4",
        "1, UNIC_BH1, 2", "2, UNIC_BH1, 3", "3, UNIC_BH1, 4",
        "1, UNIC_BH2, 2", "2, UNIC_BH2, 3", "3, UNIC_BH2, 4"})
    void correctorRaisesTheOrderByOne(int q, Corrector corrector, int expected) {
        SimpleRegression fit = new SimpleRegression();
        StringBuilder table = new StringBuilder();
        for (int n = 32; n <= 512; n *= 2) {
            double err = error(q, corrector, n, new IntegrationStatistics());
            table.append(String.format("  n %4d err %.3e%n", n, err));
            fit.addData(Math.log(1.0 / n), Math.log(err));
        }
        double slope = fit.getSlope();
        System.out.printf("abnorsett%d corrector %s: observed order %.3f%n%s", q, corrector, slope, table);
        // 0.25: over n = 32..512 every fitted slope is within 0.06 of its order (n = 16 is pre-asymptotic)
        assertTrue(Math.abs(slope - expected) <= 0.25, () -> "order " + q + " corrector " + corrector
                + ": observed order " + slope + ", expected " + expected + "\n" + table);
    }

    @Test
    void correctorCostsOneEvaluationPerStepPlusTheLast() {
        IntegrationStatistics plain = new IntegrationStatistics();
        IntegrationStatistics corrected = new IntegrationStatistics();
        error(2, Corrector.NONE, 20, plain);
        error(2, Corrector.UNIC_BH1, 20, corrected);
        // The starter's 2 stages are one of them; the corrector's last evaluation is the one extra.
        assertEquals(plain.evaluations() + 1, corrected.evaluations(), "evaluations with and without UniC");
    }

    @Test
    void anUncorrectedFinalStepSavesTheEvaluationAndIsThePrediction() {
        SemilinearProblem problem = ManufacturedStiffProblem.create(KAPPA);
        IntegrationStatistics statistics = new IntegrationStatistics();
        ExponentialAdamsStepper<double[]> s = stepper(2, Corrector.UNIC_BH2, problem, statistics);
        IntegrationStatistics reference = new IntegrationStatistics();
        ExponentialAdamsStepper<double[]> p = stepper(2, Corrector.UNIC_BH2, problem, reference);
        double[] u = ManufacturedStiffProblem.exact(KAPPA, 0);
        double[] v = u.clone();
        double[] out = new double[2];
        double h = 0.1;
        for (int i = 0; i < 4; i++) {
            s.step(i * h, h, u, out);
            u = out.clone();
            p.step(i * h, h, v, out);
            v = out.clone();
        }
        long before = statistics.evaluations();
        s.correctNextStep(false);
        s.step(4 * h, h, u, out);
        assertEquals(before, statistics.evaluations(), "an uncorrected step after a corrected one evaluates nothing");
        // The same step corrected differs: the flag did something.
        double[] corrected = new double[2];
        p.step(4 * h, h, v, corrected);
        assertTrue(out[0] != corrected[0], "corrected and uncorrected final steps differ");
        // The next step starts by evaluating N again (the uncorrected step left no value).
        s.step(5 * h, h, out.clone(), new double[2]);
        assertEquals(before + 2, statistics.evaluations(), "start evaluation plus the corrector's");
    }

    @Test
    void aStepFromAnotherTimeThanTheCorrectorsEvaluationIsRefused() {
        SemilinearProblem problem = ManufacturedStiffProblem.create(KAPPA);
        ExponentialAdamsStepper<double[]> s = stepper(1, Corrector.EXACT, problem, new IntegrationStatistics());
        double[] out = new double[2];
        s.step(0, 0.1, ManufacturedStiffProblem.exact(KAPPA, 0), out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.step(0.3, 0.1, out.clone(), new double[2]));
        assertTrue(e.getMessage().contains("t = 0.3"), e.getMessage());
    }
}
