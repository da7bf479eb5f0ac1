/**
 * Diffusion models as semilinear ODEs: noise schedules, model wrappers, guidance, corrections and
 * analytic models for DPM-Solver and DPM-Solver++.
 *
 * <p>A variance-preserving diffusion \( x_t = \alpha_t x_0 + \sigma_t\epsilon \),
 * \( \alpha_t^2 + \sigma_t^2 = 1 \), is described by a {@link org.expint4j.diffusion.NoiseSchedule}:
 * \( \log\alpha_t \) and the inverse of the half log-SNR \( \lambda_t = \log(\alpha_t/\sigma_t) \),
 * the time variable in which DPM-Solver integrates exactly the linear part of the
 * probability-flow ODE. The schedules match the reference implementation
 * ({@code dpm_solver_pytorch.py}) in double precision:
 * <ul>
 * <li>{@link org.expint4j.diffusion.DiscreteSchedule}: discrete-time models (DDPM linear and
 *     cosine betas, or any betas / alphas_cumprod), with the reference's clipping of
 *     \( \lambda &lt; -5.1 \), its shortened time grid \( t_n = (n+1)/N' \), piecewise-linear
 *     interpolation with linear extrapolation, and its model-time map
 *     \( 1000\,(t - 1/N') \);</li>
 * <li>{@link org.expint4j.diffusion.LinearSchedule}: the continuous linear VP-SDE;</li>
 * <li>{@link org.expint4j.diffusion.CosineSchedule}: the legacy continuous cosine schedule;</li>
 * <li>{@link org.expint4j.diffusion.CustomSchedule}: any \( \log\alpha_t \) with its inverse.</li>
 * </ul>
 * All evaluate \(\sigma_t\) and \(\lambda_t\) from \( 1 - \alpha_t^2 = -\mathrm{expm1}(2\log\alpha_t)
 * \) so that they keep their relative precision as \( t \to 0 \).
 *
 * <p>A network is a {@link org.expint4j.diffusion.DiffusionModel} evaluated on a batch of \(B\)
 * samples stored back to back, at the time label given by a
 * {@link org.expint4j.diffusion.ModelTimeMap}, predicting one of the
 * {@link org.expint4j.diffusion.ModelType}s. A {@link org.expint4j.diffusion.ModelWrapper} turns it
 * into what the sampler integrates, the noise prediction \( \hat\epsilon(x, t) \) or the data
 * prediction \( \hat x_0(x, t) \) at continuous time, each in one fused pass of the
 * {@linkplain org.expint4j.vector.VectorOps vector backend}, with
 * {@link org.expint4j.diffusion.Guidance} (classifier guidance through a
 * {@link org.expint4j.diffusion.ClassifierGradient}, classifier-free guidance with two models or
 * one doubled batch), an {@link org.expint4j.diffusion.X0Correction} of the data prediction such as
 * {@link org.expint4j.diffusion.DynamicThresholding}, and counts of model evaluations.
 *
 * <p>Analytic models give exact answers to test samplers against:
 * {@link org.expint4j.diffusion.GaussianDataModel} (Gaussian data, with the exact solution of the
 * probability-flow ODE) and {@link org.expint4j.diffusion.GaussianMixtureModel} (a diagonal
 * Gaussian mixture, with its exact noise predictor, marginal density and data samples), both on
 * {@code double[]}; {@link org.expint4j.diffusion.FloatModelAdapter} presents any
 * {@code double[]} model to a {@code float[]} sampler.
 *
 * <p>Unless a class says otherwise, objects that hold scratch buffers (wrappers, mixtures,
 * thresholding, adapters) are not thread-safe; schedules are immutable.
 */
package org.expint4j.diffusion;
