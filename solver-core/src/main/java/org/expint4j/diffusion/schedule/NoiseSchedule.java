package org.expint4j.diffusion.schedule;

/**
 * A variance-preserving noise schedule: \(x_t = \alpha_t x_0 + \sigma_t \epsilon\) with
 * \(\alpha_t^2 + \sigma_t^2 = 1\), described by \( \log\alpha_t \) on \( t \in (0, T] \), and the
 * half log-SNR \( \lambda_t = \log\alpha_t - \log\sigma_t \), strictly decreasing in \(t\), with
 * its inverse \(t(\lambda)\). DPM-Solver integrates in \(\lambda\).
 *
 * <p>\(\sigma_t\) and \(\lambda_t\) are computed from \( 1 - \alpha_t^2 = -\mathrm{expm1}(2\log
 * \alpha_t) \), so they keep full relative precision as \(t \to 0\).
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
     * @return \( \sigma_t = \sqrt{1 - \alpha_t^2} \)
     */
    default double sigma(double t) {
        return Math.sqrt(-Math.expm1(2 * logAlpha(t)));
    }

    /**
     * @param t the time
     * @return \( \lambda_t = \log\alpha_t - \tfrac12 \log(1 - \alpha_t^2) \)
     */
    default double lambda(double t) {
        double logAlpha = logAlpha(t);
        return logAlpha - 0.5 * Math.log(-Math.expm1(2 * logAlpha));
    }
}
