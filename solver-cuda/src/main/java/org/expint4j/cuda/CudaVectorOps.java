package org.expint4j.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD32;

import java.lang.ref.Cleaner;
import java.lang.reflect.Array;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import org.expint4j.vector.VectorArguments;
import org.expint4j.vector.VectorOps;

/**
 * The CUDA vector backend: vectors live in device memory ({@link DoubleDeviceVector} or
 * {@link FloatDeviceVector}) and every operation of {@link VectorOps} runs as a hand-written kernel
 * of {@code expint4j_kernels.cu}, so every integrator runs unchanged on the GPU.
 *
 * <pre>{@code
 * try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble()) {
 *     DoubleDeviceVector u0 = gpu.fromArray(initial);
 *     new FixedStepIntegrator<>(method, gpu).integrate(L, deviceN, u0, 0, 1, 64, u0);
 *     u0.download(result);
 * }
 * }</pre>
 *
 * <p><b>Results.</b> The kernels use explicitly rounded IEEE operations in the order of the
 * {@linkplain org.expint4j.vector package documentation} (no fused multiply-add, no flush to
 * zero), so the combinations are bit-identical to {@link org.expint4j.vector.DoubleVectorOps} and
 * {@link org.expint4j.vector.FloatVectorOps}; the weighted RMS norms sum in the CPU's blocked order
 * and are bit-identical too; max-abs is exact. Sums of more than eight terms run in several
 * launches accumulating in the output (through a scratch vector where the output is a later
 * input), which changes no bit.
 *
 * <p><b>Kernels.</b> One launch per operation (per eight terms; per term for the dense
 * combination): grid-stride loops with 64-bit indices and 16-byte loads. Copies use
 * {@code cuMemcpy}. Launches are asynchronous on the default stream; reductions and downloads wait
 * for them.
 *
 * <p><b>Threads.</b> An instance may be shared: its calls are serialised on the instance (it
 * reuses its argument block and scratch buffers, so the combinations and reductions allocate
 * neither device memory nor Java objects in steady state; host transfers create a small JCuda
 * pointer object), and every entry point makes the device's context current on the calling thread
 * first. Threads that share one therefore wait for each other; use one instance per thread for
 * concurrent work.
 *
 * <p><b>Memory.</b> Vectors are freed when closed, when found unreachable (at a later allocation),
 * or when the backend closes; {@link #allocatedBytes()} and {@link #liveVectors()} report what is
 * held. A failed allocation throws {@link DeviceMemoryException} naming the request and the free
 * memory.
 *
 * @param <V> the vector type, {@link DoubleDeviceVector} or {@link FloatDeviceVector}
 */
public final class CudaVectorOps<V extends DeviceVector> implements VectorOps<V> {

    /** Terms a combination fuses in one launch; longer sums take several launches. */
    public static final int FUSED_TERMS = Kernels.MAX_TERMS;

    /** Blocks per multiprocessor of the grid-stride kernels: enough to fill an SM. */
    private static final int BLOCKS_PER_SM = 8;

    private final CudaContext context;
    private final Precision precision;
    private final int p;
    private final Class<V> type;
    private final DeviceAllocations allocations;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /** The argument struct of the next launch, as 8-byte words. */
    private final long[] args = new long[Kernels.HEADER + 2 * Kernels.MAX_TERMS];
    private final Pointer params = Pointer.to(Pointer.to(args));
    private final double[] single = new double[1];
    private final Pointer singlePointer = Pointer.to(single);

    /** Grow-only device scratch: an accumulator vector, reduction partials, per-sample results. */
    private DevicePointer scratch;
    private long scratchBytes;
    private DevicePointer partials;
    private long partialsBytes;
    private DevicePointer results;
    private long resultsBytes;
    /** Host staging of float vectors; grows, never shrinks. */
    private float[] staging = new float[0];

    private CudaVectorOps(CudaContext context, Precision precision, Class<V> type) {
        this.context = context;
        this.precision = precision;
        this.p = precision.ordinal();
        this.type = type;
        this.allocations = new DeviceAllocations(context);
        // Frees the device memory of a backend dropped without close(); references no backend.
        final DeviceAllocations a = allocations;
        this.cleanable = DeviceAllocations.CLEANER.register(this, a::freeAll);
    }

    /**
     * @return a double-precision backend on the device found by {@link CudaAvailability#probe()}
     * @throws IllegalStateException if CUDA is unavailable, with the probe's reason
     */
    public static CudaVectorOps<DoubleDeviceVector> forDouble() {
        return new CudaVectorOps<>(CudaAvailability.probe().requireContext(), Precision.DOUBLE,
            DoubleDeviceVector.class);
    }

    /**
     * @return a single-precision backend on the device found by {@link CudaAvailability#probe()}
     * @throws IllegalStateException if CUDA is unavailable, with the probe's reason
     */
    public static CudaVectorOps<FloatDeviceVector> forFloat() {
        return new CudaVectorOps<>(CudaAvailability.probe().requireContext(), Precision.FLOAT,
            FloatDeviceVector.class);
    }

    /** Backends on an already opened context: for the probe's self-test. */
    static CudaVectorOps<DoubleDeviceVector> forDouble(CudaContext context) {
        return new CudaVectorOps<>(context, Precision.DOUBLE, DoubleDeviceVector.class);
    }

    static CudaVectorOps<FloatDeviceVector> forFloat(CudaContext context) {
        return new CudaVectorOps<>(context, Precision.FLOAT, FloatDeviceVector.class);
    }

    /**
     * A backend attached to no device, for testing argument validation without a GPU: every call
     * that passes validation throws {@link IllegalStateException} where it would reach the device.
     */
    static <V extends DeviceVector> CudaVectorOps<V> unattached(Precision precision, Class<V> type) {
        return new CudaVectorOps<>(null, precision, type);
    }

    /** @return a vector of this backend holding no device memory (for tests without a GPU) */
    V phantom(int length) {
        return newVector(null, length);
    }

    // ---- facts ----

    /** @return {@code "cuda-double"} or {@code "cuda-float"} */
    @Override
    public String name() {
        return precision == Precision.DOUBLE ? "cuda-double" : "cuda-float";
    }

    @Override
    public int bytesPerElement() {
        return precision.bytes();
    }

    /** @return the precision of this backend's vectors */
    public Precision precision() {
        return precision;
    }

    /** @return the device, e.g. {@code NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 79.1 GiB)} */
    public String device() {
        return context == null ? "no device" : context.describe();
    }

    /** @return bytes of device memory this backend holds, its scratch buffers included */
    public long allocatedBytes() {
        return allocations.bytes();
    }

    /** @return number of live vectors holding device memory (empty vectors hold none) */
    public int liveVectors() {
        return allocations.vectors();
    }

    /** @return {@code {free, total}} device memory in bytes, as the driver reports it now */
    public synchronized long[] memoryInfo() {
        enter();
        final long[] free = new long[1];
        final long[] total = new long[1];
        Cu.check(cuMemGetInfo(free, total), "cuMemGetInfo");
        return new long[] {free[0], total[0]};
    }

    /** Waits until all launched work has finished (for timing; results never need it). */
    public synchronized void synchronize() {
        enter();
        Cu.check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** Frees all device memory of this backend, its vectors included. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scratch = partials = results = null;
        scratchBytes = partialsBytes = resultsBytes = 0;
        cleanable.clean();
    }

    DeviceAllocations allocations() {
        return allocations;
    }

    CudaContext context() {
        return context;
    }

    // ---- storage ----

    @Override
    public synchronized V allocate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length = " + length + ", must be >= 0");
        }
        enter();
        if (length == 0) {
            return newVector(null, 0);
        }
        final long bytes = (long) length * precision.bytes();
        final DevicePointer ptr = allocations.allocate(bytes, false,
            "vector of " + length + (precision == Precision.DOUBLE ? " doubles" : " floats"));
        // Zero-filled, as the interface promises (+0.0 is all zero bits in both precisions).
        final int rc = cuMemsetD32(ptr, 0, bytes / Integer.BYTES);
        if (rc != 0) {
            allocations.free(ptr);
            Cu.check(rc, "cuMemsetD32");
        }
        return newVector(ptr, length);
    }

    private V newVector(DevicePointer ptr, int length) {
        final DeviceVector v = precision == Precision.DOUBLE
            ? new DoubleDeviceVector(this, ptr, length)
            : new FloatDeviceVector(this, ptr, length);
        return type.cast(v);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V[] newArray(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size = " + size + ", must be >= 0");
        }
        return (V[]) Array.newInstance(type, size);
    }

    @Override
    public V fromArray(double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        final V v = allocate(values.length);
        copyFrom(values, v);
        return v;
    }

    /** Uploads, rounding to {@code float} for a single-precision backend. */
    @Override
    public synchronized void copyFrom(double[] values, V dst) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        usable(dst, "dst");
        VectorArguments.sameLength("dst", dst.length(), "values", values.length);
        if (values.length == 0) {
            return;
        }
        enter();
        if (precision == Precision.DOUBLE) {
            Cu.check(cuMemcpyHtoD(dst.pointer, Pointer.to(values), dst.bytes()), "cuMemcpyHtoD");
        } else {
            final float[] f = staging(values.length);
            for (int i = 0; i < values.length; i++) {
                f[i] = (float) values[i];
            }
            Cu.check(cuMemcpyHtoD(dst.pointer, Pointer.to(f), dst.bytes()), "cuMemcpyHtoD");
        }
    }

    /** Downloads, widening {@code float} elements exactly. */
    @Override
    public synchronized void toArray(V v, double[] out) {
        usable(v, "v");
        if (out == null) {
            throw new IllegalArgumentException("out is null");
        }
        VectorArguments.sameLength("out", out.length, "v", v.length());
        if (out.length == 0) {
            return;
        }
        enter();
        if (precision == Precision.DOUBLE) {
            Cu.check(cuMemcpyDtoH(Pointer.to(out), v.pointer, v.bytes()), "cuMemcpyDtoH");
        } else {
            final float[] f = staging(out.length);
            Cu.check(cuMemcpyDtoH(Pointer.to(f), v.pointer, v.bytes()), "cuMemcpyDtoH");
            for (int i = 0; i < out.length; i++) {
                out[i] = f[i];
            }
        }
    }

    @Override
    public int length(V v) {
        return v.length();
    }

    @Override
    public synchronized void copy(V src, V dst) {
        usable(src, "src");
        usable(dst, "dst");
        VectorArguments.sameLength("dst", dst.length(), "src", src.length());
        if (src == dst || src.length() == 0) {
            return;
        }
        enter();
        Cu.check(cuMemcpyDtoD(dst.pointer, src.pointer, src.bytes()), "cuMemcpyDtoD");
    }

    @Override
    public synchronized void copyRange(V src, int srcPos, V dst, int dstPos, int length) {
        usable(src, "src");
        usable(dst, "dst");
        VectorArguments.range(src.length(), srcPos, dst.length(), dstPos, length);
        if (length == 0 || src == dst && srcPos == dstPos) {
            return;
        }
        enter();
        final long b = precision.bytes();
        final long bytes = length * b;
        if (src == dst && Math.abs((long) srcPos - dstPos) < length) {
            // cuMemcpy leaves overlapping copies undefined: go through scratch.
            final DevicePointer tmp = scratch(bytes);
            Cu.check(cuMemcpyDtoD(tmp, src.pointer.withByteOffset(srcPos * b), bytes), "cuMemcpyDtoD");
            Cu.check(cuMemcpyDtoD(dst.pointer.withByteOffset(dstPos * b), tmp, bytes), "cuMemcpyDtoD");
        } else {
            Cu.check(cuMemcpyDtoD(dst.pointer.withByteOffset(dstPos * b),
                src.pointer.withByteOffset(srcPos * b), bytes), "cuMemcpyDtoD");
        }
    }

    /** Fills with {@code value}, rounded to {@code float} for a single-precision backend. */
    @Override
    public synchronized void fill(V dst, double value) {
        usable(dst, "dst");
        final int n = dst.length();
        if (n == 0) {
            return;
        }
        enter();
        args[0] = dst.address();
        args[1] = n;
        args[2] = Double.doubleToRawLongBits(value);
        launch(context.kernels.fill[p], elementGrid(n), Kernels.THREADS);
    }

    // ---- host transfers of the vector classes ----

    synchronized void upload(DeviceVector dst, Object src, int srcPos, int dstPos, int count) {
        usable(dst, "vector");
        final int srcLength = hostLength(src);
        VectorArguments.range(srcLength, srcPos, dst.length(), dstPos, count);
        if (count == 0) {
            return;
        }
        enter();
        final long b = precision.bytes();
        Cu.check(cuMemcpyHtoD(dst.pointer.withByteOffset(dstPos * b),
            hostPointer(src).withByteOffset(srcPos * b), count * b), "cuMemcpyHtoD");
    }

    synchronized void download(DeviceVector src, int srcPos, Object dst, int dstPos, int count) {
        usable(src, "vector");
        final int dstLength = hostLength(dst);
        VectorArguments.range(src.length(), srcPos, dstLength, dstPos, count);
        if (count == 0) {
            return;
        }
        enter();
        final long b = precision.bytes();
        Cu.check(cuMemcpyDtoH(hostPointer(dst).withByteOffset(dstPos * b),
            src.pointer.withByteOffset(srcPos * b), count * b), "cuMemcpyDtoH");
    }

    private int hostLength(Object array) {
        if (array == null) {
            throw new IllegalArgumentException("array is null");
        }
        return precision == Precision.DOUBLE ? ((double[]) array).length : ((float[]) array).length;
    }

    private Pointer hostPointer(Object array) {
        return precision == Precision.DOUBLE ? Pointer.to((double[]) array) : Pointer.to((float[]) array);
    }

    // ---- fused combinations ----

    @Override
    public synchronized void linearCombination(double[] a, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "a", a == null ? -1 : a.length, x);
        VectorArguments.vectors(this, "x", x, k, n);
        usable(out, "out");
        usableAll("x", x, k);
        if (n == 0) {
            return;
        }
        enter();
        final long target = k > Kernels.MAX_TERMS
            && VectorArguments.aliasesLateTerm(null, x, k, out, Kernels.MAX_TERMS)
            ? scratch((long) n * precision.bytes()).address() : out.address();
        final int grid = elementGrid(n);
        for (int j0 = 0; j0 < k; j0 += Kernels.MAX_TERMS) {
            final int count = Math.min(Kernels.MAX_TERMS, k - j0);
            header(target, n, j0 > 0);
            for (int j = 0; j < count; j++) {
                args[Kernels.HEADER + j] = x[j0 + j].address();
                args[Kernels.HEADER + count + j] = Double.doubleToRawLongBits(a[j0 + j]);
            }
            launch(context.kernels.linear[p][count - 1], grid, Kernels.THREADS);
        }
        finishTarget(target, out);
    }

    @Override
    public void diagonalCombination(V[] w, V[] x, int k, V out) {
        weighted(w, x, k, out, false);
    }

    @Override
    public void complexDiagonalCombination(V[] w, V[] x, int k, V out) {
        weighted(w, x, k, out, true);
    }

    private synchronized void weighted(V[] w, V[] x, int k, V out, boolean complex) {
        final int n = VectorArguments.output(this, out, "out", complex);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "w", w, k, n);
        VectorArguments.vectors(this, "x", x, k, n);
        usable(out, "out");
        usableAll("w", w, k);
        usableAll("x", x, k);
        if (n == 0) {
            return;
        }
        enter();
        final long target = k > Kernels.MAX_TERMS
            && VectorArguments.aliasesLateTerm(w, x, k, out, Kernels.MAX_TERMS)
            ? scratch((long) n * precision.bytes()).address() : out.address();
        final long elements = complex ? n / 2 : n;
        final int grid = elementGrid(elements);
        final CUfunction[] kernels = complex ? context.kernels.complex[p] : context.kernels.diagonal[p];
        for (int j0 = 0; j0 < k; j0 += Kernels.MAX_TERMS) {
            final int count = Math.min(Kernels.MAX_TERMS, k - j0);
            header(target, elements, j0 > 0);
            for (int j = 0; j < count; j++) {
                args[Kernels.HEADER + j] = w[j0 + j].address();
                args[Kernels.HEADER + count + j] = x[j0 + j].address();
            }
            launch(kernels[count - 1], grid, Kernels.THREADS);
        }
        finishTarget(target, out);
    }

    /**
     * One launch per term, one thread per row (simple, bit-identical to the CPU's row sums, not
     * tuned: the dense case serves small systems).
     */
    @Override
    public synchronized void denseCombination(V[] w, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "x", x, k, n);
        VectorArguments.dense(this, w, x, k, out, n);
        usable(out, "out");
        usableAll("w", w, k);
        usableAll("x", x, k);
        if (n == 0) {
            return;
        }
        enter();
        // A weight that is out (only possible for n = 1) must be read before out is written.
        final long target = VectorArguments.aliasesLateTerm(w, null, k, out, 1)
            ? scratch((long) n * precision.bytes()).address() : out.address();
        final int grid = elementGrid(n);
        for (int j = 0; j < k; j++) {
            header(target, n, j > 0);
            args[Kernels.HEADER] = w[j].address();
            args[Kernels.HEADER + 1] = x[j].address();
            launch(context.kernels.dense[p], grid, Kernels.THREADS);
        }
        finishTarget(target, out);
    }

    private void header(long target, long n, boolean accumulate) {
        args[0] = target;
        args[1] = n;
        args[2] = accumulate ? 1 : 0;
    }

    private void finishTarget(long target, V out) {
        if (target != out.address()) {
            Cu.check(cuMemcpyDtoD(out.pointer, scratch, out.bytes()), "cuMemcpyDtoD");
        }
    }

    // ---- reductions ----

    @Override
    public synchronized double maxAbs(V x) {
        final int n = VectorArguments.output(this, x, "x", false);
        usable(x, "x");
        if (n == 0) {
            return 0;
        }
        enter();
        final int blocks = (int) Math.min(Math.min(ceilDiv(n, Kernels.REDUCE_THREADS),
            (long) context.multiprocessors * 4), 1024);
        final DevicePointer part = partials((long) blocks * Double.BYTES);
        final DevicePointer result = results(Double.BYTES);
        args[0] = part.address();
        args[1] = x.address();
        args[2] = n;
        launch(context.kernels.maxAbs[p], blocks, Kernels.REDUCE_THREADS);
        args[0] = result.address();
        args[1] = part.address();
        args[2] = blocks;
        launch(context.kernels.maxAbsFinal, 1, Kernels.REDUCE_THREADS);
        Cu.check(cuMemcpyDtoH(singlePointer, result, Double.BYTES), "cuMemcpyDtoH");
        return single[0];
    }

    @Override
    public synchronized double weightedRms(V x, V y, double atol, double rtol) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.tolerances(atol, rtol);
        usable(x, "x");
        usable(y, "y");
        return rms(x, y, null, atol, rtol, 0, n);
    }

    @Override
    public synchronized double weightedRms(V x, V y, V atol, double rtol) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.atolVector(this, atol, n, rtol);
        usable(x, "x");
        usable(y, "y");
        usable(atol, "atol");
        // A term with atol_i below this bound is NaN: atol_i >= 0, and atol_i > 0 if rtol = 0.
        final double bound = rtol > 0 ? 0 : Double.MIN_VALUE;
        final double norm = rms(x, y, atol, 0, rtol, bound, n);
        if (Double.isNaN(norm)) {
            final double[] values = new double[n];
            toArray(atol, values);
            VectorArguments.atolValues(values, rtol);
        }
        return norm;
    }

    /**
     * {@inheritDoc}
     *
     * <p>On the device: the RMS kernels with the reference vector (one sum per 1024-element block,
     * in the CPU's order), one thread per sample adding its block sums, then one block taking the
     * maximum over the samples; the call copies exactly one double to the host.
     */
    @Override
    public synchronized double maxSampleRms(V x, V y, double scale, V reference, double atol,
                                            double rtol, int samples) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.sampleRms(this, reference, n, scale, atol, rtol, samples);
        usable(x, "x");
        usable(y, "y");
        usable(reference, "reference");
        if (n == 0) {
            return 0;
        }
        enter();
        rmsNorms(x, y, null, reference, scale, atol, rtol, 0, n, samples);
        // The block sums are consumed: the partials buffer takes the maximum.
        args[0] = partials.address();
        args[1] = results.address();
        args[2] = samples;
        launch(context.kernels.maxAbsFinal, 1, Kernels.REDUCE_THREADS);
        Cu.check(cuMemcpyDtoH(singlePointer, partials, Double.BYTES), "cuMemcpyDtoH");
        return single[0];
    }

    /** The norm of one sample (0 for empty vectors); one double copied to the host. */
    private double rms(V x, V y, V atolVector, double atol, double rtol, double bound, int n) {
        if (n == 0) {
            return 0;
        }
        enter();
        rmsNorms(x, y, atolVector, null, 1, atol, rtol, bound, n, 1);
        Cu.check(cuMemcpyDtoH(singlePointer, results, Double.BYTES), "cuMemcpyDtoH");
        return single[0];
    }

    /**
     * Launches the norms of the {@code samples} blocks of length {@code n / samples >= 1} into the
     * {@code results} buffer, leaving them on the device: the weighted RMS norm, or with a
     * {@code reference} the terms of {@link #maxSampleRms}.
     */
    private void rmsNorms(V x, V y, V atolVector, V reference, double scale, double atol,
                          double rtol, double bound, int n, int samples) {
        final int sampleLength = n / samples;
        final long blocksPerSample = ceilDiv(sampleLength, Kernels.RMS_BLOCK);
        final long units = blocksPerSample * samples;
        final DevicePointer part = partials(units * Double.BYTES);
        final DevicePointer result = results((long) samples * Double.BYTES);
        args[0] = part.address();
        args[1] = x.address();
        args[2] = y.address();
        args[3] = atolVector == null ? 0 : atolVector.address();
        args[4] = sampleLength;
        args[5] = blocksPerSample;
        args[6] = units;
        args[7] = Double.doubleToRawLongBits(atol);
        args[8] = Double.doubleToRawLongBits(rtol);
        args[9] = Double.doubleToRawLongBits(bound);
        args[10] = reference == null ? 0 : reference.address();
        args[11] = Double.doubleToRawLongBits(scale);
        final long groups = ceilDiv(units, Kernels.RMS_ROWS);
        launch(context.kernels.rms[p], (int) Math.min(groups, maxBlocks()), Kernels.RMS_ROWS);
        args[0] = result.address();
        args[1] = part.address();
        args[2] = samples;
        args[3] = blocksPerSample;
        args[4] = sampleLength;
        launch(context.kernels.rmsFinal, (int) Math.min(ceilDiv(samples, Kernels.THREADS), maxBlocks()),
            Kernels.THREADS);
    }

    // ---- plumbing ----

    /**
     * Makes the context current on this thread and frees vectors released since the last call;
     * also the entry of the device models ({@link CudaGaussianMixtureModel}) that share this
     * backend's context and allocation registry.
     */
    void enter() {
        if (closed) {
            throw new IllegalStateException(name() + " backend is closed");
        }
        if (context == null) {
            throw new IllegalStateException(name() + " backend has no device");
        }
        context.makeCurrent();
        allocations.freeReleased();
    }

    /** Called by a vector's close(): frees its memory now, on the calling thread. */
    synchronized void freeReleased() {
        if (!closed && context != null) {
            context.makeCurrent();
            allocations.freeReleased();
        }
    }

    private void launch(CUfunction f, int grid, int block) {
        Cu.check(cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, null, params, null), "cuLaunchKernel");
    }

    /** @return the grid-stride kernels' largest grid: blocks per multiprocessor times their number */
    long maxBlocks() {
        return (long) context.multiprocessors * BLOCKS_PER_SM;
    }

    private int elementGrid(long work) {
        return (int) Math.max(1, Math.min(ceilDiv(work, Kernels.THREADS), maxBlocks()));
    }

    /**
     * @throws IllegalArgumentException if {@code v} is null or belongs to another backend
     * @throws IllegalStateException if it is closed
     */
    void usable(DeviceVector v, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (v.owner != this) {
            throw new IllegalArgumentException(name + " was allocated by "
                + (v.owner == null ? "no backend" : "another backend") + "; use vectors of this "
                + name() + " backend");
        }
        if (v.isClosed()) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    private void usableAll(String name, DeviceVector[] v, int k) {
        for (int j = 0; j < k; j++) {
            if (v[j].owner != this || v[j].isClosed()) {
                usable(v[j], name + "[" + j + "]");
            }
        }
    }

    private DevicePointer scratch(long bytes) {
        if (scratchBytes < bytes) {
            if (scratch != null) {
                allocations.free(scratch);
            }
            scratch = allocations.allocate(bytes, true, "scratch vector");
            scratchBytes = bytes;
        }
        return scratch;
    }

    private DevicePointer partials(long bytes) {
        if (partialsBytes < bytes) {
            if (partials != null) {
                allocations.free(partials);
            }
            partials = allocations.allocate(Math.max(bytes, 8192), true, "reduction buffer");
            partialsBytes = Math.max(bytes, 8192);
        }
        return partials;
    }

    private DevicePointer results(long bytes) {
        if (resultsBytes < bytes) {
            if (results != null) {
                allocations.free(results);
            }
            results = allocations.allocate(Math.max(bytes, 256), true, "result buffer");
            resultsBytes = Math.max(bytes, 256);
        }
        return results;
    }

    private float[] staging(int n) {
        if (staging.length < n) {
            staging = new float[n];
        }
        return staging;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public String toString() {
        return name() + " on " + device();
    }
}
