/**
 * Diffusion models and what the sampler makes of them. Depends on
 * {@link org.expint4j.diffusion.schedule} (and the framework's {@code vector} package), never on
 * {@link org.expint4j.diffusion.sampler}, which builds on it.
 *
 * <p>A network is a {@link DiffusionModel} evaluated on a batch of \(B\) samples stored back to
 * back, at the time label given by a {@link org.expint4j.diffusion.schedule.ModelTimeMap},
 * predicting one of the {@link ModelType}s. A {@link ModelWrapper} turns it into what the sampler
 * integrates, the noise prediction \( \hat\epsilon(x, t) \) or the data prediction
 * \( \hat x_0(x, t) \) at continuous time, each in one fused pass of the
 * {@linkplain org.expint4j.vector.VectorOps vector backend}, with {@link Guidance} (classifier
 * guidance through a {@link ClassifierGradient}, classifier-free guidance with two models or one
 * doubled batch), an {@link X0Correction} of the data prediction (such as the sampler's
 * {@link org.expint4j.diffusion.sampler.DynamicThresholding}), and counts of model evaluations.
 *
 * <p>Analytic models give exact answers to test samplers against: {@link GaussianDataModel}
 * (Gaussian data, with the exact solution of the probability-flow ODE) and
 * {@link GaussianMixtureModel} (a diagonal Gaussian mixture, with its exact noise predictor,
 * marginal density and data samples), both on {@code double[]}; {@link FloatModelAdapter}
 * presents any {@code double[]} model to a {@code float[]} sampler. Trained networks come from
 * ONNX graphs in {@link org.expint4j.diffusion.model.onnx}.
 *
 * <p>Unless a class says otherwise, objects that hold scratch buffers (wrappers, mixtures,
 * adapters) are not thread-safe.
 */
package org.expint4j.diffusion.model;
