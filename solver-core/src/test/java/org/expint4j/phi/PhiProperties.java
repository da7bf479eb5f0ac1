package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random properties of real \( \varphi_k \) against the {@link BigPhi} oracle.
 *
 * <p>Tolerance: relative \( 10^{-14} \), about 45 ulps. The measured maximum over these ranges is
 * below 8 ulps for \( k \le 20 \), so the bound has a wide margin and still catches any formula
 * that cancels (the naive recurrence is off by \( 10^{-10} \) or worse at \( |z| = 10^{-2} \)).
 */
class PhiProperties {

    /** Relative tolerance, see the class comment. */
    private static final double TOL = 1e-14;

    /** Orders checked against the oracle: all of 0..12 and one high order. */
    private static final int[] ORDERS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20};

    /** Points per (range, seed) instance. */
    private static final int POINTS = 60;

    /**
     * The magnitude ranges, both signs, times three seeds.
     *
     * @return (sign, lo, hi, seed)
     */
    static Stream<Arguments> ranges() {
        final double[][] mags = {{1e-300, 1e-8}, {1e-8, 1.0}, {1.0, 40.0}, {40.0, 700.0}, {700.0, 1e8}};
        final Stream.Builder<Arguments> b = Stream.builder();
        long seed = 1000;
        for (double sign : new double[] {-1.0, 1.0}) {
            for (double[] m : mags) {
                final double hi = sign > 0 ? Math.min(m[1], 700.0) : m[1];
                if (m[0] < hi) {
                    for (int s = 0; s < 3; s++) {
                        b.add(Arguments.of(sign, m[0], hi, seed++));
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * Draws \( |z| \) log-uniformly in [lo, hi].
     *
     * @param r generator
     * @param lo lower bound
     * @param hi upper bound
     * @return the magnitude
     */
    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    @ParameterizedTest(name = "sign {0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("ranges")
    void relativeErrorBelowTolerance(double sign, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        for (int t = 0; t < POINTS; t++) {
            final double z = sign * logUniform(r, lo, hi);
            for (int k : ORDERS) {
                final double err = BigPhi.relativeError(Phi.phi(k, z), BigPhi.phi(k, z));
                assertTrue(err <= TOL, "seed " + seed + ", z = " + z + ", k = " + k + ": relative error " + err);
            }
        }
    }

    @ParameterizedTest(name = "sign {0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("ranges")
    void allOrdersAtOnceEqualSingleOrders(double sign, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[] out = new double[13];
        for (int t = 0; t < 4 * POINTS; t++) {
            final double z = sign * logUniform(r, lo, hi);
            Phi.phi(z, out);
            for (int k = 0; k < out.length; k++) {
                assertEquals(Double.doubleToLongBits(Phi.phi(k, z)), Double.doubleToLongBits(out[k]),
                    "seed " + seed + ", z = " + z + ", k = " + k + ": phi(z, out) differs from phi(k, z)");
            }
        }
    }

    @ParameterizedTest(name = "sign {0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("ranges")
    void arrayVersionEqualsScalarVersion(double sign, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[] z = new double[50];
        for (int i = 0; i < z.length; i++) {
            z[i] = sign * logUniform(r, lo, hi);
        }
        final double[][] out = new double[9][z.length];
        Phi.phi(z, out);
        final double[] one = new double[9];
        for (int i = 0; i < z.length; i++) {
            Phi.phi(z[i], one);
            for (int k = 0; k < one.length; k++) {
                assertEquals(Double.doubleToLongBits(one[k]), Double.doubleToLongBits(out[k][i]),
                    "seed " + seed + ", z = " + z[i] + ", k = " + k + ": array version differs");
            }
        }
    }

    /**
     * \( \varphi_1(2z) = \tfrac12 (e^z + 1)\varphi_1(z) \) to \( 10^{-15} \) (9 ulps): each side
     * carries at most about 4 ulps (measured values of both sides are within 2 ulps of the
     * oracle, plus the product and the sum), and no term cancels for real \( z \).
     */
    @ParameterizedTest(name = "sign {0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("ranges")
    void doublingIdentity(double sign, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        for (int t = 0; t < 4 * POINTS; t++) {
            final double z = sign * logUniform(r, lo, Math.min(hi, 350.0));
            final double lhs = Phi.phi(1, 2 * z);
            final double rhs = 0.5 * (Math.exp(z) + 1.0) * Phi.phi(1, z);
            assertTrue(Math.abs(lhs - rhs) <= 1e-15 * Math.abs(lhs),
                "seed " + seed + ", z = " + z + ", k = 1: doubling identity off by " + Math.abs(lhs - rhs) / lhs);
        }
    }

    /**
     * The general doubling identity \( \varphi_j(2z) = 2^{-j}[e^z\varphi_j(z) + \sum_{k=1}^{j}
     * \varphi_k(z)/(j-k)!] \), all terms positive for real \( z \), to \( 10^{-14} \).
     */
    @ParameterizedTest(name = "sign {0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("ranges")
    void generalDoublingIdentity(double sign, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[] half = new double[9];
        final double[] full = new double[9];
        for (int t = 0; t < POINTS; t++) {
            final double z = sign * logUniform(r, lo, Math.min(hi, 350.0));
            Phi.phi(z, half);
            Phi.phi(2 * z, full);
            for (int j = 1; j < half.length; j++) {
                double s = half[0] * half[j];
                for (int k = 1; k <= j; k++) {
                    s += half[k] * Phi.inverseFactorial(j - k);
                }
                s = Math.scalb(s, -j);
                assertTrue(Math.abs(s - full[j]) <= TOL * full[j],
                    "seed " + seed + ", z = " + z + ", k = " + j + ": doubling identity off by "
                        + Math.abs(s - full[j]) / full[j]);
            }
        }
    }
}
