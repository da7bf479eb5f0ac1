package org.expint4j.integrate;

/**
 * Where the {@link StepLoop}'s trial steps go and whether they are kept: a fixed grid
 * ({@link FixedGrid}), a constant step size, or embedded error control
 * ({@link StepSizeController#control}). A control is stateful and serves one run.
 *
 * <p>Protocol: {@link #start} once; then while not {@link #finished}: {@link #plan} a trial from
 * the current point (it sets {@link #nextTime}, {@link #nextTau} and {@link #step}), take the trial, and let
 * {@link #accept} judge it. The defaults are those of a control that keeps every trial.
 */
public abstract class StepControl {

    /** The user time the run ends at. */
    protected final double end;
    /** Set by {@link #plan}: the user time the planned trial ends at. */
    protected double nextTime;
    /** Set by {@link #plan}: the integration time the planned trial ends at. */
    protected double nextTau;
    /** Set by {@link #plan}: the planned trial's signed step in integration time. */
    protected double step;

    /** @param end the user time the run ends at */
    protected StepControl(double end) {
        this.end = end;
    }

    /**
     * @param t0 the user time of the initial state
     * @param tau0 its integration time
     * @param map the run's time map
     */
    public abstract void start(double t0, double tau0, TimeMap map);

    /**
     * @param t the current user time
     * @return whether the run is complete
     */
    public abstract boolean finished(double t);

    /**
     * Plans the next trial step: sets {@link #nextTime}, {@link #nextTau} and {@link #step}.
     *
     * @param t the current user time
     * @param tau the current integration time
     */
    public abstract void plan(double t, double tau);

    /** @return whether trials are judged by an error estimate (an embedded pair and an {@link ErrorNorm}) */
    public boolean measuresError() {
        return false;
    }

    /**
     * Judges the planned trial and proposes the next step.
     *
     * @param error the error estimate, NaN if not {@link #measuresError}
     * @return whether the trial is accepted
     */
    public boolean accept(double error) {
        return true;
    }

    /** @return the most trial steps a run may take */
    public int maxTrials() {
        return Integer.MAX_VALUE;
    }

    /**
     * @param tau the current integration time
     * @return why the proposed step cannot be taken (too small), or {@code null}
     */
    public String stepSizeProblem(double tau) {
        return null;
    }
}
