package org.expint4j.verification.bench;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;

/**
 * The fused weighted sums of the CPU backend next to the baselines they are judged by, on one
 * set of preallocated vectors: {@link System#arraycopy}, a plain single-pass copy loop, and the
 * unfused execution of the same sum (one pass per term, as an eager tensor library runs
 * {@code a0*x0 + a1*x1 + a2*x2}). Every operation reads and writes the vectors of this object only
 * and allocates nothing, so it can run in a timing loop, a JMH benchmark or an allocation check.
 *
 * <p>Effective bandwidth counts the bytes an operation must move: \(K\) vectors read and one
 * written for a scalar-weighted sum ({@link #fusedBytes(int)}), \(2K + 1\) vectors for per-element
 * weights, two for a copy. Write-allocate traffic (the read of the destination's cache lines
 * before they are written) is not counted, for the copies and the sums alike.
 */
public final class FusedSums implements AutoCloseable {

    /** Storage precision of the vectors. */
    public enum Precision {
        /** {@code double[]}, 8 bytes per element. */
        DOUBLE(8),
        /** {@code float[]}, 4 bytes per element. */
        FLOAT(4);

        private final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        /** @return bytes per element */
        public int bytes() {
            return bytes;
        }
    }

    private final Precision precision;
    private final int n;
    private final int k;
    private final int threads;
    private final DoubleVectorOps dops;
    private final FloatVectorOps fops;
    private final double[] a;
    private final double[][] dx;
    private final double[][] dw;
    private final double[] dout;
    /** Temporaries of the eager evaluation, allocated on its first use (3 vectors). */
    private double[][] dtmp;
    private final float[][] fx;
    private final float[][] fw;
    private final float[] fout;
    private float[][] ftmp;
    // Scratch argument arrays of the unfused passes, preallocated.
    private final double[] one = new double[1];
    private final double[] two = new double[2];
    private final double[][] dsingle = new double[1][];
    private final double[][] dpair = new double[2][];
    private final float[][] fsingle = new float[1][];
    private final float[][] fpair = new float[2][];
    private final ForkJoinPool copyPool;

    /**
     * @param precision the storage precision
     * @param n vector length
     * @param k the largest number of terms the sums will use, 1 to 8
     * @param diagonal whether to allocate per-element weights too
     * @param threads threads of the backend (1: single-thread); the parallel backend uses the
     *     given number of threads above {@code parallelThreshold} elements
     * @param parallelThreshold the backend's threshold for multi-threaded execution
     */
    public FusedSums(Precision precision, int n, int k, boolean diagonal, int threads,
                     int parallelThreshold) {
        if (k < 1 || k > 8) {
            throw new IllegalArgumentException("k = " + k + ", must be in [1, 8]");
        }
        this.precision = precision;
        this.n = n;
        this.k = k;
        this.threads = threads;
        final SplittableRandom rnd = new SplittableRandom(42);
        a = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = 0.5 + rnd.nextDouble();
        }
        if (precision == Precision.DOUBLE) {
            dops = threads > 1 ? new DoubleVectorOps(threads, parallelThreshold) : DoubleVectorOps.serial();
            fops = null;
            dx = new double[k][];
            for (int j = 0; j < k; j++) {
                dx[j] = randomDouble(rnd, n);
            }
            dw = diagonal ? new double[k][] : null;
            if (diagonal) {
                for (int j = 0; j < k; j++) {
                    dw[j] = randomDouble(rnd, n);
                }
            }
            dout = new double[n];
            fx = null;
            fw = null;
            fout = null;
        } else {
            fops = threads > 1 ? new FloatVectorOps(threads, parallelThreshold) : FloatVectorOps.serial();
            dops = null;
            fx = new float[k][];
            for (int j = 0; j < k; j++) {
                fx[j] = randomFloat(rnd, n);
            }
            fw = diagonal ? new float[k][] : null;
            if (diagonal) {
                for (int j = 0; j < k; j++) {
                    fw[j] = randomFloat(rnd, n);
                }
            }
            fout = new float[n];
            dx = null;
            dw = null;
            dout = null;
        }
        copyPool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    private static double[] randomDouble(SplittableRandom rnd, int n) {
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() - 0.5;
        }
        return v;
    }

    private static float[] randomFloat(SplittableRandom rnd, int n) {
        final float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return v;
    }

    /** @return the vector length */
    public int n() {
        return n;
    }

    /** @return the number of terms */
    public int k() {
        return k;
    }

    /** @return the precision */
    public Precision precision() {
        return precision;
    }

    /** @return the backend's thread count */
    public int threads() {
        return threads;
    }

    /**
     * @param terms number of terms \(K\)
     * @return bytes a scalar-weighted sum moves: \((K+1) n b\)
     */
    public long fusedBytes(int terms) {
        return (long) (terms + 1) * n * precision.bytes();
    }

    /**
     * @param terms number of terms \(K\)
     * @return bytes a per-element-weighted sum moves: \((2K+1) n b\)
     */
    public long diagonalBytes(int terms) {
        return (long) (2 * terms + 1) * n * precision.bytes();
    }

    /** @return bytes a copy moves: \(2 n b\) */
    public long copyBytes() {
        return 2L * n * precision.bytes();
    }

    /** The fused sum of all {@link #k()} terms. */
    public void fused() {
        fused(k);
    }

    /**
     * The fused sum \( \mathrm{out} = \sum_{j&lt;K} a_j x_j \) of the backend.
     *
     * @param k number of terms, at most {@link #k()}
     */
    public void fused(int k) {
        if (dops != null) {
            dops.linearCombination(a, dx, k, dout);
        } else {
            fops.linearCombination(a, fx, k, fout);
        }
    }

    /**
     * The fused sum with per-element weights \( \mathrm{out} = \sum_{j&lt;K} w_j \odot x_j \).
     *
     * @param k number of terms, at most {@link #k()}
     */
    public void fusedDiagonal(int k) {
        if (dops != null) {
            dops.diagonalCombination(dw, dx, k, dout);
        } else {
            fops.diagonalCombination(fw, fx, k, fout);
        }
    }

    /**
     * The same sum as {@link #fused()} executed as a tensor library with in-place operations
     * does: {@code out = a0*x0; out += a1*x1; ...}, one pass per term, each pass a call of the
     * same backend (so multi-threaded alike). Same bits as the fused sum: {@code 1*out} is exact.
     *
     * @param k number of terms, at most {@link #k()}
     */
    public void unfusedInPlace(int k) {
        if (dops != null) {
            one[0] = a[0];
            dsingle[0] = dx[0];
            dops.linearCombination(one, dsingle, 1, dout);
            two[0] = 1;
            dpair[0] = dout;
            for (int j = 1; j < k; j++) {
                two[1] = a[j];
                dpair[1] = dx[j];
                dops.linearCombination(two, dpair, 2, dout);
            }
        } else {
            one[0] = a[0];
            fsingle[0] = fx[0];
            fops.linearCombination(one, fsingle, 1, fout);
            two[0] = 1;
            fpair[0] = fout;
            for (int j = 1; j < k; j++) {
                two[1] = a[j];
                fpair[1] = fx[j];
                fops.linearCombination(two, fpair, 2, fout);
            }
        }
    }

    /**
     * The same sum evaluated eagerly with temporaries, as {@code a0*x0 + a1*x1 + a2*x2} runs in
     * an eager tensor library: {@code t = a0*x0; s = a1*x1; t = t + s; s = a2*x2; out = t + s}
     * (three temporaries, allocated on the first call and reused, as a caching allocator would
     * hand them out). Same bits as the fused sum.
     *
     * @param k number of terms, at most {@link #k()}
     */
    public void unfusedEager(int k) {
        if (k == 1) {
            fused(1);
            return;
        }
        if (dops != null) {
            if (dtmp == null) {
                dtmp = new double[3][n];
            }
            double[] acc = dtmp[0];
            scaleD(a[0], dx[0], acc);
            for (int j = 1; j < k; j++) {
                final double[] term = dtmp[1];
                scaleD(a[j], dx[j], term);
                final double[] sum = j == k - 1 ? dout : (acc == dtmp[0] ? dtmp[2] : dtmp[0]);
                addD(acc, term, sum);
                acc = sum;
            }
        } else {
            if (ftmp == null) {
                ftmp = new float[3][n];
            }
            float[] acc = ftmp[0];
            scaleF(a[0], fx[0], acc);
            for (int j = 1; j < k; j++) {
                final float[] term = ftmp[1];
                scaleF(a[j], fx[j], term);
                final float[] sum = j == k - 1 ? fout : (acc == ftmp[0] ? ftmp[2] : ftmp[0]);
                addF(acc, term, sum);
                acc = sum;
            }
        }
    }

    private void scaleD(double c, double[] x, double[] out) {
        one[0] = c;
        dsingle[0] = x;
        dops.linearCombination(one, dsingle, 1, out);
    }

    private void addD(double[] x, double[] y, double[] out) {
        two[0] = 1;
        two[1] = 1;
        dpair[0] = x;
        dpair[1] = y;
        dops.linearCombination(two, dpair, 2, out);
    }

    private void scaleF(double c, float[] x, float[] out) {
        one[0] = c;
        fsingle[0] = x;
        fops.linearCombination(one, fsingle, 1, out);
    }

    private void addF(float[] x, float[] y, float[] out) {
        two[0] = 1;
        two[1] = 1;
        fpair[0] = x;
        fpair[1] = y;
        fops.linearCombination(two, fpair, 2, out);
    }

    /** {@code System.arraycopy(x0, out)}; split over the threads for a multi-threaded instance. */
    public void arraycopy() {
        if (copyPool != null) {
            copyPool.invoke(new ParallelCopy(this, 0, n, false));
        } else if (dout != null) {
            System.arraycopy(dx[0], 0, dout, 0, n);
        } else {
            System.arraycopy(fx[0], 0, fout, 0, n);
        }
    }

    /** A plain copy loop {@code out[i] = x0[i]}; split over the threads likewise. */
    public void copyLoop() {
        if (copyPool != null) {
            copyPool.invoke(new ParallelCopy(this, 0, n, true));
        } else {
            copyLoopRange(0, n);
        }
    }

    void copyRange(int from, int to, boolean loop) {
        if (loop) {
            copyLoopRange(from, to);
        } else if (dout != null) {
            System.arraycopy(dx[0], from, dout, from, to - from);
        } else {
            System.arraycopy(fx[0], from, fout, from, to - from);
        }
    }

    private void copyLoopRange(int from, int to) {
        if (dout != null) {
            copyLoopDouble(dx[0], dout, from, to);
        } else {
            copyLoopFloat(fx[0], fout, from, to);
        }
    }

    static void copyLoopDouble(double[] src, double[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = src[i];
        }
    }

    static void copyLoopFloat(float[] src, float[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = src[i];
        }
    }

    /** @return one element of the output, so that a benchmark can consume the result */
    public double probe() {
        return dout != null ? dout[n / 2] : fout[n / 2];
    }

    @Override
    public void close() {
        if (dops != null) {
            dops.close();
        }
        if (fops != null) {
            fops.close();
        }
        if (copyPool != null) {
            copyPool.shutdown();
        }
    }

    /** Copies halves recursively down to chunks of about n / (4 threads). */
    private static final class ParallelCopy extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient FusedSums owner;
        private final int from;
        private final int to;
        private final boolean loop;

        ParallelCopy(FusedSums owner, int from, int to, boolean loop) {
            this.owner = owner;
            this.from = from;
            this.to = to;
            this.loop = loop;
        }

        @Override
        protected void compute() {
            final int grain = Math.max(1 << 14, owner.n / (4 * owner.threads));
            if (to - from <= grain) {
                owner.copyRange(from, to, loop);
                return;
            }
            final int mid = (from + to) >>> 1 & ~15;
            invokeAll(new ParallelCopy(owner, from, mid, loop), new ParallelCopy(owner, mid, to, loop));
        }
    }
}
