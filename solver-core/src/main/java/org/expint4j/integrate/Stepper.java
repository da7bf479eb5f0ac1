package org.expint4j.integrate;

import org.expint4j.method.ExponentialMethod;

/**
 * One method bound to a linear part, a nonlinear part and a vector backend, with all the storage
 * its steps need preallocated: the drivers' building block, and the piece the diffusion sampler
 * drives directly. A stepper is stateful (multistep methods keep a history of \(N\)-values) and
 * not thread-safe.
 *
 * @param <V> vector type
 */
public interface Stepper<V> {

    /** @return the method */
    ExponentialMethod method();

    /** Forgets any history, as before a new integration. */
    void reset();

    /**
     * Advances \(u(t) \to u(t+h)\). Steps allocate nothing once the weights of {@code h} are
     * cached.
     *
     * @param t the time of {@code u}
     * @param h the signed step size, non-zero and finite
     * @param u the state at {@code t}; not modified
     * @param out receives the state at {@code t + h}; must be a different vector from {@code u}
     */
    void step(double t, double h, V u, V out);

    /**
     * {@link #step} that also returns \( \max_i |\mathrm{out}_i| \): how drivers check each
     * result for NaN and infinity. The output is bit-identical to {@code step}'s; the maximum is
     * computed in the pass that writes {@code out} where the backend can, which saves the drivers
     * a read of the whole state per step.
     *
     * @param t the time of {@code u}
     * @param h the signed step size, non-zero and finite
     * @param u the state at {@code t}; not modified
     * @param out receives the state at {@code t + h}; must be a different vector from {@code u}
     * @return \( \max_i |\mathrm{out}_i| \), NaN if an element is NaN
     */
    double stepMaxAbs(double t, double h, V u, V out);

    /**
     * After a step whose result was not finite: the first stage whose value of \(N\) was not
     * finite.
     *
     * @return the stage index, or -1 if every evaluated stage was finite
     */
    int firstNonFiniteStage();

    /**
     * @param stage a stage index of the last step
     * @return the time at which that stage evaluated \(N\)
     */
    double stageTime(int stage);

    /** @return whether {@link #embeddedSolution} is available */
    default boolean hasEmbedded() {
        return method().embeddedOrder() > 0;
    }

    /**
     * The embedded lower-order solution of the last step, for error estimation.
     *
     * @param u the state the last step started from (unchanged since)
     * @return a vector owned by the stepper holding \( \hat u_{n+1} \), valid until the next step
     * @throws UnsupportedOperationException if the method has no embedded solution
     */
    default V embeddedSolution(V u) {
        throw new UnsupportedOperationException(method().name() + " has no embedded solution");
    }
}
