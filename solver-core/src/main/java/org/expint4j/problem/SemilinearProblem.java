package org.expint4j.problem;

import java.util.Objects;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * A semilinear initial-value problem \( u'(t) = L u + N(t, u) \) on {@code double[]} states, with
 * constant linear part \(L\) ({@link LinearPart}) and nonlinear part \(N\).
 *
 * <p>It is also a Commons Math {@link FirstOrderDifferentialEquations} with right-hand side
 * \(Lu + N(t, u)\), so any Commons Math integrator (for example {@code DormandPrince853Integrator}
 * for reference solutions) solves the same object.
 */
public interface SemilinearProblem extends FirstOrderDifferentialEquations {

    /** @return the linear part \(L\) */
    LinearPart linearPart();

    /**
     * Writes \(N(t, u)\) into {@code out} without allocating.
     *
     * @param t the time
     * @param u the state, length {@link #getDimension()}
     * @param out receives the value, same length, distinct from {@code u}
     */
    void nonlinear(double t, double[] u, double[] out);

    /** @return the nonlinear part as a {@link Nonlinearity} on {@code double[]} */
    default Nonlinearity<double[]> nonlinearity() {
        return this::nonlinear;
    }

    /**
     * The full right-hand side \( \dot y = L y + N(t, y) \).
     *
     * @param t the time
     * @param y the state
     * @param yDot receives the derivative
     */
    @Override
    default void computeDerivatives(double t, double[] y, double[] yDot) {
        nonlinear(t, y, yDot);
        linearPart().applyAdd(y, yDot);
    }

    /**
     * Creates a problem from its parts.
     *
     * @param linearPart \(L\)
     * @param dimension the state length; must match {@code linearPart} unless it is scalar
     * @param nonlinear \(N\)
     * @return the problem
     * @throws NullPointerException if {@code linearPart} or {@code nonlinear} is null (a null
     *     \(N\) would otherwise fail only at the first step)
     * @throws IllegalArgumentException if the dimension is not positive or does not match \(L\)
     */
    static SemilinearProblem of(LinearPart linearPart, int dimension, Nonlinearity<double[]> nonlinear) {
        Objects.requireNonNull(linearPart, "linearPart");
        Objects.requireNonNull(nonlinear, "nonlinear");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        linearPart.checkStateLength(dimension);
        return new SemilinearProblem() {
            @Override
            public LinearPart linearPart() {
                return linearPart;
            }

            @Override
            public void nonlinear(double t, double[] u, double[] out) {
                nonlinear.evaluate(t, u, out);
            }

            @Override
            public int getDimension() {
                return dimension;
            }
        };
    }
}
