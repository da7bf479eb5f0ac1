package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.expint4j.integrate.ExponentialAdamsStepper;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * Polynomial-in-λ exactness of one multistep update (reference §5.2): data prediction with a model
 * independent of \(x\), \(\hat x_0(\lambda)\) polynomial; history at λ = −1, −0.6, −0.3, step to
 * 0.2 from \(x_s = 1.5\). In λ-time this is one exponential Adams step of \(v' = -v + \hat
 * x_0(\lambda)\), \(x = \alpha v\) with \(\alpha(\lambda) = (1 + e^{-2\lambda})^{-1/2}\).
 */
class DpmPolynomialExactnessTest {

    private static double alpha(double lambda) {
        return 1 / Math.sqrt(1 + Math.exp(-2 * lambda));
    }

    private static double step(boolean exactRule, SolverType type, double c0, double c1, double c2) {
        ExponentialAdamsStepper<double[]> stepper = new ExponentialAdamsStepper<>(
                new ExponentialAdams(3, ExponentialAdams.Startup.WARM_UP), DpmCoefficients.multistep(type, exactRule),
                new ScalarLinearPart(-1), (l, v, out) -> out[0] = c0 + c1 * l + c2 * l * l,
                DoubleVectorOps.serial(), 1, new IntegrationStatistics());
        double[] out = new double[1];
        stepper.step(-1.0, 0.4, new double[] {0}, out);
        stepper.step(-0.6, 0.3, new double[] {0}, out);
        stepper.step(-0.3, 0.5, new double[] {1.5 / alpha(-0.3)}, out);
        return alpha(0.2) * out[0];
    }

    @Test
    void quadraticIsExactWithTheExactRuleOnly() {
        // Oracle digits from the reference notes (8 decimals).
        assertEquals(1.26507343, step(true, SolverType.DPMSOLVER, 0.3, 0.7, -0.4), 5e-9);
        assertEquals(1.27078969, step(false, SolverType.DPMSOLVER, 0.3, 0.7, -0.4), 5e-9);
    }

    @Test
    void linearIsExactWithEveryThirdOrderRule() {
        assertEquals(1.26768330, step(true, SolverType.DPMSOLVER, 0.3, 0.7, 0), 5e-9);
        assertEquals(1.26768330, step(false, SolverType.DPMSOLVER, 0.3, 0.7, 0), 5e-9);
        assertEquals(step(true, SolverType.TAYLOR, 0.3, 0.7, 0), step(false, SolverType.DPMSOLVER, 0.3, 0.7, 0), 3e-13);
    }
}
