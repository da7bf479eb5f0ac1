package org.expint4j.integrate;

/**
 * Where the {@link StepLoop}'s trial steps go and whether they are kept: a fixed grid
 * ({@link FixedGrid}), a constant step size, or embedded error control
 * ({@link StepSizeController#control}). A control is stateful and serves one run.
 *
 * <p>Protocol: {@link #start} once; then while not {@link #finished}: {@link #plan} a trial from
 * the current point, read {@link #nextTime} and {@link #step}, take the trial, and let
 * {@link #accept} judge it. The defaults are those of a control that keeps every trial.
 */
public interface StepControl {

    /**
     * @param t0 the user time of the initial state
     * @param tau0 its integration time
     * @param map the run's time map
     */
    void start(double t0, double tau0, TimeMap map);

    /** @return the user time the run ends at */
    double end();

    /**
     * @param t the current user time
     * @return whether the run is complete
     */
    boolean finished(double t);

    /**
     * Plans the next trial step.
     *
     * @param t the current user time
     * @param tau the current integration time
     */
    void plan(double t, double tau);

    /** @return the user time the planned trial ends at */
    double nextTime();

    /** @return the planned trial's signed step in integration time */
    double step();

    /** @return whether trials are judged by an error estimate (an embedded pair and an {@link ErrorNorm}) */
    default boolean measuresError() {
        return false;
    }

    /**
     * Judges the planned trial and proposes the next step.
     *
     * @param error the error estimate, NaN if not {@link #measuresError}
     * @return whether the trial is accepted
     */
    default boolean accept(double error) {
        return true;
    }

    /** @return the most trial steps a run may take */
    default int maxTrials() {
        return Integer.MAX_VALUE;
    }

    /**
     * @param tau the current integration time
     * @return why the proposed step cannot be taken (too small), or {@code null}
     */
    default String stepSizeProblem(double tau) {
        return null;
    }
}
