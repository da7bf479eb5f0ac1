package org.expint4j.integrate;

/**
 * A step produced NaN or infinity: the nonlinear part returned a non-finite value at some stage,
 * or the update overflowed. The message names the step index, the time and the stage.
 */
public final class NonFiniteValueException extends IntegrationException {

    private static final long serialVersionUID = 1L;

    /** Index of the failing step, from 1. */
    private final int step;
    /** Stage whose evaluation of N was non-finite, or -1 if only the update was. */
    private final int stage;

    /**
     * @param step index of the failing step, from 1
     * @param stageTime time at which the failing stage was evaluated (or the step's start)
     * @param stage failing stage, or -1 if every stage was finite but the update was not
     * @param statistics statistics so far
     * @param lastTime time of the last accepted state
     * @param lastState last accepted state
     */
    public NonFiniteValueException(int step, double stageTime, int stage, IntegrationStatistics statistics,
                                   double lastTime, double[] lastState) {
        this(step, stageTime, stage, statistics, lastTime, lastState, null, Double.NaN);
    }

    /**
     * As the other constructor, for a run in an integration time \(\tau \ne t\) (see
     * {@link TimeMap}): the message names both.
     *
     * @param step index of the failing step, from 1
     * @param stageTime user time at which the failing stage was evaluated (or the step's start)
     * @param stage failing stage, or -1 if every stage was finite but the update was not
     * @param statistics statistics so far
     * @param lastTime user time of the last accepted state
     * @param lastState last accepted state
     * @param symbol the name of \(\tau\), e.g. {@code "λ"}, or {@code null} when \(\tau = t\)
     * @param stageTau the integration time of {@code stageTime}
     */
    public NonFiniteValueException(int step, double stageTime, int stage, IntegrationStatistics statistics,
                                   double lastTime, double[] lastState, String symbol, double stageTau) {
        super(message(step, stageTime, stage, statistics, lastTime, symbol == null ? "" : " (" + symbol + " = "
                + stageTau + ")"), statistics, lastTime, lastState);
        this.step = step;
        this.stage = stage;
    }

    private static String message(int step, double stageTime, int stage, IntegrationStatistics statistics,
                                  double lastTime, String tau) {
        return stage >= 0
                ? "N returned a non-finite value at step " + step + ", stage " + stage + ", t = " + stageTime + tau
                        + " (" + statistics + ")"
                : "the update of step " + step + " from t = " + lastTime + tau + " produced a non-finite value"
                        + " although every stage of N was finite (" + statistics + ")";
    }

    /** @return the failing step index, from 1 */
    public int step() {
        return step;
    }

    /** @return the failing stage, or -1 */
    public int stage() {
        return stage;
    }
}
