package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exponential Adams: weights, variable-step exactness, start-up and observed orders. */
class ExponentialAdamsTest {

    @Test
    void uniformWeightsMatchThePublishedFormulas() {
        double[][] c = new double[4][4];
        ExponentialAdams.coefficients(new double[] {0, -1, -2, -3}, 3, c);
        // q = 3: β0 = φ1 + 3/2 φ2 + φ3, β1 = -2φ2 - 2φ3, β2 = 1/2 φ2 + φ3 (coefficients of φ1, φ2, φ3).
        assertRow(new double[] {1, 1.5, 1}, c[0], 3);
        assertRow(new double[] {0, -2, -2}, c[1], 3);
        assertRow(new double[] {0, 0.5, 1}, c[2], 3);
        ExponentialAdams.coefficients(new double[] {0, -1, -2, -3}, 4, c);
        assertRow(new double[] {1, 11.0 / 6, 2, 1}, c[0], 4);
        assertRow(new double[] {0, -3, -5, -3}, c[1], 4);
        assertRow(new double[] {0, 1.5, 4, 3}, c[2], 4);
        assertRow(new double[] {0, -1.0 / 3, -1, -1}, c[3], 4);
    }

    private static void assertRow(double[] expected, double[] actual, int p) {
        for (int m = 0; m < p; m++) {
            assertEquals(expected[m], actual[m], 1e-14, "coefficient of φ" + (m + 1));
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** Variable steps: the weights integrate every polynomial of degree below p exactly. */
    @ParameterizedTest
    @MethodSource("seeds")
    void weightsAreExactForPolynomialsOnRandomNodes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = 1 + random.nextInt(6);
        double[] theta = new double[p];
        for (int j = 1; j < p; j++) {
            theta[j] = theta[j - 1] - random.nextDouble(0.3, 2.0); // step ratios between 0.3 and 2
        }
        double z = -Math.pow(10, random.nextDouble(-3, 3));
        double h = random.nextDouble(0.01, 1);
        double[] g = new double[p];
        for (int d = 0; d < p; d++) {
            g[d] = random.nextDouble(-1, 1);
        }
        double[][] c = new double[p][p];
        ExponentialAdams.coefficients(theta, p, c);
        double viaWeights = 0;
        double scale = 0;
        for (int j = 0; j < p; j++) {
            double beta = 0;
            for (int m = 0; m < p; m++) {
                beta += c[j][m] * Phi.phi(m + 1, z);
            }
            double term = h * beta * PolynomialForcingExactnessProperties.polynomial(g, theta[j] * h, 0);
            viaWeights += term;
            scale = Math.max(scale, Math.abs(term));
        }
        double exact = 0;
        for (int k = 0; k < p; k++) {
            exact += Math.pow(h, k + 1) * Phi.phi(k + 1, z) * PolynomialForcingExactnessProperties.polynomial(g, 0, k);
        }
        double diff = Math.abs(viaWeights - exact);
        double s = scale;
        assertTrue(diff <= 1e-13 * Math.max(s, 1e-300) * p,
                () -> "seed " + seed + ": p=" + p + ", z=" + z + ", |diff| = " + diff + " at scale " + s);
    }
}
