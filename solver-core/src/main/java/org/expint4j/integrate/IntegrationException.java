package org.expint4j.integrate;

/**
 * Base of the exceptions an integration run throws when it cannot go on. Carries the statistics
 * up to the failure, and the last state that was accepted and the time it belongs to.
 */
public class IntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The statistics when the run stopped. */
    private final transient IntegrationStatistics statistics;
    /** The time of the last accepted state. */
    private final double lastTime;
    /** The last accepted state, as doubles. */
    private final double[] lastState;

    /**
     * @param message what went wrong, naming step, time and values
     * @param statistics the statistics when the run stopped
     * @param lastTime time of the last accepted state
     * @param lastState the last accepted state (not copied)
     */
    public IntegrationException(String message, IntegrationStatistics statistics, double lastTime,
                                double[] lastState) {
        super(message);
        this.statistics = statistics;
        this.lastTime = lastTime;
        this.lastState = lastState;
    }

    /** @return the statistics when the run stopped */
    public IntegrationStatistics statistics() {
        return statistics;
    }

    /** @return the time of the last accepted state */
    public double lastTime() {
        return lastTime;
    }

    /** @return a copy of the last accepted state */
    public double[] lastState() {
        return lastState.clone();
    }
}
