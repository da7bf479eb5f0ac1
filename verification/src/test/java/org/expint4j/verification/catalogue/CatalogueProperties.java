package org.expint4j.verification.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.ButcherTableau;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.ExponentialRungeKuttaTableau;
import org.expint4j.method.OrderConditions;
import org.expint4j.phi.MatrixPhi;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ComplexDiagonalLinearPart;
import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.verification.problems.ScalarForcedProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural properties of every method in {@link org.expint4j.method.MethodRegistry#all()} and of
 * DPM-Solver's single-step tableaux at random exact nodes ({@link Catalogue#withDpmInstances}), on
 * seeded random instances. Everything a property needs is derived from the method (its tableau,
 * its {@link OrderConditions} profile, its classical limit), so a newly registered method is
 * under all of them without a test edit. Every failure message names the method and the seed.
 */
class CatalogueProperties {

    static Stream<Arguments> methodsAndSeeds() {
        return Catalogue.withDpmInstances(16);
    }

    /**
     * The declared stiff order is what the order conditions give: at the default samples the
     * profile's stiff order is at least the declared one (equal for exponential Runge–Kutta
     * methods, which declare exactly what their conditions give; Lawson methods may declare
     * less); and at random extra samples in the left half-plane, every condition below the
     * declared order still holds strongly and those of the declared order at least weakly.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void orderConditionsGiveTheDeclaredStiffOrder(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (method instanceof ExponentialAdams adams) {
            adamsWeightsAreConsistent(adams, random, seed);
            return;
        }
        ExponentialRungeKuttaTableau tableau = ((ExponentialRungeKuttaMethod) method).tableau();
        int declared = method.stiffOrder();
        OrderConditions.Profile standard = OrderConditions.profile(tableau);
        if (method.family() == ExponentialMethod.Family.EXPONENTIAL_RUNGE_KUTTA) {
            assertEquals(declared, standard.stiffOrder(), method + ": declared vs " + standard);
        } else {
            assertTrue(standard.stiffOrder() >= declared, method + ": declared " + declared + " > " + standard);
        }
        double[] samples = Arrays.copyOf(OrderConditions.defaultSamples(), OrderConditions.defaultSamples().length + 3);
        for (int i = samples.length - 3; i < samples.length; i++) {
            samples[i] = -Math.pow(10, random.nextDouble(-1, 4));
        }
        OrderConditions.Profile p = OrderConditions.profile(tableau, tableau.b(), samples,
                OrderConditions.DEFAULT_TOLERANCE);
        for (OrderConditions.Result r : p.results()) {
            int order = r.condition().order();
            boolean ok = order < declared ? r.verdict() == OrderConditions.Verdict.STRONG
                    : order > declared || r.verdict().atLeastWeak();
            assertTrue(ok, () -> "seed " + seed + ", " + method + " at samples " + Arrays.toString(samples) + ": " + r);
        }
        if (tableau.hasEmbedded()) {
            OrderConditions.Profile e = OrderConditions.profile(tableau, tableau.bHat(), samples,
                    OrderConditions.DEFAULT_TOLERANCE);
            assertEquals(method.embeddedOrder(), e.stiffOrder(), () -> "seed " + seed + ", " + method + " embedded: " + e);
        }
    }

    /**
     * Exponential Adams at random (variable-step) nodes: \( \sum_j \beta_j = \varphi_1 \) (exact
     * for constant forcing) at random \(Z\), and at \(Z = 0\) the weights are those of the
     * Adams–Bashforth method on the same nodes, \( \sum_j \beta_j(0)\theta_j^m = 1/(m+1) \) for
     * \(m \lt q\): the \(L \to 0\) limit has classical order \(q\).
     */
    private static void adamsWeightsAreConsistent(ExponentialAdams method, SplittableRandom random, long seed) {
        int q = method.order();
        double[] theta = new double[q];
        for (int j = 1; j < q; j++) {
            theta[j] = theta[j - 1] - random.nextDouble(0.5, 2); // step ratios in [1/2, 2]
        }
        double[][] c = new double[q][q];
        ExponentialAdams.coefficients(theta, q, c);
        double z = -Math.pow(10, random.nextDouble(-2, 3));
        double sum = 0;
        double magnitude = 0;
        for (int j = 0; j < q; j++) {
            for (int m = 0; m < q; m++) {
                sum += c[j][m] * Phi.phi(m + 1, z);
                magnitude += Math.abs(c[j][m] * Phi.phi(m + 1, z));
            }
        }
        // An identity between φ-values: rounding of ~q^2 terms of size `magnitude`.
        assertEquals(Phi.phi(1, z), sum, 1e-14 * q * q * magnitude,
                "seed " + seed + ", " + method + ": sum of beta_j at z = " + z + ", nodes " + Arrays.toString(theta));
        for (int m = 0; m < q; m++) {
            double moment = 0;
            double scale = 0;
            for (int j = 0; j < q; j++) {
                double beta0 = 0;
                double factorial = 1;
                for (int k = 0; k < q; k++) {
                    factorial *= k + 1;
                    beta0 += c[j][k] / factorial; // φ_{k+1}(0) = 1/(k+1)!
                }
                moment += beta0 * Math.pow(theta[j], m);
                scale += Math.abs(beta0 * Math.pow(theta[j], m));
            }
            assertEquals(1.0 / (m + 1), moment, 1e-13 * scale, "seed " + seed + ", " + method + ": moment " + m
                    + " of the Adams-Bashforth limit on nodes " + Arrays.toString(theta));
        }
    }

    /**
     * \(u' = \lambda u + g(t)\) with \(g\) a random polynomial of degree below the quadrature
     * order \(q\) ({@link Catalogue#quadratureOrder}) is solved exactly, to rounding, for every
     * \(h\) and \(\lambda \le 0\) (reference §3.4 item 1). A method with \(q = 0\) (Lawson) must
     * instead fail visibly on constant forcing in the stiff regime.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void exactForPolynomialForcingBelowTheQuadratureOrder(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int q = Catalogue.quadratureOrder(method);
        // λ from 0 down to -1e6 (log-uniform), h from 1e-3 to 10: non-stiff to very stiff hλ.
        double lambda = random.nextInt(5) == 0 ? 0.0 : -Math.pow(10, random.nextDouble(-2, 6));
        double h = Math.pow(10, random.nextDouble(-3, 1));
        int steps = 1 + random.nextInt(6);
        double t0 = random.nextDouble(-1, 1);
        double u0 = random.nextDouble(-1, 1);
        if (q == 0) {
            double z = -random.nextDouble(2, 50);
            double step = z / -Math.pow(10, random.nextDouble(0, 4));
            double[] u = Catalogue.solve(method, new ScalarLinearPart(z / step), (t, v, o) -> o[0] = 1.0,
                    new double[] {0.0}, 0.0, step, 1);
            double exact = step * Phi.phi(1, z);
            // ψ1(z) = φ1(z) - Σ b_i(z) is of relative size above 1e-2 for z <= -2 in the catalogue
            assertTrue(Math.abs(u[0] - exact) > 1e-3 * Math.abs(exact),
                    () -> "seed " + seed + ", " + method + ": quadrature order 0 yet exact for constant forcing at z = " + z);
            return;
        }
        double[] g = new double[q];
        for (int d = 0; d < q; d++) {
            g[d] = random.nextDouble(-2, 2);
        }
        ScalarForcedProblem p = ScalarForcedProblem.polynomial(lambda, u0, g).on(t0, t0 + steps * h);
        double[] u = Catalogue.solve(method, p.problem().linearPart(), p.problem().nonlinearity(), new double[] {u0},
                p.t0(), p.t1(), steps);
        // Scale of the rounding: the largest term of the exact one-step maps along the way.
        double scale = Math.abs(u0);
        for (int s = 0; s <= steps; s++) {
            double t = t0 + s * h;
            scale = Math.max(scale, Math.abs(p.exactSolution(t)[0]));
            for (int k = 0; k < q; k++) {
                scale = Math.max(scale, Math.abs(Math.pow(h, k + 1) * Phi.phi(k + 1, h * lambda) * p.derivative(t, k)));
            }
        }
        // A few ulps per term, stage and step (up to 5 stages and 4 φ-terms per weight).
        double tolerance = 1e-13 * scale * steps;
        double exact = p.exactSolution(p.t1())[0];
        assertEquals(exact, u[0], tolerance, () -> "seed " + seed + ", " + method + " (quadrature order " + q
                + "): lambda = " + lambda + ", h = " + h + ", " + steps + " steps, g = " + Arrays.toString(g));
    }

    /** \(N \equiv 0\): every method gives \( (e^{hL})^n u_0 \) for diagonal and complex diagonal \(L\). */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void zeroNonlinearityGivesTheExponential(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(6);
        double[] d = new double[n];
        double[] dc = new double[2 * n];
        double[] u0 = new double[n];
        double[] v0 = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // mostly decaying over eight decades, sometimes slowly growing
            d[i] = random.nextInt(4) == 0 ? Math.pow(10, random.nextDouble(-3, 0)) : -Math.pow(10, random.nextDouble(-3, 5));
            dc[2 * i] = d[i];
            dc[2 * i + 1] = random.nextDouble(-50, 50);
            u0[i] = random.nextDouble(-1, 1);
            v0[2 * i] = random.nextDouble(-1, 1);
            v0[2 * i + 1] = random.nextDouble(-1, 1);
        }
        double t1 = random.nextDouble(0.1, 2);
        int steps = 1 + random.nextInt(8);
        double h = t1 / steps;
        Nonlinearity<double[]> zero = (t, u, o) -> Arrays.fill(o, 0.0);
        double[] real = Catalogue.solve(method, new DiagonalLinearPart(d), zero, u0, 0, t1, steps);
        double[] complex = Catalogue.solve(method, new ComplexDiagonalLinearPart(dc), zero, v0, 0, t1, steps);
        for (int i = 0; i < n; i++) {
            double er = u0[i];
            double xr = v0[2 * i];
            double xi = v0[2 * i + 1];
            double mod = Math.exp(h * d[i]);
            double cos = Math.cos(h * dc[2 * i + 1]);
            double sin = Math.sin(h * dc[2 * i + 1]);
            for (int s = 0; s < steps; s++) {
                er *= mod;
                double nr = mod * (cos * xr - sin * xi);
                xi = mod * (sin * xr + cos * xi);
                xr = nr;
            }
            // one product per step, each correctly rounded to a few ulps
            double tol = 4e-15 * steps * Math.max(Math.abs(u0[i]), Math.abs(er)) + Double.MIN_NORMAL;
            assertEquals(er, real[i], tol, "seed " + seed + ", " + method + ": diagonal component " + i);
            double ctol = 1e-14 * steps * Math.max(Math.hypot(v0[2 * i], v0[2 * i + 1]), Math.hypot(xr, xi))
                    + Double.MIN_NORMAL;
            assertEquals(xr, complex[2 * i], ctol, "seed " + seed + ", " + method + ": complex component " + i + " re");
            assertEquals(xi, complex[2 * i + 1], ctol, "seed " + seed + ", " + method + ": complex component " + i + " im");
        }
    }

    /**
     * \(L \to 0\): an exponential Runge–Kutta method becomes the explicit Runge–Kutta method of
     * its classical limit, which has the declared classical order (checked exactly by
     * {@link ButcherTableau#order()}), and the integrator with \(L = 0\) computes exactly that
     * method, step for step, on a random nonlinear system. (Exponential Adams: see the
     * Adams–Bashforth moments in the order-conditions property.)
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void zeroLinearPartGivesTheClassicalMethod(ExponentialMethod method, long seed) {
        if (!(method instanceof ExponentialRungeKuttaMethod erk)) {
            return; // exponential Adams: covered by adamsWeightsAreConsistent
        }
        ButcherTableau limit = erk.tableau().classicalLimit();
        assertEquals(Math.min(method.classicalOrder(), 4), limit.order(), method + " reduces to\n" + limit);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(4);
        double[] w = new double[n];
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextDouble(-1, 1);
            u0[i] = random.nextDouble(-1, 1);
        }
        Nonlinearity<double[]> f = (t, u, o) -> {
            for (int i = 0; i < u.length; i++) {
                o[i] = w[i] * Math.cos(t) - u[i] * u[(i + 1) % u.length] + 0.3 * u[i];
            }
        };
        double t1 = random.nextDouble(0.2, 2);
        int steps = 1 + random.nextInt(10);
        double[] viaExponential = Catalogue.solve(method, new DiagonalLinearPart(new double[n]), f, u0, 0, t1, steps);
        double[] viaScalarZero = Catalogue.solve(method, new ScalarLinearPart(0), f, u0, 0, t1, steps);
        double[] classical = rungeKutta(limit, f, u0, t1, steps);
        double[] dd = Catalogue.difference(viaExponential, classical);
        double[] ds = Catalogue.difference(viaScalarZero, classical);
        // Same arithmetic up to the order of the sums: a few ulps per stage and step.
        assertTrue(dd[0] <= 1e-14 * steps * Math.max(dd[1], 1), "seed " + seed + ", " + method
                + ": L = diag(0) differs from the classical limit by " + dd[0]);
        assertTrue(ds[0] <= 1e-14 * steps * Math.max(ds[1], 1), "seed " + seed + ", " + method
                + ": L = 0 (scalar) differs from the classical limit by " + ds[0]);
    }

    /** A textbook explicit Runge–Kutta integrator, independent of the exponential machinery. */
    private static double[] rungeKutta(ButcherTableau tableau, Nonlinearity<double[]> f, double[] u0, double t1,
                                       int steps) {
        int s = tableau.stages();
        int n = u0.length;
        double h = t1 / steps;
        double[] u = u0.clone();
        double[][] k = new double[s][n];
        double[] stage = new double[n];
        for (int step = 0; step < steps; step++) {
            double t = step * h;
            for (int i = 0; i < s; i++) {
                for (int m = 0; m < n; m++) {
                    double sum = 0;
                    for (int j = 0; j < i; j++) {
                        sum += value(tableau.a(i, j)) * k[j][m];
                    }
                    stage[m] = u[m] + h * sum;
                }
                f.evaluate(t + value(tableau.c(i)) * h, stage, k[i]);
            }
            for (int m = 0; m < n; m++) {
                double sum = 0;
                for (int i = 0; i < s; i++) {
                    sum += value(tableau.b(i)) * k[i][m];
                }
                u[m] += h * sum;
            }
        }
        return u;
    }

    private static double value(Fraction f) {
        return f.doubleValue();
    }

    /**
     * One problem, four representations of \(L\): scalar \(\lambda\), diagonal
     * \(\lambda I\), dense \(\lambda I\) (φ-functions through {@link MatrixPhi}) and a random
     * dense matrix against its own diagonalisation — the scalar, diagonal and dense code paths
     * must agree to rounding; and a complex diagonal agrees with its real \(2\times 2\)-block
     * dense form.
     */
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
        Nonlinearity<double[]> coupled = (t, u, o) -> {
            for (int i = 0; i < u.length; i++) {
                o[i] = Math.sin(t) - u[i] * u[(i + 1) % u.length] + 0.5 * u[i];
            }
        };
        double t1 = random.nextDouble(0.2, 2);
        int steps = 2 + random.nextInt(10);
        double[] viaScalar = Catalogue.solve(method, new ScalarLinearPart(lambda), coupled, u0, 0, t1, steps);
        double[] viaDiagonal = Catalogue.solve(method, new DiagonalLinearPart(d), coupled, u0, 0, t1, steps);
        double[] viaDense = Catalogue.solve(method, new DenseLinearPart(dense), coupled, u0, 0, t1, steps);
        assertClose(viaScalar, viaDiagonal, 1e-13, "scalar vs diagonal", method, seed);
        assertClose(viaScalar, viaDense, 1e-13, "scalar vs dense", method, seed);

        // A symmetric dense L = Q D Q (Q a Householder reflection, Q = Q^T = Q^-1) against the
        // diagonal D in the coordinates v = Q u, with N_v(v) = Q N_u(Q v).
        double[] hv = new double[n];
        double norm = 0;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            hv[i] = random.nextDouble(-1, 1);
            norm += hv[i] * hv[i];
            diag[i] = -Math.pow(10, random.nextDouble(-1, 2.5));
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * hv[i] * hv[j] / norm;
            }
        }
        double[][] full = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    full[i][j] += q[i][k] * diag[k] * q[k][j];
                }
            }
        }
        double[] work = new double[n];
        double[] workOut = new double[n];
        Nonlinearity<double[]> rotated = (t, v, o) -> {
            multiply(q, v, work);
            coupled.evaluate(t, work, workOut);
            multiply(q, workOut, o);
        };
        double[] inGrid = Catalogue.solve(method, new DenseLinearPart(full), coupled, u0, 0, t1, steps);
        double[] v0 = new double[n];
        multiply(q, u0, v0);
        double[] inEigenbasis = Catalogue.solve(method, new DiagonalLinearPart(diag), rotated, v0, 0, t1, steps);
        double[] back = new double[n];
        multiply(q, inEigenbasis, back);
        // |hλ| up to ~300: the dense φ's relative error (some hundred ulps) dominates.
        assertClose(inGrid, back, 1e-12, "dense vs its diagonalisation", method, seed);

        // A complex diagonal against its real block form: exercises non-symmetric dense φ.
        int m = 1 + random.nextInt(3);
        double[] diagonal = new double[2 * m];
        double[][] blocks = new double[2 * m][2 * m];
        double[] w0 = new double[2 * m];
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
            w0[2 * j] = random.nextDouble(-1, 1);
            w0[2 * j + 1] = random.nextDouble(-1, 1);
        }
        // N(u) = -u^2 in complex arithmetic plus a time-dependent forcing
        Nonlinearity<double[]> square = (t, u, o) -> {
            for (int j = 0; j < u.length; j += 2) {
                o[j] = -(u[j] * u[j] - u[j + 1] * u[j + 1]) + Math.cos(t);
                o[j + 1] = -2 * u[j] * u[j + 1];
            }
        };
        double t2 = random.nextDouble(0.2, 1);
        int steps2 = 4 + random.nextInt(10);
        double[] complex = Catalogue.solve(method, new ComplexDiagonalLinearPart(diagonal), square, w0, 0, t2, steps2);
        double[] real = Catalogue.solve(method, new DenseLinearPart(blocks), square, w0, 0, t2, steps2);
        // The dense φ of a 2m x 2m block matrix (Padé, scaling and squaring) carries a few
        // hundred ulps of relative error at |hλ| up to 100; the rest is per-step rounding.
        assertClose(complex, real, 1e-12, "complex diagonal vs dense block form", method, seed);
    }

    private static void multiply(double[][] a, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += a[i][j] * x[j];
            }
            out[i] = sum;
        }
    }

    private static void assertClose(double[] a, double[] b, double relative, String what, ExponentialMethod method,
                                    long seed) {
        double[] d = Catalogue.difference(a, b);
        assertTrue(d[0] <= relative * Math.max(d[1], 1e-300),
                () -> "seed " + seed + ", " + method + ", " + what + ": max |diff| = " + d[0] + " at scale " + d[1]);
    }
}
