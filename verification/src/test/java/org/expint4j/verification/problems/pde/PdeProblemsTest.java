package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.LinearPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry, and what every PDE problem promises: sizes, views, kinds of L, no allocation, agreement with DP853. */
class PdeProblemsTest {

    static List<String> names() {
        return PdeProblems.names();
    }

    @Test
    void registryListsEveryProblemOnceAndMakesFreshInstances() {
        assertEquals(List.of("ks", "burgers", "kdv", "allen-cahn", "allen-cahn-cheb"), PdeProblems.names());
        assertEquals(PdeProblems.names(), PdeProblems.all().stream().map(PdeProblem::name).toList());
        assertNotSame(PdeProblems.byName("ks"), PdeProblems.byName("KS "), "instances hold work arrays");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PdeProblems.byName("heat"));
        assertTrue(e.getMessage().contains("allen-cahn-cheb"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ks, DIAGONAL, 130", "burgers, DIAGONAL, 130", "kdv, COMPLEX_DIAGONAL, 258",
        "allen-cahn, DIAGONAL, 258", "allen-cahn-cheb, DENSE, 49"})
    void linearPartsHaveTheDocumentedKindAndSize(String name, LinearPart.Kind kind, int dimension) {
        PdeProblem p = PdeProblems.byName(name);
        assertEquals(kind, p.problem().linearPart().kind(), name);
        assertEquals(dimension, p.problem().getDimension(), name);
        assertEquals(dimension, p.initialState().length, name);
        assertSame(p, p.problem(), name + ": a PDE problem is its own SemilinearProblem");
        assertEquals(false, p.hasExactSolution());
        assertThrows(UnsupportedOperationException.class, () -> p.exactSolution(0.0));
        assertTrue(p.t1() > p.t0() && !p.description().isBlank() && !p.referenceDescription().isBlank(), name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void physicalViewOfTheInitialStateIsTheInitialFunction(String name) {
        PdeProblem p = PdeProblems.byName(name);
        double[] x = p.gridPoints();
        double[] u = p.toPhysical(p.initialState());
        assertEquals(x.length, u.length, name);
        assertEquals(p.xMin(), x[0], 1e-15, name);
        for (int j = 0; j < x.length; j++) {
            double expected = p instanceof FourierProblem f ? f.initialValue(x[j])
                    : 0.53 * x[j] + 0.47 * Math.sin(-1.5 * Math.PI * x[j]);
            assertEquals(expected, u[j], 1e-12 * Math.max(1, Math.abs(expected)), name + " at x = " + x[j]);
        }
        if (p.periodic()) {
            assertTrue(x[x.length - 1] < p.xMax(), name + ": a periodic grid excludes the right end");
        } else {
            assertEquals(p.xMax(), x[x.length - 1], 0.0, name);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void nonlinearPartAllocatesNothing(String name) {
        assumeTrue(Allocations.supported(), "no per-thread allocation counter");
        PdeProblem p = PdeProblems.byName(name);
        double[] u = p.initialState();
        double[] out = new double[u.length];
        double bytes = Allocations.perCall(() -> p.problem().nonlinear(0.0, u, out));
        assertEquals(0.0, bytes, name + ": bytes per evaluation of N");
    }

    /**
     * A fourth-order exponential run against Commons Math DP853 on a short span, on the
     * SemilinearProblem as a FirstOrderDifferentialEquations. Steps are chosen so that the
     * hochost4 error is about 1e-9 relative; DP853 at rtol 1e-12 is far better.
     */
    @ParameterizedTest
    @CsvSource({"ks, 2.0, 64", "burgers, 0.25, 32", "kdv, 2e-4, 200", "allen-cahn, 2.0, 64",
        "allen-cahn-cheb, 2.0, 64"})
    void agreesWithDormandPrinceAtShortTimes(String name, double t, int steps) {
        PdeProblem p = PdeProblems.byName(name);
        double[] u0 = p.initialState();
        double[] reference = References.dormandPrince853(p.problem(), u0, 0.0, t, 1e-12, 1e-14 * maxAbs(u0));
        double[] u = FixedStepIntegrator.solve(p.problem(), MethodRegistry.byName("hochost4"), 0.0, u0, t, steps);
        double error = Norms.relativeMaxError(p.toPhysical(u), p.toPhysical(reference));
        System.out.printf("%s: hochost4 with %d steps vs DP853 at t = %g: %.2e%n", name, steps, t, error);
        assertTrue(error < 1e-7, name + ": relative max error " + error);
    }

    /**
     * The 2/3 rule: modes above n/3 of N are zero, and for data with modes up to n/6 (so that
     * \(u^2\) stays below n/3) it changes nothing.
     */
    @Test
    void dealiasingZeroesTheTopThirdAndOnlyThat() {
        KuramotoSivashinsky plain = new KuramotoSivashinsky(64, 32 * Math.PI, 1.0, false);
        KuramotoSivashinsky dealiased = new KuramotoSivashinsky(64, 32 * Math.PI, 1.0, true);
        double[] smooth = plain.grid().sample(x -> Math.cos(x / 16) + 0.3 * Math.sin(10 * x / 16));
        double[] a = new double[66];
        double[] b = new double[66];
        plain.nonlinear(0.0, smooth, a);
        dealiased.nonlinear(0.0, smooth, b);
        assertArrayEquals(a, b, 1e-15, "band-limited data are not affected");
        double[] rough = plain.grid().sample(x -> Math.exp(Math.sin(x / 16)) * Math.cos(31 * x / 16));
        dealiased.nonlinear(0.0, rough, b);
        for (int i = 2 * (64 / 3 + 1); i < 66; i++) {
            assertEquals(0.0, b[i], 0.0, "entry " + i + " above the 2/3 cut-off");
        }
        assertTrue(dealiased.dealiased() && !plain.dealiased());
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
