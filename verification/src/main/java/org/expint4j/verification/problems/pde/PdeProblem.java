package org.expint4j.verification.problems.pde;

import org.expint4j.verification.problems.BenchmarkProblem;

/**
 * A benchmark problem that is a space discretisation of a PDE in one space dimension, with a
 * physical-space view of its state: the solution's values at grid points.
 *
 * <p>Implementations keep preallocated work arrays for the nonlinear part, so that
 * \(N(t, u)\) allocates nothing; an instance is therefore <em>not thread-safe</em>. Use one
 * instance per thread (they are cheap; {@link PdeProblems#byName} makes a new one each call).
 */
public interface PdeProblem extends BenchmarkProblem {

    /** @return the left end of the space domain */
    double xMin();

    /** @return the right end of the space domain */
    double xMax();

    /** @return whether the domain is periodic (the grid then excludes {@link #xMax()}) */
    boolean periodic();

    /** @return a fresh array of the grid points at which {@link #toPhysical} gives values */
    double[] gridPoints();

    /**
     * Writes the solution's values at the {@link #gridPoints()} without allocating.
     *
     * @param state a state of this problem
     * @param values receives the values, length {@code gridPoints().length}
     */
    void toPhysical(double[] state, double[] values);

    /**
     * @param state a state of this problem
     * @return a fresh array of the solution's values at the {@link #gridPoints()}
     */
    default double[] toPhysical(double[] state) {
        double[] values = new double[gridPoints().length];
        toPhysical(state, values);
        return values;
    }
}
