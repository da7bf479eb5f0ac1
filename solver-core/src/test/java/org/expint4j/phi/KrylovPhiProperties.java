package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.expint4j.linear.CsrMatrix;
import org.expint4j.linear.LinearOperator;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KrylovPhi} against exact φ-actions on seeded random non-normal matrices
 * ({@link RotatedBlockOperator}: \( n \), \( \|\tau A\| \) up to \( 10^4 \), tolerances
 * \( 10^{-4} \dots 10^{-12} \), orders \( p \le 3 \)) and against the dense {@link MatrixPhi} on
 * random sparse {@link CsrMatrix} matrices. The requirement is the contract: relative 2-norm
 * error at most the requested tolerance. The reference's own error is a few ulps times the
 * divided differences' loss (below \( 10^{-13} \)), well under the smallest tolerance tested.
 */
class KrylovPhiProperties {

    private static final double[] TOLERANCES = {1e-4, 1e-6, 1e-8, 1e-10, 1e-12};

    /** A case of the default suite: a few dozen, n <= 300, so that it stays fast. */
    static Stream<Long> seeds() {
        return LongStream.range(0, 24).mapToObj(i -> 0x6b72796cL + 7919 * i);
    }

    /** The full sweep, n = 50..2000: {@code ./mvnw -Pstudies}. */
    static Stream<Long> sweepSeeds() {
        return LongStream.range(0, 60).mapToObj(i -> 0x5eedL + 104729 * i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nonNormalMatchesExactAction(long seed) {
        check(seed, new int[] {50, 100, 200, 300});
    }

    @Tag("slow")
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("sweepSeeds")
    void nonNormalSweepUpTo2000(long seed) {
        check(seed, new int[] {50, 200, 500, 1000, 2000});
    }

    private static void check(long seed, int[] sizes) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = sizes[rnd.nextInt(sizes.length)];
        final double norm = Math.pow(10, rnd.nextDouble(0, 4));
        final double tol = TOLERANCES[rnd.nextInt(TOLERANCES.length)];
        final int p = rnd.nextInt(4);
        final double nonNormality = new double[] {0.5, 2, 10}[rnd.nextInt(3)];
        final RotatedBlockOperator a = new RotatedBlockOperator(rnd, n, norm, nonNormality, false);
        final double[][] v = randomVectors(rnd, n, p);
        final double tau = rnd.nextBoolean() ? 1 : 0.5;
        final double[] expected = a.exactPhi(tau, v, p);
        final KrylovPhi<double[]> krylov = new KrylovPhi<>(DoubleVectorOps.serial(), n, 3);
        final double[] out = new double[n];
        krylov.apply(a, tau, v, p, tol, out);
        final double err = relativeError(out, expected);
        assertTrue(err <= tol, () -> "seed " + seed + ": n = " + n + ", ||tau A|| ~ " + tau * norm + ", p = " + p
            + ", non-normality " + nonNormality + ", tol " + tol + ": relative error " + err + " ("
            + krylov.matrixVectorProducts() + " mat-vecs, " + krylov.substeps() + " sub-steps)");
    }

    /** Lanczos (symmetric hint) and Arnoldi (same operator, hint hidden) agree, and both are right. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lanczosAgreesWithArnoldiOnSymmetric(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = new int[] {50, 150, 300}[rnd.nextInt(3)];
        final double norm = Math.pow(10, rnd.nextDouble(0, 4));
        final double tol = TOLERANCES[rnd.nextInt(TOLERANCES.length)];
        final int p = rnd.nextInt(4);
        final RotatedBlockOperator a = new RotatedBlockOperator(rnd, n, norm, 0, true);
        final LinearOperator<double[]> hidden = withoutSymmetryHint(a);
        final double[][] v = randomVectors(rnd, n, p);
        final double[] expected = a.exactPhi(1, v, p);
        final KrylovPhi<double[]> krylov = new KrylovPhi<>(DoubleVectorOps.serial(), n, 3);
        final double[] lanczos = new double[n];
        final double[] arnoldi = new double[n];
        krylov.apply(a, 1, v, p, tol, lanczos);
        krylov.apply(hidden, 1, v, p, tol, arnoldi);
        final String where = "seed " + seed + ": n = " + n + ", ||A|| = " + norm + ", p = " + p + ", tol " + tol;
        final double errL = relativeError(lanczos, expected);
        final double errA = relativeError(arnoldi, expected);
        assertTrue(errL <= tol, () -> where + ": Lanczos relative error " + errL);
        assertTrue(errA <= tol, () -> where + ": Arnoldi relative error " + errA);
        // Both within tol of the exact value, hence of each other within 2 tol.
        assertTrue(relativeError(lanczos, arnoldi) <= 2 * tol, () -> where + ": Lanczos and Arnoldi differ by "
            + relativeError(lanczos, arnoldi));
    }

    /** Random sparse non-normal CSR matrices against the dense augmented-matrix exponential. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sparseMatchesDense(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = 40 + rnd.nextInt(40);
        final int p = rnd.nextInt(4);
        final double tol = TOLERANCES[rnd.nextInt(TOLERANCES.length)];
        final double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            // Diagonally dominant with negative diagonal: spectrum in the left half-plane.
            dense[i][i] = -rnd.nextDouble(1, 20);
            for (int t = 0; t < 4; t++) {
                dense[i][rnd.nextInt(n)] += rnd.nextDouble(-2, 2);
            }
        }
        final CsrMatrix a = CsrMatrix.fromDense(dense);
        final double tau = rnd.nextDouble(0.1, 5);
        final double[][] v = randomVectors(rnd, n, p);
        final double[] expected = denseReference(dense, tau, v, p);
        final KrylovPhi<double[]> krylov = new KrylovPhi<>(DoubleVectorOps.serial(), n, 3);
        final double[] out = new double[n];
        krylov.apply(a, tau, v, p, tol, out);
        final double err = relativeError(out, expected);
        assertTrue(err <= tol, () -> "seed " + seed + ": n = " + n + ", tau = " + tau + ", p = " + p + ", tol "
            + tol + ": relative error " + err);
    }

    /** A zero operator: \( \sum_k v_k / k! \) exactly, after one product and a happy breakdown. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void zeroOperatorGivesTaylorCoefficients(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = 10;
        final int p = rnd.nextInt(4);
        final double[][] v = randomVectors(rnd, n, p);
        final CsrMatrix zero = new CsrMatrix(n, new int[n + 1], new int[0], new double[0]);
        final KrylovPhi<double[]> krylov = new KrylovPhi<>(DoubleVectorOps.serial(), n, 3);
        final double[] out = new double[n];
        krylov.apply(zero, 3.0, v, p, 1e-10, out);
        for (int i = 0; i < n; i++) {
            double e = 0;
            double f = 1;
            for (int k = 0; k <= p; k++) {
                f /= Math.max(1, k);
                e += v[k] == null ? 0 : v[k][i] * f;
            }
            // Each coefficient 1/k! is an exact exponential entry or the rounded double; 4 ulps.
            assertEquals(e, out[i], 4 * Math.ulp(Math.abs(e)) + 1e-300, "seed " + seed + ", i = " + i);
        }
        assertEquals(1, krylov.substeps(), "seed " + seed);
    }

    /** The same operator without its symmetry hint, so that {@link KrylovPhi} runs Arnoldi. */
    static LinearOperator<double[]> withoutSymmetryHint(LinearOperator<double[]> a) {
        return new LinearOperator<>() {
            @Override
            public int dimension() {
                return a.dimension();
            }

            @Override
            public void apply(double[] x, double[] out) {
                a.apply(x, out);
            }
        };
    }

    static double[] denseReference(double[][] a, double tau, double[][] v, int p) {
        final int n = a.length;
        final int m = n + p;
        final double[][] big = new double[m][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big[i][j] = tau * a[i][j];
            }
            // Columns n..n+p-1 hold v_p, ..., v_1 (Al-Mohy and Higham 2011, Thm. 2.1).
            for (int k = 1; k <= p; k++) {
                big[i][n + p - k] = v[k] == null ? 0 : v[k][i];
            }
        }
        for (int j = n; j < m - 1; j++) {
            big[j][j + 1] = 1;
        }
        final double[][] e = MatrixPhi.exp(big);
        final double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += e[i][j] * (v[0] == null ? 0 : v[0][j]);
            }
            result[i] = s + (p > 0 ? e[i][m - 1] : 0);
        }
        return result;
    }

    static double[][] randomVectors(SplittableRandom rnd, int n, int p) {
        final double[][] v = new double[p + 1][];
        for (int k = 0; k <= p; k++) {
            // Now and then a zero (null) vector, as exponential integrators pass them.
            if (k > 0 && rnd.nextInt(5) == 0) {
                continue;
            }
            v[k] = new double[n];
            for (int i = 0; i < n; i++) {
                v[k][i] = rnd.nextDouble(-1, 1);
            }
        }
        return v;
    }

    static double relativeError(double[] x, double[] ref) {
        double d = 0;
        double r = 0;
        for (int i = 0; i < x.length; i++) {
            d += (x[i] - ref[i]) * (x[i] - ref[i]);
            r += ref[i] * ref[i];
        }
        return Math.sqrt(d / r);
    }
}
