/**
 * Diffusion models as semilinear ODEs, for DPM-Solver and DPM-Solver++, in three layers whose
 * dependencies point one way, sampler → model → schedule (and all of them onto the framework's
 * {@code integrate}, {@code method}, {@code problem} and {@code vector} packages):
 * <ul>
 * <li>{@link org.expint4j.diffusion.schedule}: the noise schedules of a variance-preserving
 *     diffusion, \( \log\alpha_t \), \(\sigma_t\), the half log-SNR \(\lambda_t\) and its inverse,
 *     and the map from continuous time to a model's time labels;</li>
 * <li>{@link org.expint4j.diffusion.model}: networks and what the sampler makes of them: the
 *     batched model interface, the wrapper that turns a model of any prediction type into noise
 *     and data predictions at continuous time, guidance, corrections of the data prediction, and
 *     analytic models with exact answers; {@link org.expint4j.diffusion.model.onnx} adds trained
 *     networks from ONNX graphs;</li>
 * <li>{@link org.expint4j.diffusion.sampler}: the sampler itself,
 *     {@link org.expint4j.diffusion.sampler.DpmSolver}, as configurations of the framework's step
 *     loop, with its options, time grids, coefficient rules, error norm and x_t-corrections.</li>
 * </ul>
 * A schedule knows nothing of models, a model nothing of samplers; a sampler takes a noise
 * predictor, a schedule and a vector backend.
 * Each package says which of its objects are thread-safe.
 */
package org.expint4j.diffusion;
