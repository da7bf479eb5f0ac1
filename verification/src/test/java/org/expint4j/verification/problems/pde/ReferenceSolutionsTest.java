package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The references check themselves: each is compared with an independent solution of at least
 * its claimed accuracy, so that convergence studies can trust errors down to about
 * \(10^{-11}\).
 */
class ReferenceSolutionsTest {

    /**
     * KS: the reference is hochost4 at \(h = 1/4096\); halving the step count must change it by
     * less than \(10^{-11}\) relative (measured \(\approx 10^{-12}\), the rounding of 40960 steps;
     * the method's own error at \(h = 1/2048\) is \(\approx 10^{-15}\) by the reference notes'
     * table).
     */
    @Test
    void ksReferenceIsConvergedInItsStep() {
        KuramotoSivashinsky ks = new KuramotoSivashinsky();
        double[] reference = ks.referenceSolution();
        double[] coarser = FixedStepIntegrator.solve(ks, MethodRegistry.byName("hochost4"), 0.0, ks.initialState(),
                ks.t1(), 20480);
        double difference = Norms.relativeMaxError(ks.toPhysical(coarser), ks.toPhysical(reference));
        System.out.printf("ks reference, h = 1/2048 vs 1/4096: %.2e%n", difference);
        assertTrue(difference < 1e-11, "KS reference moved by " + difference);
    }

    /**
     * DP853 references against fine hochost4 runs, an independent method whose error at these
     * step counts is below \(10^{-12}\) (fourth order from the convergence tests), except for
     * KdV: at 48000 steps it differs from 96000 steps by \(1.3\cdot 10^{-10}\), so the bound is
     * looser there.
     */
    @ParameterizedTest
    @CsvSource({"burgers, 4096, 1e-11", "kdv, 48000, 5e-10", "allen-cahn, 4096, 1e-11",
        "allen-cahn-cheb, 4096, 1e-11"})
    void dormandPrinceReferencesAgreeWithFineExponentialRuns(String name, int steps, double bound) {
        PdeProblem p = PdeProblems.byName(name);
        double[] reference = p.referenceSolution();
        double[] fine = FixedStepIntegrator.solve(p.problem(), MethodRegistry.byName("hochost4"), 0.0,
                p.initialState(), p.t1(), steps);
        double difference = Norms.relativeMaxError(p.toPhysical(fine), p.toPhysical(reference));
        System.out.printf("%s reference vs hochost4 with %d steps: %.2e%n", name, steps, difference);
        assertTrue(difference < bound, name + ": reference and fine run differ by " + difference);
    }

    @Test
    void referencesAreCachedAndCopied() {
        ViscousBurgers p = new ViscousBurgers();
        double[] first = p.referenceSolution();
        first[0] = Double.NaN;
        double[] second = new ViscousBurgers().referenceSolution();
        assertTrue(!Double.isNaN(second[0]), "callers get copies");
        assertArrayEquals(second, new ViscousBurgers().referenceSolution(), 0.0);
    }
}
