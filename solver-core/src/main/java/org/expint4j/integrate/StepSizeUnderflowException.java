package org.expint4j.integrate;

/** The adaptive driver needed a step smaller than its minimum step size. */
public final class StepSizeUnderflowException extends IntegrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the step size, the minimum and the time
     * @param statistics statistics so far
     * @param lastTime time of the last accepted state
     * @param lastState last accepted state
     */
    public StepSizeUnderflowException(String message, IntegrationStatistics statistics, double lastTime,
                                      double[] lastState) {
        super(message, statistics, lastTime, lastState);
    }
}
