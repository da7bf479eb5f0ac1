package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.LongStream;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link InterpolatedExponentialAdams}: with the identity variable it is the exponential Adams
 * rule; with another variable it integrates polynomials in that variable exactly, checked
 * against an independent adaptive quadrature.
 */
class InterpolatedExponentialAdamsTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60).map(i -> 0xD1B54A32D192ED03L * i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theIdentityVariableGivesTheExponentialAdamsWeights(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = rnd.nextInt(1, 6);
        double[] theta = MultistepOrderConditionsTest.randomNodes(rnd, p);
        double h = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.01, 1.5);
        double z = rnd.nextDouble(-5, 5);
        double tau = rnd.nextDouble(-3, 3);
        double[] w = new double[p];
        new InterpolatedExponentialAdams(t -> t, "tau").compute(tau, h, z, theta, p, w);
        double[][] gamma = new double[p][p];
        ExponentialAdams.coefficients(theta, p, gamma);
        double[] phi = new double[p + 1];
        Phi.phi(z, phi);
        for (int j = 0; j < p; j++) {
            double expected = 0;
            double magnitude = 0;
            for (int m = 0; m < p; m++) {
                expected += h * gamma[j][m] * phi[m + 1];
                magnitude += Math.abs(h * gamma[j][m] * phi[m + 1]);
            }
            // Both sides are rounded sums of a few dozen terms: 1e-13 of their magnitude.
            assertEquals(expected, w[j], 1e-13 * magnitude, "seed " + seed + ", p = " + p + ", j = " + j);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void polynomialsInTheVariableAreIntegratedExactly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = rnd.nextInt(1, 5);
        double[] theta = MultistepOrderConditionsTest.randomNodes(rnd, p);
        double h = -rnd.nextDouble(0.05, 1.5);
        double z = rnd.nextDouble(-3, 3);
        double tau = rnd.nextDouble(-4, 4);
        // rho = exp(-lambda) (DEIS rho-AB) or a t(lambda)-like sigmoid: both smooth and monotone.
        DoubleUnaryOperator v = rnd.nextBoolean() ? t -> Math.exp(-t) : t -> 1 / (1 + Math.exp(t));
        double[] c = new double[p];
        for (int k = 0; k < p; k++) {
            c[k] = rnd.nextDouble(-1, 1);
        }
        DoubleUnaryOperator poly = x -> {
            double s = 0;
            for (int k = p - 1; k >= 0; k--) {
                s = s * x + c[k];
            }
            return s;
        };
        double[] w = new double[p];
        new InterpolatedExponentialAdams(v, "v").compute(tau, h, z, theta, p, w);
        double sum = 0;
        for (int j = 0; j < p; j++) {
            sum += w[j] * poly.applyAsDouble(v.applyAsDouble(tau + theta[j] * h));
        }
        double exact = h * new IterativeLegendreGaussIntegrator(32, 1e-15, 1e-15).integrate(100_000,
                u -> Math.exp((1 - u) * z) * poly.applyAsDouble(v.applyAsDouble(tau + u * h)), 0, 1);
        double scale = 0;
        for (int j = 0; j < p; j++) {
            scale += Math.abs(w[j] * poly.applyAsDouble(v.applyAsDouble(tau + theta[j] * h)));
        }
        // The weights carry the rounding of the Lagrange products (condition of the nodes): 1e-12 of the terms.
        assertEquals(exact, sum, 1e-12 * Math.max(scale, Math.abs(exact)), "seed " + seed + ", p = " + p);
    }

    @Test
    void nodesWithTheSameValueAreRefused() {
        InterpolatedExponentialAdams flat = new InterpolatedExponentialAdams(t -> 1.0, "rho");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flat.compute(0, -0.5, 0.5, new double[] {0, -1}, 2, new double[2]));
        assertTrue(e.getMessage().contains("same rho = 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> flat.compute(0, -0.5, 0.5, new double[10], 9, new double[9]));
    }
}
