package org.expint4j.verification.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry, and for every registered problem: its exact solution solves its ODE. */
class ProblemLibraryTest {

    static Stream<String> names() {
        return ProblemLibrary.names().stream();
    }

    @Test
    void namesAreUniqueAndMatchTheProblems() {
        List<String> names = ProblemLibrary.names();
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate names: " + names);
        List<BenchmarkProblem> all = ProblemLibrary.all();
        assertEquals(names, all.stream().map(BenchmarkProblem::name).toList());
        assertTrue(names.containsAll(List.of("hochost", "hochost-dense", "manufactured-stiff", "nonnormal-2x2",
                "prothero-robinson", "scalar-polynomial", "scalar-exponential", "scalar-trigonometric")), names::toString);
    }

    @Test
    void lookupIgnoresCaseAndBlanks() {
        assertEquals("hochost", ProblemLibrary.byName("  HochOst ").name());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProblemLibrary.byName("kdv2"));
        assertTrue(e.getMessage().contains("kdv2") && e.getMessage().contains("hochost, hochost-dense"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProblemLibrary.byName(null));
    }

    static Stream<String> exactNames() {
        return ProblemLibrary.names().stream().filter(n -> ProblemLibrary.byName(n).hasExactSolution());
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyProblemDescribesItsReference(String name) {
        BenchmarkProblem p = ProblemLibrary.byName(name);
        assertEquals(p.problem().getDimension(), p.initialState().length, name);
        assertTrue(p.description().length() > 20, name);
        assertTrue(p.referenceDescription().length() > 10, name);
        assertTrue(p.t1() > p.t0(), name);
    }

    @ParameterizedTest
    @MethodSource("exactNames")
    void referenceIsTheExactSolutionAndStartsAtIt(String name) {
        BenchmarkProblem p = ProblemLibrary.byName(name);
        assertTrue(p.hasExactSolution(), name);
        assertArrayEquals(p.exactSolution(p.t0()), p.initialState(), 0.0, name);
        assertArrayEquals(p.exactSolution(p.t1()), p.referenceSolution(), 0.0, name);
        assertEquals(p.problem().getDimension(), p.initialState().length, name);
        assertTrue(p.description().length() > 20, name);
    }

    @ParameterizedTest
    @MethodSource("exactNames")
    void exactSolutionSolvesTheOde(String name) {
        BenchmarkProblem p = ProblemLibrary.byName(name);
        for (double f : new double[] {0.1, 0.5, 0.9}) {
            double t = p.t0() + f * (p.t1() - p.t0());
            OdeResidual.assertSolves(p, t, name + " at t = " + t);
        }
    }
}
