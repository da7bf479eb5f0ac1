package org.expint4j.verification.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The problem factories on seeded random parameters: every closed form solves its ODE, and the
 * closed forms agree with independent formulas in their special cases.
 */
class ProblemProperties {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarClosedFormsSolveTheirOde(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (ScalarForcedProblem.Forcing kind : ScalarForcedProblem.Forcing.values()) {
            double lambda = random.nextDouble(-5, 1);
            ScalarForcedProblem p = ScalarForcedProblem.random(kind, lambda, random);
            double t = random.nextDouble(0.05, 0.95);
            OdeResidual.assertSolves(p, t, "seed " + seed + ", " + kind + " at t = " + t);
            double start = random.nextDouble(-1, 1);
            ScalarForcedProblem shifted = p.on(start, start + 1);
            assertEquals(p.initialState()[0], shifted.initialState()[0], 0.0, "seed " + seed + ": u0 moves with t0");
            OdeResidual.assertSolves(shifted, start + 0.5, "seed " + seed + ", " + kind + " on [" + start + ", +1]");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void manufacturedClosedFormsSolveTheirOdeAtEveryStiffness(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double kappa = Math.pow(10, random.nextDouble(0, 6));
        for (ManufacturedStiffProblem.Variant v : ManufacturedStiffProblem.Variant.values()) {
            ManufacturedStiffProblem p = ManufacturedStiffProblem.random(kappa, v, random);
            OdeResidual.assertSolves(p, random.nextDouble(0.05, 0.95), "seed " + seed + ", " + v + ", kappa " + kappa);
            OdeResidual.assertSolves(p.withKappa(kappa * 10), 0.5, "seed " + seed + ", " + v + ", kappa " + 10 * kappa);
        }
        NonNormalDenseProblem d = new NonNormalDenseProblem(Math.pow(10, random.nextDouble(0, 3)),
                random.nextDouble(-100, 100), random.nextDouble(0, Math.PI));
        OdeResidual.assertSolves(d, random.nextDouble(0.05, 0.95), "seed " + seed + ", " + d.description());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void closedFormsMatchTheirSpecialCases(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double u0 = random.nextDouble(-1, 1);
        double a = random.nextDouble(-1, 1);
        double lambda = -Math.pow(10, random.nextDouble(-1, 3));
        double t = random.nextDouble(0.1, 1);
        // mu = lambda: resonance, u = e^{λt}(u0 + a t)
        double resonant = ScalarForcedProblem.exponential(lambda, u0, a, lambda).exactSolution(t)[0];
        assertEquals(Math.exp(lambda * t) * (u0 + a * t), resonant, 1e-14, "seed " + seed + ": mu = lambda");
        // lambda = 0, trigonometric: u = u0 + a(1 - cos ωt)/ω + b sin(ωt)/ω
        double b = random.nextDouble(-1, 1);
        double w = random.nextDouble(0.5, 4);
        double trig = ScalarForcedProblem.trigonometric(0, u0, a, b, w).exactSolution(t)[0];
        assertEquals(u0 + a * (1 - Math.cos(w * t)) / w + b * Math.sin(w * t) / w, trig, 1e-14,
                "seed " + seed + ": lambda = 0");
        // constant forcing: u = e^{λt}u0 + t φ1(λt) g0
        double constant = ScalarForcedProblem.polynomial(lambda, u0, a).exactSolution(t)[0];
        assertEquals(Math.exp(lambda * t) * u0 + t * Phi.phi(1, lambda * t) * a, constant, 1e-15,
                "seed " + seed + ": constant forcing");
        // stiff limit of the exponential forcing: u -> a e^{μt}/(μ - λ), no overflow for λ = -1e8
        double stiff = ScalarForcedProblem.exponential(-1e8, u0, a, 0.5).exactSolution(t)[0];
        assertEquals(a * Math.exp(0.5 * t) / (0.5 + 1e8), stiff, 1e-22, "seed " + seed + ": stiff limit");
    }

    @Test
    void sineTransformIsAnInvolutionThatDiagonalisesTheLaplacian() {
        int nd = 40;
        DiscreteSineTransform s = new DiscreteSineTransform(nd);
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[nd - 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        double[] back = s.apply(s.apply(x));
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-14, "S S x = x, component " + i);
        }
        for (int k = 1; k < nd; k++) {
            double[] e = new double[nd - 1];
            e[k - 1] = 1;
            double[] mode = s.apply(e);
            double lambda = s.laplacianEigenvalue(k);
            for (int i = 0; i < mode.length; i++) {
                double left = i > 0 ? mode[i - 1] : 0;
                double right = i < mode.length - 1 ? mode[i + 1] : 0;
                double laplacian = (left - 2 * mode[i] + right) * nd * nd;
                // |λ| up to 4 nd^2 = 6400: absolute rounding about 1e-16 · 4 nd^2 per term
                assertEquals(lambda * mode[i], laplacian, 1e-11, "mode " + k + ", point " + i);
            }
        }
    }

    @Test
    void hochbruckOstermannFormsAreTheSameOde() {
        HochbruckOstermannProblem diagonal = HochbruckOstermannProblem.diagonal(50);
        HochbruckOstermannProblem dense = HochbruckOstermannProblem.dense(50);
        double t = 0.37;
        double[] grid = dense.exactSolution(t);
        double[] fromSine = diagonal.toPhysical(diagonal.exactSolution(t));
        for (int i = 0; i < grid.length; i++) {
            assertEquals(grid[i], fromSine[i], 1e-15, "exact solution, point " + i);
        }
        // Same right-hand side at a perturbed state, compared in grid values.
        double[] u = grid.clone();
        for (int i = 0; i < u.length; i++) {
            u[i] += 0.1 * Math.sin(3 * i);
        }
        double[] fGrid = new double[u.length];
        dense.problem().computeDerivatives(t, u, fGrid);
        double[] v = new DiscreteSineTransform(50).apply(u);
        double[] fSine = new double[u.length];
        diagonal.problem().computeDerivatives(t, v, fSine);
        double[] fBack = diagonal.toPhysical(fSine);
        double scale = 0;
        for (double f : fGrid) {
            scale = Math.max(scale, Math.abs(f));
        }
        for (int i = 0; i < u.length; i++) {
            // |L| = 4 nd^2 = 1e4 times |u| ~ 0.4 and ~50-term sums: rounding ~ 1e-16 · 1e4 · 50
            assertEquals(fGrid[i], fBack[i], 1e-13 * scale, "right-hand side, point " + i);
        }
        assertTrue(diagonal.referenceDescription().contains("exact"));
    }
}
