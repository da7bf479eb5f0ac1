package org.expint4j.diffusion.sampler;

/**
 * How the sampling time grid is spaced between \(t_T\) and \(t_0\) (reference {@code skip_type},
 * and the σ-spacings of k-diffusion and diffusers). The σ-spacings are defined on
 * \( \tilde\sigma_t = \sigma_t/\alpha_t = e^{-\lambda_t} \), the noise level of the variance-exploding
 * form \( x/\alpha_t = x_0 + \tilde\sigma_t\epsilon \) of any schedule, so they mean the same on VP,
 * VE and flow schedules; a grid point's time is \( t(\lambda = -\log\tilde\sigma) \). Their
 * parameters are in {@link GridSpacing}.
 */
public enum SkipType {
    /**
     * Uniform in \(\lambda\) (recommended for low-resolution data); this is also the
     * "exponential" σ-spacing of k-diffusion ({@code get_sigmas_exponential}) and diffusers
     * ({@code use_exponential_sigmas}, {@code use_lu_lambdas}): uniform in \( \log\tilde\sigma \).
     */
    LOGSNR,
    /** Uniform in \(t\) (the reference default, recommended for high resolution). */
    TIME_UNIFORM,
    /** Uniform in \(\sqrt t\), squared. */
    TIME_QUADRATIC,
    /**
     * Karras et al. (2022, EDM, eq. 5): uniform in \( \tilde\sigma^{1/\rho} \),
     * \( \tilde\sigma_i = (\tilde\sigma_T^{1/\rho} + \tfrac in(\tilde\sigma_0^{1/\rho}
     * - \tilde\sigma_T^{1/\rho}))^\rho \), default \(\rho = 7\); \( \rho \to \infty \) tends to
     * {@link #LOGSNR}.
     */
    KARRAS,
    /**
     * k-diffusion's {@code get_sigmas_polyexponential}: \( \log\tilde\sigma_i = \log\tilde\sigma_0
     * + (\log\tilde\sigma_T - \log\tilde\sigma_0)(1 - i/n)^\rho \), default \(\rho = 1\), which is
     * {@link #LOGSNR}.
     */
    POLYEXPONENTIAL,
    /**
     * Uniform in the flow time \( u = \tilde\sigma/(k + \tilde\sigma) \), i.e. uniform in \(t\) on
     * the {@linkplain org.expint4j.diffusion.schedule.FlowSchedule flow schedule} after the
     * time shift \( t = ku/(1 + (k-1)u) \) of SD3 (Esser et al. 2024, eq. 23) with shift \(k\),
     * default 1. This is the grid of Sana's flow DPM-Solver ({@code skip_type="time_uniform_flow"},
     * {@code flow_shift}) and of diffusers' {@code use_flow_sigmas} with {@code flow_shift}: the
     * shift multiplies \( \tilde\sigma = t/(1-t) \) by \(k\). Here the end points stay exactly
     * \( t_T \) and \( t_0 \); those implementations shift the end points too (pass the shifted
     * times as \( t_T \), \( t_0 \) to reproduce them).
     */
    FLOW
}
