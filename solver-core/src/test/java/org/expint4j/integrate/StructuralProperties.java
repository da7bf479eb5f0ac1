package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ComplexDiagonalLinearPart;
import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural properties every catalogue method must have, on seeded random instances:
 * \(N \equiv 0\) gives \(e^{hL}u\); the same problem written with a scalar, a diagonal and a dense
 * linear part gives the same result; a complex diagonal agrees with its real \(2\times 2\)-block
 * dense form.
 */
class StructuralProperties {

    static Stream<Arguments> methodsAndSeeds() {
        List<ExponentialMethod> methods = new ArrayList<>(MethodRegistry.all());
        methods.add(new ExponentialAdams(3, ExponentialAdams.Startup.STARTER));
        methods.add(new ExponentialAdams(4, ExponentialAdams.Startup.WARM_UP));
        List<Arguments> cases = new ArrayList<>();
        for (ExponentialMethod m : methods) {
            for (long seed = 1; seed <= 10; seed++) {
                cases.add(Arguments.of(m, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void zeroNonlinearityGivesTheMatrixExponential(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        double[] d = new double[n];
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -Math.pow(10, random.nextDouble(-3, 5)) * (random.nextInt(4) == 0 ? -1e-3 : 1);
            u0[i] = random.nextDouble(-1, 1);
        }
        double t1 = random.nextDouble(0.1, 2);
        int steps = 1 + random.nextInt(7);
        double[] out = new double[n];
        new FixedStepIntegrator<>(method, DoubleVectorOps.serial())
                .integrate(new DiagonalLinearPart(d), (t, u, o) -> java.util.Arrays.fill(o, 0.0), u0, 0.0, t1, steps, out);
        for (int i = 0; i < n; i++) {
            double h = t1 / steps;
            double exact = u0[i];
            for (int s = 0; s < steps; s++) {
                exact *= Phi.phi(0, h * d[i]);
            }
            double tol = 4e-15 * steps * Math.abs(u0[i]) + Double.MIN_NORMAL + 4e-15 * Math.abs(exact);
            double got = out[i];
            double want = exact;
            int index = i;
            assertTrue(Math.abs(got - want) <= tol,
                    () -> "seed " + seed + ", " + method + ": component " + index + " got " + got + ", exact " + want);
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void scalarDiagonalAndDenseAgree(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(5);
        double lambda = -Math.pow(10, random.nextDouble(-2, 3));
        double[] u0 = new double[n];
        double[] d = new double[n];
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            u0[i] = random.nextDouble(-1, 1);
            d[i] = lambda;
            dense[i][i] = lambda;
        }
        Nonlinearity<double[]> nonlinear = (t, u, o) -> {
            for (int i = 0; i < u.length; i++) {
                o[i] = Math.sin(t) - u[i] * u[(i + 1) % u.length] + 0.5 * u[i];
            }
        };
        double t1 = random.nextDouble(0.2, 2);
        int steps = 2 + random.nextInt(10);
        double[] viaScalar = solve(method, new ScalarLinearPart(lambda), nonlinear, u0, t1, steps);
        double[] viaDiagonal = solve(method, new DiagonalLinearPart(d), nonlinear, u0, t1, steps);
        double[] viaDense = solve(method, new DenseLinearPart(dense), nonlinear, u0, t1, steps);
        assertClose(viaScalar, viaDiagonal, 1e-13, "scalar vs diagonal", method, seed);
        assertClose(viaScalar, viaDense, 1e-13, "scalar vs dense", method, seed);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void complexDiagonalAgreesWithItsRealBlockForm(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = 1 + random.nextInt(4);
        double[] diagonal = new double[2 * m];
        double[][] blocks = new double[2 * m][2 * m];
        double[] u0 = new double[2 * m];
        for (int j = 0; j < m; j++) {
            double re = -Math.pow(10, random.nextDouble(-2, 2));
            double im = random.nextDouble(-30, 30);
            diagonal[2 * j] = re;
            diagonal[2 * j + 1] = im;
            // (re + i im)(x + i y) = (re x - im y) + i (im x + re y)
            blocks[2 * j][2 * j] = re;
            blocks[2 * j][2 * j + 1] = -im;
            blocks[2 * j + 1][2 * j] = im;
            blocks[2 * j + 1][2 * j + 1] = re;
            u0[2 * j] = random.nextDouble(-1, 1);
            u0[2 * j + 1] = random.nextDouble(-1, 1);
        }
        // N(u) = -u^2 in complex arithmetic plus a time-dependent forcing.
        Nonlinearity<double[]> nonlinear = (t, u, o) -> {
            for (int j = 0; j < u.length; j += 2) {
                o[j] = -(u[j] * u[j] - u[j + 1] * u[j + 1]) + Math.cos(t);
                o[j + 1] = -2 * u[j] * u[j + 1];
            }
        };
        double t1 = random.nextDouble(0.2, 1);
        int steps = 4 + random.nextInt(10);
        double[] complex = solve(method, new ComplexDiagonalLinearPart(diagonal), nonlinear, u0, t1, steps);
        double[] dense = solve(method, new DenseLinearPart(blocks), nonlinear, u0, t1, steps);
        assertClose(complex, dense, 1e-12, "complex diagonal vs dense block form", method, seed);
    }

    static double[] solve(ExponentialMethod method, LinearPart l, Nonlinearity<double[]> n, double[] u0, double t1,
                          int steps) {
        double[] out = new double[u0.length];
        new FixedStepIntegrator<>(method, DoubleVectorOps.serial()).integrate(l, n, u0, 0.0, t1, steps, out);
        return out;
    }

    static void assertClose(double[] a, double[] b, double relative, String what, ExponentialMethod method,
                            long seed) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        double d = diff;
        double s = scale;
        assertTrue(diff <= relative * Math.max(scale, 1e-300),
                () -> "seed " + seed + ", " + method + ", " + what + ": max |diff| = " + d + " at scale " + s);
    }
}
