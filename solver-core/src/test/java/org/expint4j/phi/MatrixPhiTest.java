package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Specific cases, special input and argument checking of {@link MatrixPhi}. */
class MatrixPhiTest {

    /** Dense relative tolerance (Frobenius), as in {@link MatrixPhiProperties}. */
    private static final double TOL = 1e-12;

    @Test
    void oneByOneMatchesScalar() {
        for (double z : new double[] {0.0, 1e-20, -1e-5, 0.3, -2.0, 5.37, -10.7, 40.0, -99.0, 100.0}) {
            final double[][][] f = MatrixPhi.phi(new double[][] {{z}}, 8);
            for (int k = 0; k <= 8; k++) {
                final double exact = Phi.phi(k, z);
                final double err = Math.abs(f[k][0][0] - exact) / exact;
                // 1e-13: about u*|z| from the squarings, at most 100 u here.
                assertTrue(err <= 1e-13, "z = " + z + ", k = " + k + ": relative error " + err);
            }
        }
    }

    /**
     * Higham's \( s = \lceil \log_2(\|A\|_1/\theta_{13}) \rceil \): here \( \|A\|_1 = 10.7 \),
     * one squaring. With the floor (as in Hipparchus) no squaring is done and the [13/13]
     * approximant is applied at \( \pm 10.7 \), where its relative error is \( 1.6 \cdot 10^{-7} \).
     * Tolerance \( 10^{-13} \): at \( x = -5.35 \) the terms of the Padé numerator cancel by
     * \( e^{5.35} \approx 210 \), and the squaring doubles that (measured \( 4.7 \cdot 10^{-14} \)).
     */
    @Test
    void ceilingOfLog2RegressionCase() {
        final double[][] e = MatrixPhi.exp(new double[][] {{-10.7, 0.0}, {0.0, 10.7}});
        assertEquals(0.0, e[0][1], "off-diagonal (0,1)");
        assertEquals(0.0, e[1][0], "off-diagonal (1,0)");
        assertEquals(0.0, (e[0][0] - Math.exp(-10.7)) / Math.exp(-10.7), 1e-13, "e^-10.7");
        assertEquals(0.0, (e[1][1] - Math.exp(10.7)) / Math.exp(10.7), 1e-13, "e^10.7");
        final double[][][] f = MatrixPhi.phi(new double[][] {{-10.7, 0.0}, {0.0, 10.7}}, 4);
        for (int k = 0; k <= 4; k++) {
            assertEquals(0.0, (f[k][0][0] - Phi.phi(k, -10.7)) / Phi.phi(k, -10.7), 1e-13, "phi_" + k + "(-10.7)");
            assertEquals(0.0, (f[k][1][1] - Phi.phi(k, 10.7)) / Phi.phi(k, 10.7), 1e-13, "phi_" + k + "(10.7)");
        }
    }

    @Test
    void zeroMatrixGivesIdentityOverFactorial() {
        final double[][][] f = MatrixPhi.phi(new double[3][3], 8);
        for (int k = 0; k <= 8; k++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i == j) {
                        final double inv = Phi.inverseFactorial(k);
                        assertEquals(inv, f[k][i][j], 2 * Math.ulp(inv), "k = " + k + ", diagonal " + i);
                    } else {
                        assertEquals(0.0, f[k][i][j], "k = " + k + ", entry " + i + "," + j);
                    }
                }
            }
        }
        final double[][] e = MatrixPhi.exp(new double[2][2]);
        assertArrayEquals(new double[] {1.0, 0.0}, e[0], "exp(0) row 0");
        assertArrayEquals(new double[] {0.0, 1.0}, e[1], "exp(0) row 1");
    }

    /** Jordan blocks \( \lambda I + N \) (defective: the eigendecomposition is useless). */
    @Test
    void jordanBlocks() {
        for (double lambda : new double[] {0.0, -3.0, 2.5, -40.0, 60.0, -400.0}) {
            final int n = 4;
            final double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                a[i][i] = lambda;
                if (i + 1 < n) {
                    a[i][i + 1] = 1.0;
                }
            }
            MatrixPhiProperties.check(a, BigMatrixPhi.phi(a, 8), "Jordan block, lambda = " + lambda);
        }
    }

    /** Strictly upper triangular \( N \): \( \varphi_k(N) = \sum_{j<n} N^j/(j+k)! \) exactly. */
    @Test
    void nilpotentMatrices() {
        final long seed = 77;
        final SplittableRandom r = new SplittableRandom(seed);
        for (double scale : new double[] {1e-3, 1.0, 30.0, 300.0}) {
            final int n = 5;
            final double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    a[i][j] = scale * MatrixPhiProperties.gaussian(r);
                }
            }
            MatrixPhiProperties.check(a, BigMatrixPhi.phi(a, 8), "seed " + seed + ", nilpotent, scale " + scale);
        }
    }

    @Test
    void orderZeroIsTheExponential() {
        final double[][] a = {{0.5, -2.0, 1.0}, {3.0, -1.0, 0.25}, {0.0, 4.0, -7.0}};
        final double[][] e = MatrixPhi.exp(a);
        final double[][][] f = MatrixPhi.phi(a, 0);
        assertEquals(1, f.length, "p = 0 gives one matrix");
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(e[i], f[0][i], "row " + i + ": phi(a, 0)[0] is exp(a)");
        }
        assertArrayEquals(new double[] {0.5, -2.0, 1.0}, a[0], "input unchanged");
    }

    /**
     * Issue 19: a NaN or infinite entry used to give a matrix of NaN; it is refused, naming the
     * entry and its value, by both entry points.
     */
    @Test
    void expWithNonFiniteEntryIsRefused() {
        final double[][][] inputs = {
            {{1.0, Double.NaN}, {0.0, 1.0}},
            {{0.0, 1.0}, {Double.NEGATIVE_INFINITY, 1.0}},
            {{Double.POSITIVE_INFINITY}}};
        final String[] names = {"a[0][1] = NaN", "a[1][0] = -Infinity", "a[0][0] = Infinity"};
        for (int c = 0; c < inputs.length; c++) {
            final double[][] a = inputs[c];
            final IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> MatrixPhi.exp(a));
            assertTrue(e1.getMessage().contains(names[c]), e1.getMessage());
            final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> MatrixPhi.phi(a, 3));
            assertTrue(e2.getMessage().contains(names[c]), e2.getMessage());
        }
    }

    /**
     * Issue 19: an order above {@link Phi#MAX_ORDER}, or an augmented matrix with more entries
     * than an array holds, is refused before allocating.
     */
    @Test
    void phiOfOrderAboveMaximumIsRefused() {
        final IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.phi(new double[][] {{1}}, Integer.MAX_VALUE));
        assertTrue(e1.getMessage().contains("p = " + Integer.MAX_VALUE)
            && e1.getMessage().contains(String.valueOf(Phi.MAX_ORDER)), e1.getMessage());
        final double[][] big = new double[1000][1000];
        final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.phi(big, 46));
        assertTrue(e2.getMessage().contains("47000"), e2.getMessage());
    }

    @Test
    void rejectsBadShapes() {
        final IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.exp(new double[0][0]));
        assertTrue(e1.getMessage().contains("0 rows"), e1.getMessage());
        final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.exp(new double[2][3]));
        assertTrue(e2.getMessage().contains("2 rows") && e2.getMessage().contains("3 columns"), e2.getMessage());
        final IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.phi(new double[][] {{1, 2}, {3}}, 2));
        assertTrue(e3.getMessage().contains("row 1") && e3.getMessage().contains("1 columns"), e3.getMessage());
        final IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.phi(new double[][] {{1, 2}, null}, 2));
        assertTrue(e4.getMessage().contains("row 1 is null"), e4.getMessage());
        final IllegalArgumentException e5 = assertThrows(IllegalArgumentException.class,
            () -> MatrixPhi.phi(new double[][] {{1}}, -1));
        assertTrue(e5.getMessage().contains("p = -1"), e5.getMessage());
    }

    @Test
    void largeFiniteResult() {
        // phi_k(700) is finite for every k; the augmented matrix must not overflow on the way.
        final double[][][] f = MatrixPhi.phi(new double[][] {{700.0, 0.0}, {0.0, -700.0}}, 3);
        for (int k = 0; k <= 3; k++) {
            final double err = Math.abs(f[k][0][0] - Phi.phi(k, 700.0)) / Phi.phi(k, 700.0);
            assertTrue(err <= TOL, "k = " + k + ": relative error " + err);
        }
    }

    /**
     * Outside the guarantee, documented in {@link MatrixPhi}: a non-normal matrix with
     * eigenvalues \( 30 \pm 134i \) (and \( -78 \)), \( \|A\|_1 = 200 \). In the squarings the
     * block of \( \varphi_8 \) is \( 2^{-8}[e^W\varphi_8(W) + \sum_i \varphi_i(W)/(8-i)!] \),
     * whose terms cancel by up to \( |T_7(W)| / |e^{W}| \)-type factors (about 500 at the last
     * squaring here); no term cancels for real or left-half-plane spectra. Measured: \( k \le 6 \)
     * below \( 6 \cdot 10^{-14} \), \( k = 7 \) \( 3.2 \cdot 10^{-13} \), \( k = 8 \)
     * \( 2.1 \cdot 10^{-12} \). This test pins those numbers (to a factor 3) so that a change
     * for the worse is noticed.
     */
    @Test
    void knownLimitationHighOrdersWithRightHalfPlaneComplexEigenvalues() {
        final double[][] a = {
            {-40.58902851714718, -58.342120649583244, 6.771485752687213},
            {-28.77637009088282, -3.1251135225308446, 167.75078856680628},
            {76.90756152698953, -102.91731062279857, 25.477725680506502}};
        final double[][][] exact = BigMatrixPhi.phi(a, 8);
        final double[][][] got = MatrixPhi.phi(a, 8);
        final double[] measured = {7.7e-15, 7.8e-15, 7.8e-15, 7.3e-15, 9.8e-15, 2.6e-14, 6e-14, 3.2e-13, 2.1e-12};
        for (int k = 0; k <= 8; k++) {
            final double err = MatrixPhiProperties.frobeniusRelativeError(got[k], exact[k]);
            assertTrue(err <= 3 * measured[k], "k = " + k + ": relative Frobenius error " + err
                + ", measured before " + measured[k]);
        }
    }
}
