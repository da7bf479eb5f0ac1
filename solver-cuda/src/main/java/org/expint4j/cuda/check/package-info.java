/**
 * The device check and benchmarks of the CUDA backend, kept out of the backend's package:
 * {@link org.expint4j.cuda.check.GpuCheck} (the main class of the self-contained GPU check jar)
 * with what it runs, the operation-by-operation comparison with the CPU backends
 * ({@code CpuComparison}), the bandwidth sweep ({@code Bandwidth}), the Gaussian-mixture model and
 * sampling comparisons ({@code GaussianMixtureCheck}) and the sampling-throughput benchmark
 * ({@code SamplingBenchmark}). They use the backend through its public API only, plus
 * {@link org.expint4j.cuda.Cu} (driver result codes) and
 * {@link org.expint4j.cuda.GaussianMixtureParameters} (the model's bound, on the host). See
 * {@code docs/cuda.md}, sections 7 and 8.
 */
package org.expint4j.cuda.check;
