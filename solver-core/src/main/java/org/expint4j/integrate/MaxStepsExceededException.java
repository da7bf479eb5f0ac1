package org.expint4j.integrate;

/** The adaptive driver used its maximum number of steps before reaching the final time. */
public final class MaxStepsExceededException extends IntegrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the limit and the time reached
     * @param statistics statistics so far
     * @param lastTime time of the last accepted state
     * @param lastState last accepted state
     */
    public MaxStepsExceededException(String message, IntegrationStatistics statistics, double lastTime,
                                     double[] lastState) {
        super(message, statistics, lastTime, lastState);
    }
}
