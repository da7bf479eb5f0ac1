/**
 * Noise schedules, the lowest diffusion layer: it depends on no other diffusion package;
 * {@link org.expint4j.diffusion.model} and {@link org.expint4j.diffusion.sampler} build on it.
 *
 * <p>A diffusion \( x_t = \alpha_t x_0 + \sigma_t\epsilon \) is described by a
 * {@link NoiseSchedule}: \(\alpha_t\), \(\sigma_t\), the half log-SNR
 * \( \lambda_t = \log(\alpha_t/\sigma_t) \) and its inverse, the time variable in which DPM-Solver
 * integrates exactly the linear part of the probability-flow ODE. Three families:
 * <ul>
 * <li>variance-preserving, \( \alpha_t^2 + \sigma_t^2 = 1 \), given by \(\log\alpha_t\) (below);</li>
 * <li>{@link VeSchedule}: variance exploding in EDM's parametrisation \( \alpha = 1 \),
 *     \( \sigma_t = t \) (Karras et al. 2022);</li>
 * <li>{@link FlowSchedule}: flow matching / rectified flow, \( \alpha_t = 1 - t \),
 *     \( \sigma_t = t \) (SD3, Flux).</li>
 * </ul>
 * A {@link DifferentiableSchedule} also gives \( \dot\alpha_t \), \( \dot\sigma_t \), which
 * convert the velocity of flow models. Nothing downstream assumes \( \sigma_t^2 = 1 - \alpha_t^2 \)
 * except where {@link NoiseSchedule#isVariancePreserving()} is checked (v-prediction, the RK45
 * baseline of the studies).
 *
 * <p>The variance-preserving schedules match the reference implementation
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
