package org.expint4j.integrate;

/**
 * What a configuration does around the steps of the {@link StepLoop}: before each trial step
 * (update a node-dependent tableau, lower the order of the final steps, announce the exact
 * start time), and after each accepted one (correct the state in place, hand it to an event
 * handler that may move the run back to an event time). Both default to nothing.
 *
 * @param <V> vector type
 */
public interface StepHook<V> {

    /**
     * Before the trial step from \(t\) to \(t_{\mathrm{next}}\).
     *
     * @param step index of the step being tried, from 1
     * @param t the user time of the state
     * @param tNext the user time the trial ends at
     * @param tau the integration time of the state
     * @param h the signed step in integration time
     */
    default void beforeStep(int step, double t, double tNext, double tau, double h) {
    }

    /** @return whether {@link #afterStep} reads or changes the state (else it is not called) */
    default boolean hasAfterStep() {
        return false;
    }

    /**
     * After an accepted step, before the observers.
     *
     * @param step index of the accepted step, from 1
     * @param t the user time reached
     * @param state the user state at {@code t}; may be changed in place
     * @return the user time {@code state} belongs to now: {@code t}, or an earlier event time at
     *     which the hook stopped or reset the run
     */
    default double afterStep(int step, double t, V state) {
        return t;
    }
}
