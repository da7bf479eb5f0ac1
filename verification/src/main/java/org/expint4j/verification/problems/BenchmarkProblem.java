package org.expint4j.verification.problems;

import org.expint4j.problem.SemilinearProblem;

/**
 * A ready-to-run verification problem: a semilinear problem, its initial state and time span,
 * and a way to know the right answer, either an exact solution or a documented reference
 * (for example Commons Math's {@code DormandPrince853Integrator} at tight tolerance, or a fine
 * run of a fourth-order method whose own convergence is checked).
 */
public interface BenchmarkProblem {

    /** @return the registry name, lower case, e.g. {@code "hochost"} */
    String name();

    /** @return a one-line description with the parameters */
    String description();

    /** @return the problem \(u' = Lu + N(t,u)\) */
    SemilinearProblem problem();

    /** @return the initial time */
    double t0();

    /** @return the final time */
    double t1();

    /** @return a fresh copy of the initial state */
    double[] initialState();

    /** @return whether {@link #exactSolution} is available */
    boolean hasExactSolution();

    /**
     * @param t a time in the span
     * @return the exact solution at {@code t}
     * @throws UnsupportedOperationException if there is none
     */
    double[] exactSolution(double t);

    /**
     * The solution at {@link #t1()}: the exact one when available, otherwise the documented
     * reference (computed once and cached by implementations).
     *
     * @return a fresh copy of the reference state at the final time
     */
    double[] referenceSolution();

    /** @return how {@link #referenceSolution()} is obtained, for reports */
    String referenceDescription();

    /**
     * Maps a state to the coordinates in which errors are measured and reported. The identity
     * by default; a problem solved in a transformed basis (for example the sine basis that
     * diagonalises a finite-difference Laplacian) maps back to grid values here, so that the
     * max-norm error is the one of the original formulation.
     *
     * @param state a state of length {@code problem().getDimension()} (not modified)
     * @return the state in physical coordinates (may be {@code state} itself)
     */
    default double[] toPhysical(double[] state) {
        return state;
    }
}
