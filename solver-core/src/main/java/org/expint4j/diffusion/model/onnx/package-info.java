/**
 * Trained diffusion networks from ONNX graphs, evaluated by ONNX Runtime (an optional dependency
 * of solver-core): {@link org.expint4j.diffusion.model.onnx.OnnxDiffusionModel} presents a graph
 * as the {@link org.expint4j.diffusion.model.DiffusionModel} the sampler calls, on whole batches,
 * with class labels and classifier-free guidance. Part of the model layer: depends on
 * {@link org.expint4j.diffusion.model} and {@link org.expint4j.diffusion.schedule}, never on
 * {@link org.expint4j.diffusion.sampler}.
 */
package org.expint4j.diffusion.model.onnx;
