package org.expint4j.diffusion.schedule;

/**
 * A noise schedule: \(x_t = \alpha_t x_0 + \sigma_t \epsilon\) on \( t \in (0, T] \), with the
 * half log-SNR \( \lambda_t = \log\alpha_t - \log\sigma_t \), strictly decreasing in \(t\), and
 * its inverse \(t(\lambda)\). DPM-Solver integrates in \(\lambda\), so it needs nothing else.
 *
 * <p>The defaults describe a variance-preserving schedule, \(\alpha_t^2 + \sigma_t^2 = 1\), given
 * by \( \log\alpha_t \): \(\sigma_t\) and \(\lambda_t\) are computed from
 * \( 1 - \alpha_t^2 = -\mathrm{expm1}(2\log\alpha_t) \), so they keep full relative precision as
 * \(t \to 0\). Other families ({@link VeSchedule}, {@link FlowSchedule}) override
 * {@link #alpha}, {@link #sigma}, {@link #lambda} and {@link #isVariancePreserving}; code that
 * needs \(\sigma_t\) asks the schedule for it and never assumes \( \sigma_t^2 = 1 - \alpha_t^2 \).
 */
public interface NoiseSchedule {

    /**
     * @param t the time
     * @return \( \log\alpha_t \) (the reference's {@code marginal_log_mean_coeff})
     */
    double logAlpha(double t);

    /**
     * @param lambda the half log-SNR
     * @return the time \(t\) with \( \lambda_t = \lambda \)
     */
    double inverseLambda(double lambda);

    /** @return the final time \(T\) (default start of sampling) */
    double tMax();

    /**
     * @return the default end of sampling: \(1/N'\) for discrete schedules, \(10^{-3}\) for
     *     continuous ones
     */
    double tMin();

    /**
     * @param t the time
     * @return \( \alpha_t \)
     */
    default double alpha(double t) {
        return Math.exp(logAlpha(t));
    }

    /**
     * @param t the time
     * @return \( \sigma_t \); by default \( \sqrt{1 - \alpha_t^2} \)
     */
    default double sigma(double t) {
        return Math.sqrt(-Math.expm1(2 * logAlpha(t)));
    }

    /**
     * @param t the time
     * @return \( \lambda_t = \log(\alpha_t/\sigma_t) \); by default
     *     \( \log\alpha_t - \tfrac12 \log(1 - \alpha_t^2) \)
     */
    default double lambda(double t) {
        double logAlpha = logAlpha(t);
        return logAlpha - 0.5 * Math.log(-Math.expm1(2 * logAlpha));
    }

    /**
     * Whether \( \alpha_t^2 + \sigma_t^2 = 1 \): v-prediction ({@code ModelType.VELOCITY}) is
     * defined for such schedules only.
     *
     * @return {@code true} by default
     */
    default boolean isVariancePreserving() {
        return true;
    }
}
