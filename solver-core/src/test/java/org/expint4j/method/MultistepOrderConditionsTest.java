package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@link MultistepOrderConditions} on rules whose orders are known in closed form: the exact
 * exponential Adams rule at random variable-step nodes, and rules that are exact only at
 * \(Z = 0\) or not at all.
 */
class MultistepOrderConditionsTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40).map(i -> 0x9E3779B97F4A7C15L * i);
    }

    /** Nodes 0 > θ_1 > θ_2 > ... with step ratios in [0.3, 3]: DPM grids stay well inside. */
    static double[] randomNodes(SplittableRandom rnd, int p) {
        double[] theta = new double[p];
        for (int j = 1; j < p; j++) {
            theta[j] = theta[j - 1] - rnd.nextDouble(0.3, 3);
        }
        return theta;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theExactRuleHasStiffOrderP(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = rnd.nextInt(1, 6);
        double[] theta = randomNodes(rnd, p);
        MultistepOrderConditions.Profile profile =
                MultistepOrderConditions.profile(ExponentialAdams::coefficients, theta, p + 1);
        // psi_p(0) = 1/(p+1)! - sum_j beta_j(0) theta_j^p / p! is the quadrature error of x^p: non-zero.
        assertEquals("S".repeat(p) + "F", profile.symbols(), "seed " + seed + ", p = " + p + ": " + profile);
        assertEquals(p, profile.stiffOrder(), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weightsOfPhi1OnlyAreClassicallyExact(long seed) {
        // beta_j = l_j(0-integrals) * phi_1 / phi_1(0): the classical Adams-Bashforth weights times phi_1,
        // i.e. the exact rule with every phi_{m+1} replaced by m!/(m+1)! phi_1; exact at Z = 0 only.
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = rnd.nextInt(2, 5);
        double[] theta = randomNodes(rnd, p);
        MultistepCoefficients classical = (nodes, q, gamma) -> {
            ExponentialAdams.coefficients(nodes, q, gamma);
            for (int j = 0; j < q; j++) {
                double atZero = 0;
                double factorial = 1;
                for (int m = 0; m < q; m++) {
                    factorial *= m + 1;
                    atZero += gamma[j][m] / factorial;
                    gamma[j][m] = 0;
                }
                gamma[j][0] = atZero;
            }
        };
        MultistepOrderConditions.Profile profile = MultistepOrderConditions.profile(classical, theta, p + 1);
        assertEquals("S" + "W".repeat(p - 1) + "F", profile.symbols(), "seed " + seed + ", p = " + p + ": " + profile);
        // psi_0 strong, psi_1 only weak: the weakened form counts at the top order only, so stiff order 2 for every p.
        assertEquals(2, profile.stiffOrder(), "seed " + seed);
        assertEquals(p, profile.classicalOrder(), "seed " + seed);
    }

    @Test
    void badArgumentsAreNamed() {
        MultistepCoefficients exact = ExponentialAdams::coefficients;
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MultistepOrderConditions.profile(exact, new double[] {1, 0}, 2)).getMessage().contains("theta_0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MultistepOrderConditions.profile(exact, new double[] {0, Double.NaN}, 2)).getMessage()
                .contains("theta_1 must be finite and non-zero, got NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MultistepOrderConditions.profile(exact, new double[] {0, -1}, 0)).getMessage()
                .contains("got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MultistepOrderConditions.profile(exact,
                new double[] {0, -1}, 2, new double[] {Double.POSITIVE_INFINITY}, 1e-10)).getMessage()
                .contains("Infinity"));
    }
}
