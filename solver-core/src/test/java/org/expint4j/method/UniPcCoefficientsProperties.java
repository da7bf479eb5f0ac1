package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UniPcCoefficients} against the paper's construction written out independently: at
 * random variable-step nodes and random \(Z\) (tiny to large, both signs), the weights
 * \( \beta_j(Z) = \sum_m \gamma_{jm}\varphi_{m+1}(Z) \) (plus the constant term) equal those of
 * \( h\varphi_1 N_0 + B(Z)\tfrac{h}{Z}\sum_k\rho_k D_k \) with \(\rho\) solved from
 * \( \sum_k \rho_k r_k^{i-1} = i!\,Z\varphi_{i+1}(Z)/B(Z) \) (by LU, as the reference's
 * {@code torch.linalg.solve}), or the closed form \( \rho = 1/2 \) on two nodes; for the predictor
 * (nodes \(0, r_1, \dots\)) and the corrector (\(1, 0, r_1, \dots\)), both variants, 1 to 6 nodes.
 */
class UniPcCoefficientsProperties {

    private static double observedMax;

    @AfterAll
    static void report() {
        System.out.printf("UniPC weights against the reference system: max relative difference %.3e%n", observedMax);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200).map(i -> 0x9E3779B97F4A7C15L * i + 0x632BE59BD9B4E019L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weightsAreThoseOfTheReferenceLinearSystem(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        UniPcCoefficients.Variant variant = rnd.nextBoolean() ? UniPcCoefficients.Variant.BH1
                : UniPcCoefficients.Variant.BH2;
        boolean corrector = rnd.nextBoolean();
        int past = rnd.nextInt(corrector ? 5 : 6);
        int n = past + (corrector ? 2 : 1);
        double[] theta = new double[n];
        int base = corrector ? 1 : 0;
        theta[0] = corrector ? 1 : 0;
        double r = 0;
        for (int k = 1; k <= past; k++) {
            // step ratios of variable grids: previous steps 0.3 to 2 times this one
            r -= 0.3 + 1.7 * rnd.nextDouble();
            theta[base + k] = r;
        }
        double z = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -6 + 6.5 * rnd.nextDouble());
        double[] phi = new double[n + 2];
        Phi.phi(z, phi);

        MultistepCoefficients rule = corrector ? UniPcCoefficients.corrector(variant)
                : UniPcCoefficients.predictor(variant);
        double[][] gamma = new double[n][n + 1];
        rule.compute(theta, n, gamma);
        double[] actual = new double[n];
        for (int j = 0; j < n; j++) {
            for (int m = 0; m < n; m++) {
                actual[j] += gamma[j][m] * phi[m + 1];
            }
            if (rule.hasConstantTerm()) {
                actual[j] += gamma[j][n];
            }
        }

        double[] expected = reference(theta, n, base, variant, z, phi);
        double scale = 0;
        double diff = 0;
        for (int j = 0; j < n; j++) {
            scale = Math.max(scale, Math.abs(expected[j]));
            diff = Math.max(diff, Math.abs(actual[j] - expected[j]));
        }
        double relative = diff / scale;
        synchronized (UniPcCoefficientsProperties.class) {
            observedMax = Math.max(observedMax, relative);
        }
        // Both sides solve a Vandermonde-type system of at most 6 nodes at least 0.3 apart (condition
        // number below 1e6): 1e-9 leaves room for that, and is far below any wrong coefficient.
        assertTrue(relative <= 1e-9, () -> "seed " + seed + ": " + variant + (corrector ? " UniC" : " UniP")
                + " on " + n + " nodes " + Arrays.toString(theta) + ", Z = " + z + ": relative difference "
                + relative + "\n actual   " + Arrays.toString(actual) + "\n expected "
                + Arrays.toString(expected));
    }

    /** Weights of N at the nodes, divided by h, from the reference's formulas. */
    private static double[] reference(double[] theta, int n, int base, UniPcCoefficients.Variant variant, double z,
                                      double[] phi) {
        // The base value N_0 is at node index `base`; D_k uses the other nodes, r_k = theta_k.
        double bOverZ = variant == UniPcCoefficients.Variant.BH1 ? 1 : phi[1];
        int unknowns = n - 1;
        int[] others = new int[unknowns];
        for (int j = 0, k = 0; j < n; j++) {
            if (j != base) {
                others[k++] = j;
            }
        }
        double[] rho = new double[unknowns];
        if (unknowns == 1) {
            rho[0] = 0.5;
        } else if (unknowns > 1) {
            RealMatrix vandermonde = new Array2DRowRealMatrix(unknowns, unknowns);
            double[] b = new double[unknowns];
            double factorial = 1;
            for (int i = 1; i <= unknowns; i++) {
                factorial *= i;
                // i! Z φ_{i+1} / B = i! φ_{i+1} / (B/Z)
                b[i - 1] = factorial * phi[i + 1] / bOverZ;
                for (int k = 0; k < unknowns; k++) {
                    vandermonde.setEntry(i - 1, k, Math.pow(theta[others[k]], i - 1));
                }
            }
            rho = new LUDecomposition(vandermonde).getSolver().solve(new ArrayRealVector(b)).toArray();
        }
        double[] w = new double[n];
        w[base] = phi[1];
        for (int k = 0; k < unknowns; k++) {
            double c = bOverZ * rho[k] / theta[others[k]];
            w[others[k]] += c;
            w[base] -= c;
        }
        return w;
    }
}
