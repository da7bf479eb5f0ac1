/**
 * The CUDA vector backend: {@link org.expint4j.cuda.CudaVectorOps} implements
 * {@link org.expint4j.vector.VectorOps} on device vectors ({@link org.expint4j.cuda.DoubleDeviceVector},
 * {@link org.expint4j.cuda.FloatDeviceVector}) with hand-written kernels compiled ahead of time
 * (fatbin and PTX resources, JCuda driver API only), so every integrator runs unchanged on a GPU.
 *
 * <p>Results are bit-identical to the CPU backends of the same precision, reductions included:
 * the kernels use explicitly rounded operations in the CPU's order (see the
 * {@linkplain org.expint4j.vector vector package documentation}).
 *
 * <p>{@link org.expint4j.cuda.CudaGaussianMixtureModel} is the analytic Gaussian-mixture diffusion
 * model as a kernel on device vectors, so a whole {@link org.expint4j.diffusion.sampler.DpmSolver} run stays
 * on the GPU; it agrees with {@link org.expint4j.diffusion.model.GaussianMixtureModel} within a stated
 * bound (exp is the one operation neither side rounds correctly).
 *
 * <p>{@link org.expint4j.cuda.CudaAvailability#probe()} says, once and without throwing, whether the
 * backend can run and if not why ({@code expint sample --backend auto} picks CUDA or the CPU by
 * it). {@link org.expint4j.cuda.check.GpuCheck} is the self-contained correctness, bandwidth and
 * sampling-throughput check for GPU machines. See {@code docs/cuda.md}.
 */
package org.expint4j.cuda;
