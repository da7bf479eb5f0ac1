package org.expint4j.integrate;

/**
 * An additive stochastic term of a step: the step's fused weighted sum gets one more term,
 * \( u_{n+1} = e^{Z}u_n + h\sum_j \beta_j(Z) N_{n-j} + w_n\,\xi_n \), with \(\xi_n\) written by
 * {@link #fill} into a buffer the stepper owns and \(w_n\) its scalar weight. This is how a
 * stochastic exponential integrator for \( du = (Lu + N(t, u))\,dt + g(t)\,dW \) takes its steps
 * (for example the SDE variants of DPM-Solver++, whose \(w_n\) is the standard deviation of the
 * exact stochastic convolution \( \int e^{(t_{n+1}-s)L} g(s)\,dW_s \) and \(\xi_n\) standard
 * normal). Implementations must not allocate per call.
 *
 * <p>Only the multistep stepper takes it ({@link ExponentialAdamsStepper#noise}): a stochastic
 * Runge–Kutta step (SDE-DPM-Solver-2, k-diffusion's {@code sample_dpmpp_sde}) needs correlated noise
 * in its inner stages as well, which one term of the final sum cannot express.
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface AdditiveNoise<V> {

    /**
     * Fills the noise of the step from {@code t} to {@code t + h} (in the integration variable
     * and time of the stepper) and returns its weight.
     *
     * @param t the step's start time
     * @param h the signed step size
     * @param out receives \(\xi_n\)
     * @return \(w_n\); 0 adds no term this step
     */
    double fill(double t, double h, V out);
}
