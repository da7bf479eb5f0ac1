package org.expint4j.problem;

/**
 * The nonlinear part \(N(t, u)\) of a semilinear problem, evaluated into a caller-owned buffer so
 * that an integrator step allocates nothing. Generic in the vector type, so the same integrator
 * drives CPU arrays ({@code double[]}, {@code float[]}) and device buffers.
 *
 * @param <V> the vector type
 */
@FunctionalInterface
public interface Nonlinearity<V> {

    /**
     * Writes \(N(t, u)\) into {@code out}.
     *
     * @param t the time
     * @param u the state; must not be modified
     * @param out receives the value; distinct from {@code u}, same length
     */
    void evaluate(double t, V u, V out);
}
