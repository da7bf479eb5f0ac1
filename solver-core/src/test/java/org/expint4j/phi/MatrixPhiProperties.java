package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random properties of {@link MatrixPhi}: relative error in the Frobenius norm,
 * \( \|\hat F - F\|_F / \|F\|_F \le 10^{-12} \) for every \( \varphi_k(A) \), \( k \le 8 \), and
 * \( \|A\|_1 \) from \( 10^{-3} \) to \( 10^3 \). The exponential has relative condition number
 * at least \( \|A\| \) (up to \( 10^3 \)), so \( 10^{-12} \) is about \( 10 u \|A\| \) at the top
 * of the range.
 */
class MatrixPhiProperties {

    /** Relative Frobenius tolerance. */
    private static final double TOL = 1e-12;

    /** Highest order. */
    private static final int P = 8;

    /**
     * Kinds and norms where the \( 10^{-12} \) guarantee is claimed, times seeds: all kinds up
     * to \( \|A\|_1 = 100 \); shifted-stable up to 200; triangular (negative diagonal) and
     * skew-symmetric (imaginary spectrum) up to \( 10^3 \). See {@link MatrixPhi} for the regime
     * outside (large right-half-plane eigenvalues of non-normal matrices).
     *
     * @return (kind, norm, seed)
     */
    static Stream<Arguments> nonNormalCases() {
        final Stream.Builder<Arguments> b = Stream.builder();
        long seed = 3000;
        final double[] norms = {1e-3, 0.1, 1.0, 5.0, 10.7, 30.0, 100.0, 200.0, 500.0, 1e3};
        for (String kind : new String[] {"gaussian", "stable", "triangular", "skew"}) {
            final double max = kind.equals("gaussian") ? 100.0 : kind.equals("stable") ? 200.0 : 1e3;
            for (double norm : norms) {
                if (norm <= max) {
                    for (int s = 0; s < 2; s++) {
                        b.add(Arguments.of(kind, norm, seed++));
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * Norms up to \( 10^3 \) times seeds, for normal matrices.
     *
     * @return (norm, seed)
     */
    static Stream<Arguments> cases() {
        final Stream.Builder<Arguments> b = Stream.builder();
        long seed = 4000;
        for (double norm : new double[] {1e-3, 0.1, 1.0, 5.0, 10.7, 30.0, 100.0, 200.0, 500.0, 1e3}) {
            for (int s = 0; s < 3; s++) {
                b.add(Arguments.of(norm, seed++));
            }
        }
        return b.build();
    }

    /**
     * A random matrix of the given kind scaled to 1-norm {@code norm}.
     *
     * @param r generator
     * @param n dimension
     * @param kind "gaussian", "stable" (Gaussian shifted into the left half-plane), "triangular"
     *     (upper triangular, negative diagonal), "symmetric" or "skew" (skew-symmetric: an
     *     imaginary spectrum, the oscillatory case)
     * @param norm the 1-norm wanted
     * @return the matrix
     */
    static double[][] randomMatrix(SplittableRandom r, int n, String kind, double norm) {
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final double g = gaussian(r);
                switch (kind) {
                    case "triangular":
                        a[i][j] = j > i ? g : j == i ? -Math.abs(g) - 0.1 : 0.0;
                        break;
                    case "symmetric":
                        a[i][j] = j < i ? a[j][i] : g;
                        break;
                    case "skew":
                        a[i][j] = j < i ? -a[j][i] : j == i ? 0.0 : g;
                        break;
                    default:
                        a[i][j] = g;
                }
            }
        }
        if (kind.equals("stable")) {
            final double shift = 1.5 * Math.sqrt(n);
            for (int i = 0; i < n; i++) {
                a[i][i] -= shift;
            }
        }
        final double s = norm / MatrixExponential.norm1(flat(a), n);
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] *= s;
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0}, norm {1}, seed {2}")
    @MethodSource("nonNormalCases")
    void againstHighPrecision(String kind, double norm, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = 2 + r.nextInt(3);
        final double[][] a = randomMatrix(r, n, kind, norm);
        check(a, BigMatrixPhi.phi(a, P), "seed " + seed + ", " + kind + " " + n + "x" + n + ", norm " + norm);
    }

    @ParameterizedTest(name = "norm {0}, seed {1}")
    @MethodSource("cases")
    void symmetricAgainstEigenDecomposition(double norm, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = 3 + r.nextInt(6);
        final double[][] a = randomMatrix(r, n, "symmetric", norm);
        final EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(a));
        final RealMatrix v = eig.getV();
        final double[] lambda = eig.getRealEigenvalues();
        final double[][][] exact = new double[P + 1][][];
        final double[] f = new double[P + 1];
        final double[][] d = new double[P + 1][n];
        for (int i = 0; i < n; i++) {
            Phi.phi(lambda[i], f);
            for (int k = 0; k <= P; k++) {
                d[k][i] = f[k];
            }
        }
        for (int k = 0; k <= P; k++) {
            exact[k] = v.multiply(MatrixUtils.createRealDiagonalMatrix(d[k])).multiply(v.transpose()).getData();
        }
        check(a, exact, "seed " + seed + ", symmetric " + n + "x" + n + ", norm " + norm);
    }

    @ParameterizedTest(name = "norm {0}, seed {1}")
    @MethodSource("cases")
    void diagonalMatchesScalar(double norm, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = 2 + r.nextInt(5);
        final double[][] a = new double[n][n];
        final double[][][] exact = new double[P + 1][n][n];
        final double[] f = new double[P + 1];
        for (int i = 0; i < n; i++) {
            // Capped at 700 so that e^A is finite.
            a[i][i] = Math.min(700.0, (r.nextBoolean() ? 1 : -1) * norm * r.nextDouble());
            Phi.phi(a[i][i], f);
            for (int k = 0; k <= P; k++) {
                exact[k][i][i] = f[k];
            }
        }
        final double[][][] got = MatrixPhi.phi(a, P);
        // Entry-wise: 1e-13 up to norm 100 (measured 7.3e-14), 1e-12 above; scaling and squaring
        // amplifies the Pade rounding by 2^s ~ norm/5.4, which matches the measured ~u*norm.
        final double tol = norm <= 100 ? 1e-13 : TOL;
        for (int k = 0; k <= P; k++) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(exact[k][i][i])) {
                    continue;
                }
                final double err = Math.abs(got[k][i][i] - exact[k][i][i]) / Math.abs(exact[k][i][i]);
                assertTrue(err <= tol, "seed " + seed + ", diagonal, a_ii = " + a[i][i] + ", k = " + k
                    + ": relative error " + err);
            }
        }
    }

    /**
     * Asserts the Frobenius relative error of every \( \varphi_k(A) \) and of {@code exp}.
     *
     * @param a matrix
     * @param exact reference values
     * @param what description with the seed
     */
    static void check(double[][] a, double[][][] exact, String what) {
        final double[][][] got = MatrixPhi.phi(a, exact.length - 1);
        for (int k = 0; k < exact.length; k++) {
            if (!finiteAndNormal(exact[k])) {
                continue; // the guarantee is for finite results
            }
            final double err = frobeniusRelativeError(got[k], exact[k]);
            assertTrue(err <= TOL, what + ", k = " + k + ": relative Frobenius error " + err);
        }
        if (finiteAndNormal(exact[0])) {
            final double errExp = frobeniusRelativeError(MatrixPhi.exp(a), exact[0]);
            assertTrue(errExp <= TOL, what + ", exp: relative Frobenius error " + errExp);
        }
    }

    /**
     * Whether all entries are finite and the largest is in the normal range (a relative error
     * means nothing for an underflowed result).
     *
     * @param m matrix
     * @return true if usable as a reference
     */
    static boolean finiteAndNormal(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                max = Math.max(max, Math.abs(v));
            }
        }
        return max >= Double.MIN_NORMAL;
    }

    /**
     * \( \|G - E\|_F / \|E\|_F \).
     *
     * @param got computed
     * @param exact reference
     * @return the relative error
     */
    static double frobeniusRelativeError(double[][] got, double[][] exact) {
        double max = 0;
        for (double[] row : exact) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        // Scaled by the largest entry, so that squares of values near 1e200 do not overflow.
        final double s = 1.0 / max;
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < exact.length; j++) {
                final double d = (got[i][j] - exact[i][j]) * s;
                num += d * d;
                den += exact[i][j] * s * (exact[i][j] * s);
            }
        }
        return Math.sqrt(num / den);
    }

    /**
     * Row-major flat copy.
     *
     * @param a matrix
     * @return entries
     */
    static double[] flat(double[][] a) {
        final int n = a.length;
        final double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }

    /**
     * Standard normal deviate (Box–Muller).
     *
     * @param r generator
     * @return the deviate
     */
    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
