/**
 * Noise schedules of variance-preserving diffusions, the lowest diffusion layer: it depends on
 * no other diffusion package; {@link org.expint4j.diffusion.model} and
 * {@link org.expint4j.diffusion.sampler} build on it.
 *
 * <p>A variance-preserving diffusion \( x_t = \alpha_t x_0 + \sigma_t\epsilon \),
 * \( \alpha_t^2 + \sigma_t^2 = 1 \), is described by a {@link NoiseSchedule}:
 * \( \log\alpha_t \) and the inverse of the half log-SNR \( \lambda_t = \log(\alpha_t/\sigma_t) \),
 * the time variable in which DPM-Solver integrates exactly the linear part of the
 * probability-flow ODE. The schedules match the reference implementation
 * ({@code dpm_solver_pytorch.py}) in double precision:
 * <ul>
 * <li>{@link DiscreteSchedule}: discrete-time models (DDPM linear and
 *     cosine betas, or any betas / alphas_cumprod), with the reference's clipping of
 *     \( \lambda &lt; -5.1 \), its shortened time grid \( t_n = (n+1)/N' \), piecewise-linear
 *     interpolation with linear extrapolation, and its model-time map
 *     \( 1000\,(t - 1/N') \);</li>
 * <li>{@link LinearSchedule}: the continuous linear VP-SDE;</li>
 * <li>{@link CosineSchedule}: the legacy continuous cosine schedule;</li>
 * <li>{@link CustomSchedule}: any \( \log\alpha_t \) with its inverse.</li>
 * </ul>
 * All evaluate \(\sigma_t\) and \(\lambda_t\) from \( 1 - \alpha_t^2 = -\mathrm{expm1}(2\log\alpha_t)
 * \) so that they keep their relative precision as \( t \to 0 \).
 *
 * <p>A {@link ModelTimeMap} maps the sampler's continuous time to the time label a model was
 * trained with. It lives here rather than with the models because a schedule defines it: a
 * {@link DiscreteSchedule} hands out the reference's map for its own length.
 *
 * <p>Schedules are immutable.
 */
package org.expint4j.diffusion.schedule;
