package org.expint4j.vector;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the CPU backends share: argument validation, the split of work into chunks, the
 * multi-threaded execution and the fixed combination order of reductions. Subclasses supply the
 * tight loops for one primitive type.
 *
 * <p><b>Work descriptor.</b> Every operation stores its arguments in a {@link Work} object and
 * runs {@link Work#run(int)} on the ranges \([c\,\ell, (c+1)\,\ell)\) of elements, matrix rows or
 * reduction blocks. A call takes the instance's cached descriptor with an atomic swap and puts it
 * back when done, so calls one after the other allocate nothing. A call that overlaps another (the
 * instance is shared by threads) finds the cache empty and makes its own descriptor; if the pool is
 * busy with the other call it runs its chunks on the calling thread. Nothing is shared between
 * overlapping calls but the read-only configuration, and the chunks and their result slots do not
 * depend on which thread runs them, so every call gives the bits of a lone call.
 *
 * <p><b>Reductions.</b> Sums are computed per block of {@link #BLOCK} consecutive elements
 * (aligned to the start of each sample), each block summed left to right from \(0\), and the
 * block sums added left to right from \(0\). Block size and order do not depend on the number of
 * threads, so every thread count, the single-thread path included, gives the same bits.
 *
 * @param <V> the primitive array type
 */
abstract class CpuVectorOps<V> implements VectorOps<V> {

    /**
     * Default minimum length for multi-threaded execution, \(2^{19}\) elements (4 MiB of doubles
     * per vector). Measured with the quick runner's THRESHOLD section on a shared 2-core AMD EPYC
     * VM (JDK 17): two threads lose to one up to \(2^{18}\) doubles (0.6× at \(2^{16}\), where
     * waking a worker and joining it costs several to tens of µs on a busy machine) and win 2×
     * from \(2^{19}\) on, once the vectors no longer fit a core's 1 MiB L2 cache. Floats break
     * even at \(2^{19}\) and win from \(2^{20}\). See docs/performance.md.
     */
    static final int DEFAULT_THRESHOLD = 1 << 19;
    /** Largest parallelism accepted, for both subclasses; see DoubleVectorOps.MAX_PARALLELISM. */
    static final int MAX_PARALLELISM = 1024;
    /** Elements per reduction block; part of the result's definition, do not tie to threads. */
    static final int BLOCK = 1 << 10;
    /** Element chunks start at multiples of this: whole cache lines, even for complex data. */
    private static final int ALIGN = 16;
    /** Chunks per thread, so that a thread delayed by the OS holds up only a small share. */
    private static final int CHUNKS_PER_THREAD = 4;
    /**
     * Terms fused in one pass; larger sums run in passes over tiles that stay in cache. Measured
     * on JDK 17: C2 stops vectorising near nine arrays per loop, so diagonal sums (two arrays per
     * term) take at most three terms per pass, scalar-weighted ones four.
     */
    private static final int GROUP = 4;
    private static final int DIAGONAL_GROUP = 3;
    /** Elements per tile when a sum takes more than one pass. */
    private static final int TILE = 512;

    private static final int OP_LINEAR = 0;
    private static final int OP_DIAGONAL = 1;
    private static final int OP_COMPLEX = 2;
    private static final int OP_DENSE = 3;
    private static final int OP_MAX_ABS = 4;
    private static final int OP_RMS = 5;
    private static final int OP_RMS_ATOL_VECTOR = 6;
    private static final int OP_SAMPLE_RMS = 7;
    private static final int OP_DOT = 8;

    private final int parallelism;
    private final int threshold;
    /** Null for a single-thread instance. */
    private final WorkerPool pool;
    private final Cleaner.Cleanable cleanable;
    /** The descriptor of the last finished call, with its grown buffers; empty while in use. */
    private final AtomicReference<Work> idle = new AtomicReference<>();

    /**
     * @param parallelism number of threads, {@code 1..MAX_PARALLELISM}; 1 creates no threads
     * @param threshold minimum length for multi-threaded execution, {@code >= 1}
     */
    CpuVectorOps(int parallelism, int threshold) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism = " + parallelism + ", must be in 1..MAX_PARALLELISM = "
                + MAX_PARALLELISM);
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold = " + threshold + ", must be >= 1");
        }
        this.parallelism = parallelism;
        this.threshold = threshold;
        if (parallelism > 1) {
            pool = new WorkerPool(parallelism);
            // The action references the pool only, so this object can become unreachable.
            cleanable = CleanerHolder.CLEANER.register(this, pool::shutdown);
        } else {
            pool = null;
            cleanable = null;
        }
        idle.set(new Work());
    }

    /** @return {@link Runtime#availableProcessors()}, at most {@link #MAX_PARALLELISM} */
    static int defaultParallelism() {
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_PARALLELISM);
    }

    /** @return the number of threads (the calling thread included) that share large operations */
    public int parallelism() {
        return parallelism;
    }

    /**
     * @return the minimum number of elements (multiply-adds for the dense combination) of an
     *     operation that is split across threads
     */
    public int parallelThreshold() {
        return threshold;
    }

    /**
     * Stops the worker threads now instead of when this object is garbage collected. Later calls
     * still work, on the calling thread only, with bit-identical results. Idempotent.
     */
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }

    // ---- kernels supplied by the subclass; ranges are [from, to) and already validated ----

    /**
     * {@code dst[i] = a[j0]*x[j0][i] + ... + a[j0+count-1]*x[j0+count-1][i]}, or, if
     * {@code accumulate}, {@code dst[i] + a[j0]*x[j0][i] + ...}; left to right, {@code count <= 4}.
     */
    abstract void scaledTerms(double[] a, V[] x, int j0, int count, V dst, boolean accumulate,
                              int from, int to);

    /**
     * As {@link #scaledTerms}, and returns {@code max(0, |dst_from|, ...)} of the values written
     * ({@code Math.max} NaN semantics); {@code dst} gets the same bits.
     */
    abstract double scaledTermsMax(double[] a, V[] x, int j0, int count, V dst, boolean accumulate,
                                   int from, int to);

    /** As {@link #diagonalTerms}, returning the maximum as above. */
    abstract double diagonalTermsMax(V[] w, V[] x, int j0, int count, V dst, boolean accumulate,
                                     int from, int to);

    /** As {@link #scaledTerms} with per-element weights {@code w[j][i]}, {@code count <= 3}. */
    abstract void diagonalTerms(V[] w, V[] x, int j0, int count, V dst, boolean accumulate,
                                int from, int to);

    /**
     * As {@link #diagonalTerms} on interleaved complex data, {@code count <= 4}; {@code from} and
     * {@code to} are even.
     */
    abstract void complexTerms(V[] w, V[] x, int j0, int count, V dst, boolean accumulate,
                               int from, int to);

    /** Rows {@code [rowFrom, rowTo)} of {@code out = sum_j W_j x_j}, {@code n >= 1}. */
    abstract void denseRows(V[] w, V[] x, int k, V out, int n, int rowFrom, int rowTo);

    /** @return {@code max(0, |x_from|, ..., |x_{to-1}|)} with {@code Math.max} NaN semantics */
    abstract double maxAbsRange(V x, int from, int to);

    /** @return the sum, left to right from 0, of the squared scaled errors, scalar atol */
    abstract double squaresRange(V x, V y, double atol, double rtol, int from, int to);

    /**
     * As the scalar-atol variant; a term whose {@code atol_i < minAtol} (or NaN) becomes NaN, so
     * that invalid tolerances are detected without a second pass.
     */
    abstract double squaresRange(V x, V y, V atol, double rtol, double minAtol, int from, int to);

    /**
     * The squared terms of {@link VectorOps#maxSampleRms} summed left to right from 0: NaN if an
     * element of {@code scale*x}, {@code scale*y} or {@code r} in the range is not finite, else
     * the sum, with a NaN sum (only from an infinite difference over an infinite scale) as
     * {@code +Infinity}.
     */
    abstract double sampleSquaresRange(V x, V y, double scale, V r, double atol, double rtol,
                                       int from, int to);

    /** @return element {@code i} of {@code v} as a double; for error messages only */
    /** {@code sum x[i]*y[i]} over the range, in double, left to right from 0. */
    abstract double dotRange(V x, V y, int from, int to);

    abstract double element(V v, int i);

    // ---- element-wise combinations ----

    @Override
    public void linearCombination(double[] a, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "a", a == null ? -1 : a.length, x);
        VectorArguments.vectors(this, "x", x, k, n);
        elementwise(OP_LINEAR, a, null, x, k, out, n, false);
    }

    @Override
    public double linearCombinationMaxAbs(double[] a, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "a", a == null ? -1 : a.length, x);
        VectorArguments.vectors(this, "x", x, k, n);
        return elementwise(OP_LINEAR, a, null, x, k, out, n, true);
    }

    @Override
    public void diagonalCombination(V[] w, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "w", w, k, n);
        VectorArguments.vectors(this, "x", x, k, n);
        elementwise(OP_DIAGONAL, null, w, x, k, out, n, false);
    }

    @Override
    public double diagonalCombinationMaxAbs(V[] w, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "w", w, k, n);
        VectorArguments.vectors(this, "x", x, k, n);
        return elementwise(OP_DIAGONAL, null, w, x, k, out, n, true);
    }

    @Override
    public void complexDiagonalCombination(V[] w, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", true);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "w", w, k, n);
        VectorArguments.vectors(this, "x", x, k, n);
        elementwise(OP_COMPLEX, null, w, x, k, out, n, false);
    }

    /** @return {@code max |out_i|} if {@code max}, else 0 */
    private double elementwise(int operation, double[] a, V[] w, V[] x, int k, V out, int n,
                               boolean max) {
        final Work d = acquire();
        try {
            d.op = operation;
            d.withMax = max;
            d.coeffs = a;
            d.weights = w;
            d.vectors = x;
            d.terms = k;
            d.group = operation == OP_DIAGONAL ? DIAGONAL_GROUP : GROUP;
            d.result = out;
            d.target = k > d.group && d.aliasesLateTerm(w, x, k, out) ? d.scratch(n) : out;
            if (!isParallel(n)) {
                return d.combineRange(0, n);
            }
            int per = ceilDiv(n, parallelism * CHUNKS_PER_THREAD);
            per = ceilDiv(per, ALIGN) * ALIGN;
            final int chunks = ceilDiv(n, per);
            if (max) {
                d.ensurePartials(chunks);
            }
            runParallel(d, per, n);
            double m = 0;
            if (max) {
                // Max is exact and order-free: any split gives the single-pass value.
                for (int c = 0; c < chunks; c++) {
                    m = Math.max(m, d.partials[c]);
                }
            }
            return m;
        } finally {
            release(d);
        }
    }

    // ---- dense combination ----

    @Override
    public void denseCombination(V[] w, V[] x, int k, V out) {
        final int n = VectorArguments.output(this, out, "out", false);
        VectorArguments.terms(k, "w", w == null ? -1 : w.length, x);
        VectorArguments.vectors(this, "x", x, k, n);
        VectorArguments.dense(this, w, x, k, out, n);
        final long n2 = (long) n * n;
        if (n == 0) {
            return;
        }
        if (!isParallel(n2 * k) || n < 2) {
            denseRows(w, x, k, out, n, 0, n);
            return;
        }
        final Work d = acquire();
        try {
            d.op = OP_DENSE;
            d.weights = w;
            d.vectors = x;
            d.terms = k;
            d.result = out;
            d.size = n;
            runParallel(d, ceilDiv(n, parallelism * CHUNKS_PER_THREAD), n);
        } finally {
            release(d);
        }
    }

    // ---- reductions ----

    @Override
    public double maxAbs(V x) {
        final int n = VectorArguments.output(this, x, "x", false);
        final int blocks = ceilDiv(n, BLOCK);
        if (!isParallel(n) || blocks < 2) {
            // Max is exact and order-free, so one pass equals the blocked combination.
            return maxAbsRange(x, 0, n);
        }
        final Work d = acquire();
        try {
            d.op = OP_MAX_ABS;
            d.first = x;
            d.size = n;
            d.ensurePartials(blocks);
            runParallel(d, ceilDiv(blocks, parallelism * CHUNKS_PER_THREAD), blocks);
            double m = 0;
            for (int b = 0; b < blocks; b++) {
                m = Math.max(m, d.partials[b]);
            }
            return m;
        } finally {
            release(d);
        }
    }

    @Override
    public double dot(V x, V y) {
        final int n = VectorArguments.pair(this, x, y);
        final int blocks = ceilDiv(n, BLOCK);
        if (!isParallel(n) || blocks < 2) {
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                final int start = b * BLOCK;
                total += dotRange(x, y, start, start + Math.min(BLOCK, n - start));
            }
            return total;
        }
        final Work d = acquire();
        try {
            d.op = OP_DOT;
            d.first = x;
            d.second = y;
            d.size = n;
            d.ensurePartials(blocks);
            runParallel(d, ceilDiv(blocks, parallelism * CHUNKS_PER_THREAD), blocks);
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                total += d.partials[b];
            }
            return total;
        } finally {
            release(d);
        }
    }

    @Override
    public double weightedRms(V x, V y, double atol, double rtol) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.tolerances(atol, rtol);
        return rms(OP_RMS, x, y, null, atol, rtol, 0, n);
    }

    @Override
    public double weightedRms(V x, V y, V atol, double rtol) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.atolVector(this, atol, n, rtol);
        // A term with atol_i below this bound is NaN: atol_i >= 0, and atol_i > 0 if rtol = 0.
        final double bound = rtol > 0 ? 0 : Double.MIN_VALUE;
        final double norm = rms(OP_RMS_ATOL_VECTOR, x, y, atol, 0, rtol, bound, n);
        if (Double.isNaN(norm)) {
            checkAtolVector(atol, rtol, n);
        }
        return norm;
    }

    @Override
    public double maxSampleRms(V x, V y, double scale, V reference, double atol, double rtol,
                               int samples) {
        final int n = VectorArguments.pair(this, x, y);
        VectorArguments.sampleRms(this, reference, n, scale, atol, rtol, samples);
        if (n == 0) {
            return 0;
        }
        final Work d = acquire();
        try {
            d.reference = reference;
            d.scale = scale;
            d.norms = d.sampleNorms(samples);
            rms(d, OP_SAMPLE_RMS, x, y, null, atol, rtol, 0, n, samples);
            // Math.max from 0, as the reference loop: NaN propagates.
            double m = 0;
            for (int s = 0; s < samples; s++) {
                m = Math.max(m, d.norms[s]);
            }
            return m;
        } finally {
            release(d);
        }
    }

    /** The norm of a single sample, in the descriptor's slot. */
    private double rms(int operation, V x, V y, V atolVec, double at, double rt, double bound,
                       int n) {
        final Work d = acquire();
        try {
            d.norms = d.single;
            rms(d, operation, x, y, atolVec, at, rt, bound, n, 1);
            return d.norms[0];
        } finally {
            release(d);
        }
    }

    /** Norms of the {@code samples} blocks of length {@code n / samples} into {@code d.norms}. */
    private void rms(Work d, int operation, V x, V y, V atolVec, double at, double rt,
                     double bound, int n, int samples) {
        d.op = operation;
        d.first = x;
        d.second = y;
        d.atolVector = atolVec;
        d.atol = at;
        d.rtol = rt;
        d.minAtol = bound;
        d.sampleLength = n / samples;
        d.blocksPerSample = ceilDiv(d.sampleLength, BLOCK);
        final int units = samples * d.blocksPerSample;
        if (isParallel(n) && units >= 2) {
            if (d.blocksPerSample > 1) {
                d.ensurePartials(units);
            }
            runParallel(d, ceilDiv(units, parallelism * CHUNKS_PER_THREAD), units);
            if (d.blocksPerSample > 1) {
                for (int s = 0, u = 0; s < samples; s++) {
                    double sum = 0;
                    for (int b = 0; b < d.blocksPerSample; b++, u++) {
                        sum += d.partials[u];
                    }
                    d.norms[s] = finish(sum, d.sampleLength);
                }
            }
        } else {
            for (int s = 0, u = 0; s < samples; s++) {
                double sum = 0;
                for (int b = 0; b < d.blocksPerSample; b++, u++) {
                    sum += d.blockSquares(u);
                }
                d.norms[s] = finish(sum, d.sampleLength);
            }
        }
    }

    private static double finish(double sum, int n) {
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    // ---- descriptors and multi-threaded execution ----

    /** @return the cached descriptor, or a new one if an overlapping call holds it */
    private Work acquire() {
        final Work d = idle.getAndSet(null);
        return d != null ? d : new Work();
    }

    /** Clears the call's references and caches the descriptor unless another is cached already. */
    private void release(Work d) {
        d.clear();
        idle.compareAndSet(null, d);
    }

    private boolean isParallel(long work) {
        return pool != null && work >= threshold && !pool.isShutdown();
    }

    /**
     * Runs the chunks of {@code d} over {@code [0, total)}, {@code per} items each, on the pool, or
     * on the calling thread alone if the pool serves an overlapping call or was shut down
     * meanwhile: each chunk has a fixed range and result slot, so the bits are the same.
     */
    private void runParallel(Work d, int per, int total) {
        d.chunkLength = per;
        d.span = total;
        final int chunks = ceilDiv(total, per);
        if (!pool.tryInvoke(d, chunks)) {
            for (int c = 0; c < chunks; c++) {
                d.run(c);
            }
        }
    }

    /**
     * The arguments of one call, read by {@link #run(int)} on any thread of the pool, and the
     * buffers that let calls one after the other allocate nothing.
     */
    private final class Work implements WorkerPool.Task {

        /** Result slot of the single-sample reductions. */
        final double[] single = new double[1];
        /** Block sums of a multi-threaded reduction; grows, never shrinks. */
        double[] partials = new double[0];
        /** Per-sample norms of {@link VectorOps#maxSampleRms}; grows, never shrinks. */
        double[] sampleNorms = new double[0];
        /** Tile accumulator for sums whose output aliases a late input; grows, never shrinks. */
        V scratch;

        int op;
        double[] coeffs;
        V[] weights;
        V[] vectors;
        int terms;
        int group;
        boolean withMax;
        V result;
        V target;
        V first;
        V second;
        V atolVector;
        V reference;
        double scale;
        double atol;
        double rtol;
        double minAtol;
        double[] norms;
        int size;
        int sampleLength;
        int blocksPerSample;
        int chunkLength;
        int span;

        @Override
        public void run(int chunk) {
            final int from = (int) Math.min((long) chunk * chunkLength, span);
            final int to = (int) Math.min((long) from + chunkLength, span);
            switch (op) {
                case OP_DENSE:
                    denseRows(weights, vectors, terms, result, size, from, to);
                    break;
                case OP_MAX_ABS:
                    for (int b = from; b < to; b++) {
                        final int start = b * BLOCK;
                        partials[b] = maxAbsRange(first, start, start + Math.min(BLOCK, size - start));
                    }
                    break;
                case OP_DOT:
                    for (int b = from; b < to; b++) {
                        final int start = b * BLOCK;
                        partials[b] = dotRange(first, second, start, start + Math.min(BLOCK, size - start));
                    }
                    break;
                case OP_RMS:
                case OP_RMS_ATOL_VECTOR:
                case OP_SAMPLE_RMS:
                    for (int u = from; u < to; u++) {
                        if (blocksPerSample == 1) {
                            // Same as the serial 0 + blockSquares(u): the sum is never -0.
                            norms[u] = finish(0 + blockSquares(u), sampleLength);
                        } else {
                            partials[u] = blockSquares(u);
                        }
                    }
                    break;
                default:
                    final double m = combineRange(from, to);
                    if (withMax) {
                        partials[chunk] = m;
                    }
                    break;
            }
        }

        /**
         * Sums of several passes accumulate in {@code target}; terms after the first pass are read
         * after it was written, so {@code out} must not be one of them.
         */
        boolean aliasesLateTerm(V[] w, V[] x, int k, V out) {
            for (int j = group; j < k; j++) {
                if (x[j] == out || w != null && w[j] == out) {
                    return true;
                }
            }
            return false;
        }

        V scratch(int n) {
            if (scratch == null || length(scratch) < n) {
                scratch = allocate(n);
            }
            return scratch;
        }

        void ensurePartials(int units) {
            if (partials.length < units) {
                partials = new double[units];
            }
        }

        double[] sampleNorms(int samples) {
            if (sampleNorms.length < samples) {
                sampleNorms = new double[samples];
            }
            return sampleNorms;
        }

        /** @return {@code max |result_i|} over the range if {@link #withMax}, else 0 */
        double combineRange(int from, int to) {
            if (terms <= group) {
                if (withMax) {
                    return termsMax(0, terms, result, false, from, to);
                }
                terms(0, terms, result, false, from, to);
                return 0;
            }
            final V dst = target;
            // The last pass of each tile computes the maximum, unless the tile is copied afterwards.
            final boolean maxInPass = withMax && dst == result;
            final int last = (terms - 1) / group * group;
            double m = 0;
            for (int s = from; s < to; s += TILE) {
                final int e = Math.min(to, s + TILE);
                terms(0, group, dst, false, s, e);
                for (int j = group; j < terms; j += group) {
                    if (maxInPass && j == last) {
                        m = Math.max(m, termsMax(j, terms - j, dst, true, s, e));
                    } else {
                        terms(j, Math.min(group, terms - j), dst, true, s, e);
                    }
                }
                if (dst != result) {
                    System.arraycopy(dst, s, result, s, e - s);
                    if (withMax) {
                        // The tile was just written: this read hits the L1 cache.
                        m = Math.max(m, maxAbsRange(result, s, e));
                    }
                }
            }
            return m;
        }

        /** Terms {@code j0..j0+count-1} in one pass, returning the maximum of what it writes. */
        private double termsMax(int j0, int count, V dst, boolean accumulate, int from, int to) {
            switch (op) {
                case OP_LINEAR:
                    return scaledTermsMax(coeffs, vectors, j0, count, dst, accumulate, from, to);
                case OP_DIAGONAL:
                    return diagonalTermsMax(weights, vectors, j0, count, dst, accumulate, from, to);
                default:
                    terms(j0, count, dst, accumulate, from, to);
                    return maxAbsRange(dst, from, to);
            }
        }

        private void terms(int j0, int count, V dst, boolean accumulate, int from, int to) {
            switch (op) {
                case OP_LINEAR:
                    scaledTerms(coeffs, vectors, j0, count, dst, accumulate, from, to);
                    break;
                case OP_DIAGONAL:
                    diagonalTerms(weights, vectors, j0, count, dst, accumulate, from, to);
                    break;
                default:
                    complexTerms(weights, vectors, j0, count, dst, accumulate, from, to);
                    break;
            }
        }

        /** Sum of squared scaled errors of reduction unit {@code u} (block of a sample). */
        double blockSquares(int u) {
            final int s = u / blocksPerSample;
            final int end = (s + 1) * sampleLength;
            final int from = s * sampleLength + (u - s * blocksPerSample) * BLOCK;
            final int to = from + Math.min(BLOCK, end - from);
            switch (op) {
                case OP_RMS:
                    return squaresRange(first, second, atol, rtol, from, to);
                case OP_RMS_ATOL_VECTOR:
                    return squaresRange(first, second, atolVector, rtol, minAtol, from, to);
                default:
                    return sampleSquaresRange(first, second, scale, reference, atol, rtol, from, to);
            }
        }

        /** Lets the caller's arrays be collected; the descriptor outlives the call. */
        void clear() {
            coeffs = null;
            weights = null;
            vectors = null;
            result = null;
            target = null;
            first = null;
            second = null;
            atolVector = null;
            reference = null;
            norms = null;
        }
    }

    // ---- validation ----

    /** Error path of the per-component norm: names the first invalid tolerance, if any. */
    private void checkAtolVector(V atolVec, double rt, int n) {
        for (int i = 0; i < n; i++) {
            final double a = element(atolVec, i);
            if (!(a >= 0)) {
                throw new IllegalArgumentException("atol[" + i + "] = " + a + ", must be >= 0");
            }
            if (a + rt == 0) {
                throw new IllegalArgumentException("atol[" + i + "] + rtol = 0 (atol[" + i
                    + "] = " + a + ", rtol = " + rt + "), must be > 0");
            }
        }
    }

    static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    /** Lazily created, so that single-thread use starts no cleaner thread. */
    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
