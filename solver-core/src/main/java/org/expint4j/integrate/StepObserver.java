package org.expint4j.integrate;

/**
 * Called by the drivers after every accepted step: the one way to see intermediate states, record
 * trajectories or drive a progress display.
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface StepObserver<V> {

    /**
     * @param step index of the accepted step, from 1
     * @param t the time reached
     * @param state the state at {@code t}; read it, do not keep or modify it (it is reused)
     * @param h the signed size of the step just taken
     * @param evaluations NFE so far
     */
    void stepAccepted(int step, double t, V state, double h, long evaluations);
}
