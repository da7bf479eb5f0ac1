/**
 * DPM-Solver and DPM-Solver++, the top diffusion layer: depends on
 * {@link org.expint4j.diffusion.model} and {@link org.expint4j.diffusion.schedule} (and the
 * framework's {@code integrate}, {@code method}, {@code problem} and {@code vector} packages);
 * nothing in those depends on it.
 *
 * <p>{@link DpmSolver} samples by running the framework's step loop in log-SNR time
 * (the probability-flow ODE as a semilinear problem, {@link LambdaDynamics}): multistep,
 * single-step and adaptive methods ({@link SamplingMethod}) of either {@link Algorithm}, with
 * per-step coefficient rules ({@link DpmCoefficients}, {@link DpmMethods}, {@link DpmSinglestep}),
 * the adaptive error norm ({@link DpmErrorNorm}) and time grids ({@link SamplingGrids},
 * {@link SkipType}, {@link GridSpacing}): the reference's spacings in \(t\) and \(\lambda\), and the
 * σ-spacings of k-diffusion and diffusers (Karras, exponential, polyexponential, SD3-shifted flow
 * time) on \( \tilde\sigma = \sigma_t/\alpha_t = e^{-\lambda} \), which mean the same on VP, VE and
 * flow schedules, or a user grid of times or of \(\tilde\sigma\). {@link SampleOptions} holds every option of the reference {@code sample()}
 * and {@link SampleResult} what a run reports. {@link XtCorrection}s act on the state between
 * steps; {@link DynamicThresholding} is the reference's correction of the data prediction, an
 * {@link org.expint4j.diffusion.model.X0Correction}.
 *
 * <p>Unless a class says otherwise, samplers and thresholding hold scratch buffers and are not
 * thread-safe.
 */
package org.expint4j.diffusion.sampler;
