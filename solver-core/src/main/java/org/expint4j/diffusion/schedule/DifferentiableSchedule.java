package org.expint4j.diffusion.schedule;

/**
 * A noise schedule that also gives the time derivatives \( \dot\alpha_t \) and \( \dot\sigma_t \).
 * A model trained on the conditional path \( x_t = \alpha_t x_0 + \sigma_t\epsilon \) to predict its
 * velocity \( v = \mathrm{d}x_t/\mathrm{d}t = \dot\alpha_t x_0 + \dot\sigma_t\epsilon \) (flow
 * matching, Lipman et al. 2023; rectified flow, Liu et al. 2023) can be converted to noise and data
 * predictions only with them.
 *
 * <p>Since \( \lambda_t \) decreases, \( \alpha_t\dot\sigma_t - \dot\alpha_t\sigma_t
 * = -\alpha_t\sigma_t\dot\lambda_t > 0 \).
 */
public interface DifferentiableSchedule extends NoiseSchedule {

    /**
     * @param t the time
     * @return \( \dot\alpha_t = \mathrm{d}\alpha_t/\mathrm{d}t \)
     */
    double alphaDerivative(double t);

    /**
     * @param t the time
     * @return \( \dot\sigma_t = \mathrm{d}\sigma_t/\mathrm{d}t \); by default the
     *     variance-preserving \( -\alpha_t\dot\alpha_t/\sigma_t \) (from
     *     \( \alpha_t^2 + \sigma_t^2 = 1 \)), which other families override
     */
    default double sigmaDerivative(double t) {
        return -alpha(t) * alphaDerivative(t) / sigma(t);
    }
}
