/**
 * Trained diffusion networks from ONNX graphs, evaluated by ONNX Runtime (an optional dependency
 * of solver-core): {@link org.expint4j.diffusion.onnx.OnnxDiffusionModel} presents a graph as the
 * {@link org.expint4j.diffusion.DiffusionModel} the sampler calls, on whole batches, with class
 * labels and classifier-free guidance.
 */
package org.expint4j.diffusion.onnx;
