package org.expint4j.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import jcuda.Pointer;
import jcuda.driver.CUfunction;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * {@link GaussianMixtureModel}'s exact noise predictor as a CUDA kernel on device vectors, so that a
 * whole DPM-Solver run stays on the GPU:
 *
 * <pre>{@code
 * try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble();
 *      CudaGaussianMixtureModel<DoubleDeviceVector> model =
 *          new CudaGaussianMixtureModel<>(gpu, weights, means, stds, schedule, ModelTimeMap.CONTINUOUS)) {
 *     DoubleDeviceVector x = gpu.fromArray(noise);             // B samples of dimension D
 *     new DpmSolver<>(model::noise, schedule, gpu, Algorithm.DPMSOLVER_PLUS_PLUS)
 *         .sample(x, new SampleOptions().steps(20));
 *     x.download(samples);
 * }
 * }</pre>
 *
 * <p><b>On the device.</b> The means and the squared standard deviations are uploaded once, at
 * construction. Per new time the host computes \(\alpha_t\), \(\sigma_t\) and the \(K\)
 * log-normalisers \( c_k = \log w_k - \tfrac12(D\log 2\pi + \sum_d \log v_{kd}) \) exactly as the
 * CPU model does (\(KD\) logarithms, the same bits) and sends the \(K\) values (a synchronous
 * copy of \(8K\) bytes, which waits for queued work); the batch itself never leaves the device.
 * The kernel ({@code gmm_noise_f64}/{@code _f32}) runs one thread per sample: a block stages its
 * samples through shared memory in tiles of 32 columns (coalesced loads and stores), sums
 * \( q_k = \sum_d (x_d - \alpha\mu_{kd})^2 / v_{kd} \), forms the responsibilities with the
 * log-sum-exp shift, and writes \( \epsilon_d = \sigma \sum_k \gamma_k (x_d - \alpha\mu_{kd}) /
 * v_{kd} \). No atomics; the result does not depend on the launch.
 *
 * <p><b>Agreement with the CPU model (the bound).</b> The kernel performs the CPU model's
 * operations in the CPU model's order with explicitly rounded IEEE arithmetic (no contraction), so
 * the log-joint densities \( z_k = l_k - \max_j l_j \) are bit-identical on both sides. The only
 * difference is \( e^{z_k} \): Java's {@code Math.exp} is within 1 ulp of the exact value (its
 * specification), CUDA's {@code exp} within 1 ulp of the correctly rounded value, i.e. 1.5 ulp of
 * the exact one (CUDA Programming Guide, double-precision functions; NVIDIA states these bounds
 * from extensive, not exhaustive, tests). With \( u = 2^{-53} \) an ulp is at most \(2u\) times
 * the value, so the exponentials carry relative errors of at most \(2u\) (CPU) and \(3u\) (GPU).
 * Following each side from there to the output, with \( S_d = \sigma\sum_k \gamma_k |x_d -
 * \alpha\mu_{kd}| / v_{kd} \ge |\epsilon_d| \):
 * <ul>
 * <li>normalising the perturbed exponentials doubles their relative error: \(4u\) and \(6u\);</li>
 * <li>the sum \( \sum_k e_k \) (\(K-1\) additions of positive terms): \( (K-1)u \); the division:
 *     \(u\); the product \( \gamma_k\cdot g_{kd} \): \(u\);</li>
 * <li>the sum over \(k\) from 0: at most \( (K-1)u \) of \( \sum_k |\gamma_k g_{kd}| \); the
 *     factor \(\sigma\): \(u\).</li>
 * </ul>
 * That is \( (2K+5)u\,S_d \) for the CPU and \( (2K+7)u\,S_d \) for the GPU against the exact
 * value of the common \(z_k\), so, with \(4u\) covering second-order terms and the rounding of
 * the bound's own evaluation,
 * \[ |\epsilon^{gpu}_d - \epsilon^{cpu}_d| \le (4K + 16)\,2^{-53}\, S_d + K\sigma\max_k|g_{kd}|\,
 * 2^{-1071}, \]
 * the last term covering exponentials that underflow to subnormals (\(z_k &lt; -708\), where the
 * relative bound fails). It does not depend on \(D\). Since \( 2^{-53}|y| &lt; \mathrm{ulp}(y) \),
 * it is below \( (4K+16)\,S_d/|\epsilon_d| \) ulps of the output: \(4K+16\) ulps (48 for
 * \(K = 8\)) where the components do not cancel (one dominant component, or all terms of one
 * sign). Typically the two exponentials agree and the outputs are
 * bit-identical. {@link #agreementBound} evaluates the bound for a batch.
 *
 * <p><b>Float.</b> On a {@link FloatDeviceVector} backend the kernel widens the input exactly,
 * computes in double and rounds the output once, which is what
 * {@link org.expint4j.diffusion.model.FloatModelAdapter} does around the CPU model; the float outputs
 * therefore differ by at most the bound above plus one float ulp (a rounding boundary between the
 * two double values), and are almost always identical. (Double arithmetic costs about twice a
 * float evaluation's time on data-centre GPUs; on consumer GPUs, with 1/64-rate double, far more.)
 *
 * <p><b>Resources.</b> The parameter buffers ({@code 16KD + 8K} bytes) are internal allocations of
 * the backend: freed by {@link #close()}, or with the backend. Shared memory per block stays
 * within the default 48 KiB: \(T(\min(D,32) + 1 + K)\) doubles for \(T\) samples per block, \(T\)
 * the largest power of two up to 128 that fits, so \(K \le 4096\). Not thread-safe (per-time
 * state and the argument block are reused), like the CPU model.
 *
 * @param <V> {@link DoubleDeviceVector} or {@link FloatDeviceVector}, the backend's vectors
 */
public final class CudaGaussianMixtureModel<V extends DeviceVector> implements DiffusionModel<V>, AutoCloseable {

    private final CudaVectorOps<V> ops;
    private final GaussianMixtureParameters host;
    private final CUfunction kernel;
    private final DevicePointer means;
    private final DevicePointer stds2;
    private final DevicePointer logNormalisers;
    private final int sharedBytes;
    private final long[] args = new long[Kernels.GMM_WORDS];
    private final Pointer params = Pointer.to(Pointer.to(args));
    private final Pointer logNormalisersHost;
    /** Time whose constants are on the device (NaN: none). */
    private double deviceTime = Double.NaN;
    private boolean closed;

    /**
     * Validates the parameters exactly as {@link GaussianMixtureModel} does and uploads them.
     *
     * @param ops the backend whose vectors the model evaluates; its precision is the model's
     * @param weights \(w_k > 0\), finite; normalised by their sum
     * @param means \(\mu_k\), {@code K} rows of the same dimension \(D \ge 1\), finite
     * @param stds \(s_k\), same shape, positive and finite
     * @param schedule the noise schedule
     * @param timeMap the map the sampler uses for model times
     * @throws IllegalArgumentException as {@link GaussianMixtureModel}'s constructor (same
     *     messages), or if \(K > 4096\)
     * @throws IllegalStateException if the backend is closed or has no device
     * @throws DeviceMemoryException if the parameters do not fit
     */
    public CudaGaussianMixtureModel(CudaVectorOps<V> ops, double[] weights, double[][] means, double[][] stds,
                                    NoiseSchedule schedule, ModelTimeMap timeMap) {
        if (ops == null) {
            throw new IllegalArgumentException("ops is null");
        }
        this.host = new GaussianMixtureParameters(weights, means, stds, schedule, timeMap);
        this.ops = ops;
        ops.enter();
        final int p = ops.precision().ordinal();
        this.kernel = ops.context().kernels.gmm[p];
        final long table = (long) host.components * host.dimension * Double.BYTES;
        final DeviceAllocations allocations = ops.allocations();
        this.means = allocations.allocate(table, true, "Gaussian-mixture means");
        DevicePointer s = null;
        DevicePointer c = null;
        try {
            s = allocations.allocate(table, true, "Gaussian-mixture variances");
            c = allocations.allocate((long) host.components * Double.BYTES, true, "Gaussian-mixture normalisers");
            Cu.check(cuMemcpyHtoD(this.means, Pointer.to(host.means), table), "cuMemcpyHtoD");
            Cu.check(cuMemcpyHtoD(s, Pointer.to(host.stds2), table), "cuMemcpyHtoD");
        } catch (RuntimeException e) {
            allocations.free(this.means);
            if (s != null) {
                allocations.free(s);
            }
            if (c != null) {
                allocations.free(c);
            }
            throw e;
        }
        this.stds2 = s;
        this.logNormalisers = c;
        this.logNormalisersHost = Pointer.to(host.logNormalisers);
        this.sharedBytes = GaussianMixtureParameters.sharedBytes(host.threads, host.dimension, host.components);
    }

    /**
     * \( \epsilon^*(x, t) \) at \( t = \) {@code timeMap.fromModelTime(modelTime)}.
     *
     * @param x batch of \(B\) samples of dimension \(D\), on this model's backend
     * @param modelTime the model's time label
     * @param out receives \( \epsilon^* \), same length; may be {@code x}
     * @throws IllegalArgumentException if a vector is null, of another backend, or the lengths
     *     differ or are not a multiple of \(D\)
     * @throws IllegalStateException if the model, the backend or a vector is closed
     */
    @Override
    public void evaluate(V x, double modelTime, V out) {
        noise(x, host.timeMap.fromModelTime(modelTime), out);
    }

    /**
     * The noise predictor at continuous time: pass {@code model::noise} to a
     * {@link org.expint4j.diffusion.sampler.DpmSolver}, as with the CPU model.
     *
     * @param x batch of \(B\) samples of dimension \(D\), on this model's backend
     * @param t continuous time
     * @param out receives \( \epsilon^*(x, t) \), same length; may be {@code x}
     * @throws IllegalArgumentException if a vector is null, of another backend, or the lengths
     *     differ or are not a multiple of \(D\)
     * @throws IllegalStateException if the model, the backend or a vector is closed
     */
    public void noise(V x, double t, V out) {
        if (closed) {
            throw new IllegalStateException("the Gaussian-mixture model is closed");
        }
        ops.usable(x, "x");
        ops.usable(out, "out");
        final int n = x.length();
        if (out.length() != n || n % host.dimension != 0) {
            throw new IllegalArgumentException("batch lengths " + n + " and " + out.length()
                + " must be equal multiples of the dimension " + host.dimension);
        }
        if (n == 0) {
            return;
        }
        ops.enter();
        host.prepare(t);
        if (!(t == deviceTime)) {
            deviceTime = Double.NaN;
            Cu.check(cuMemcpyHtoD(logNormalisers, logNormalisersHost, (long) host.components * Double.BYTES),
                "cuMemcpyHtoD");
            deviceTime = t;
        }
        final long samples = n / host.dimension;
        args[0] = out.address();
        args[1] = x.address();
        args[2] = means.address();
        args[3] = stds2.address();
        args[4] = logNormalisers.address();
        args[5] = samples;
        args[6] = host.dimension;
        args[7] = host.components;
        args[8] = Double.doubleToRawLongBits(host.alpha);
        args[9] = Double.doubleToRawLongBits(host.sigma);
        args[10] = Double.doubleToRawLongBits(host.alpha2);
        args[11] = Double.doubleToRawLongBits(host.sigma2);
        final int grid = GaussianMixtureParameters.grid(samples, host.threads, ops.maxBlocks());
        Cu.check(cuLaunchKernel(kernel, grid, 1, 1, host.threads, 1, 1, sharedBytes, null, params, null),
            "cuLaunchKernel(gmm_noise)");
    }

    /**
     * The bound on \( |\epsilon^{gpu} - \epsilon^{cpu}| \) of the class documentation, per
     * element: \( (4K+16)\,2^{-53} S_d + K\sigma\max_k|g_{kd}|\,2^{-1071} \), with the
     * responsibilities of {@link GaussianMixtureModel#responsibilities}. For a float backend add
     * one float ulp of the output. Runs on the host; needs no device.
     *
     * @param x batch of length \(BD\)
     * @param t continuous time
     * @param bound receives the bound of every element, same length
     * @throws IllegalArgumentException if the lengths differ or are not a multiple of \(D\)
     */
    public void agreementBound(double[] x, double t, double[] bound) {
        host.agreementBound(x, t, bound);
    }

    /** @return a new CPU model ({@code double[]}) of the same parameters: the reference */
    public GaussianMixtureModel cpuModel() {
        return host.cpuModel();
    }

    /** @return the dimension \(D\) of a sample */
    public int dimension() {
        return host.dimension;
    }

    /** @return the number of components \(K\) */
    public int components() {
        return host.components;
    }

    /** @return the noise schedule */
    public NoiseSchedule schedule() {
        return host.schedule;
    }

    /** @return the model-time map */
    public ModelTimeMap timeMap() {
        return host.timeMap;
    }

    /** @return samples per block of the kernel (a power of two, at most 128) */
    public int samplesPerBlock() {
        return host.threads;
    }

    /** @return bytes of device memory the parameters take */
    public long deviceBytes() {
        return (2L * host.components * host.dimension + host.components) * Double.BYTES;
    }

    /** Frees the parameters on the device. Idempotent; a no-op once the backend is closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ops.isClosed()) {
            ops.enter();
            final DeviceAllocations allocations = ops.allocations();
            allocations.free(means);
            allocations.free(stds2);
            allocations.free(logNormalisers);
        }
    }

    @Override
    public String toString() {
        return "CudaGaussianMixtureModel[K=" + host.components + ", D=" + host.dimension + ", " + ops.name()
            + ", " + host.schedule + ", " + host.timeMap + "]";
    }
}
