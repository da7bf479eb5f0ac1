package org.expint4j.diffusion.schedule;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A variance-preserving schedule given by the user as \( t \mapsto \log\alpha_t \) and its inverse
 * \( \log\alpha \mapsto t \); \( t(\lambda) \) follows from
 * \( \log\alpha = -\tfrac12\log(1 + e^{-2\lambda}) \). \(\alpha\), \(\sigma\) and \(\lambda\) are
 * derived stably from \(\log\alpha\) by the {@link NoiseSchedule} defaults, so the functions need
 * only be accurate in \(\log\alpha\) (relative precision near \(t = 0\) matters: supply
 * \(\log\alpha\) without cancellation there). The functions must be pure and, if the schedule is
 * shared between threads, thread-safe.
 */
public final class CustomSchedule implements NoiseSchedule {

    /** \( t \mapsto \log\alpha_t \). */
    private final DoubleUnaryOperator logAlpha;

    /** \( \log\alpha \mapsto t \). */
    private final DoubleUnaryOperator inverseLogAlpha;

    /** \(T\). */
    private final double tMax;

    /** Default end of sampling. */
    private final double tMin;

    /**
     * @param logAlpha \( t \mapsto \log\alpha_t \), strictly decreasing, \( \le 0 \)
     * @param inverseLogAlpha its inverse, \( \log\alpha \mapsto t \)
     * @param tMax the final time \(T\)
     * @param tMin the default end of sampling, \( 0 &lt; t_{\min} &lt; T \)
     * @throws IllegalArgumentException if the times are not finite with \( 0 &lt; t_{\min} &lt; T \)
     */
    public CustomSchedule(DoubleUnaryOperator logAlpha, DoubleUnaryOperator inverseLogAlpha,
            double tMax, double tMin) {
        this.logAlpha = Objects.requireNonNull(logAlpha, "logAlpha");
        this.inverseLogAlpha = Objects.requireNonNull(inverseLogAlpha, "inverseLogAlpha");
        ScheduleMath.requireFinite(tMax, "tMax");
        ScheduleMath.requireFinite(tMin, "tMin");
        if (!(tMin > 0 && tMin < tMax)) {
            throw new IllegalArgumentException(
                    "need 0 < tMin < tMax, got tMin = " + tMin + ", tMax = " + tMax);
        }
        this.tMax = tMax;
        this.tMin = tMin;
    }

    /**
     * @param t the time
     * @return the user's \( \log\alpha_t \)
     */
    @Override
    public double logAlpha(double t) {
        return logAlpha.applyAsDouble(t);
    }

    /**
     * @param lambda the half log-SNR
     * @return the user's inverse at \( -\tfrac12\log(1 + e^{-2\lambda}) \)
     */
    @Override
    public double inverseLambda(double lambda) {
        return inverseLogAlpha.applyAsDouble(ScheduleMath.logAlphaOfLambda(lambda));
    }

    /** @return \(T\) */
    @Override
    public double tMax() {
        return tMax;
    }

    /** @return the default end of sampling */
    @Override
    public double tMin() {
        return tMin;
    }

    @Override
    public String toString() {
        return "CustomSchedule[T=" + tMax + ", tMin=" + tMin + "]";
    }
}
