package org.expint4j.vector;

import java.util.Arrays;

/**
 * The CPU vector backend in double precision: vectors are {@code double[]}.
 *
 * <p>Each fused sum evaluates, for every element, \( a_0 x_{0,i} + a_1 x_{1,i} + \dots \) strictly
 * left to right with separate IEEE 754 multiplications and additions (no fused multiply-add), so
 * results do not depend on the hardware, the JIT compiler or the number of threads; see the
 * {@linkplain org.expint4j.vector package documentation} for the exact order of every operation.
 *
 * <p>Vectors of at least {@link #parallelThreshold()} elements are split into contiguous chunks
 * run by a fixed pool of {@link #parallelism()} threads (the calling thread included); results
 * are bit-identical to the single-thread path.
 *
 * <p><b>Thread-safety.</b> An instance may be shared: concurrent calls from several threads are
 * safe, and each gives the bits of the same call made alone. Calls one after the other reuse one
 * work descriptor and allocate nothing; a call that overlaps another makes its own descriptor
 * (and, for reductions and long aliased sums, its buffers), and if the worker threads are busy
 * with the other call it runs on the calling thread alone. For throughput, give each thread its
 * own instance ({@link #serial()} instances are cheap).
 */
public final class DoubleVectorOps extends CpuVectorOps<double[]> {

    /**
     * Default minimum length for multi-threaded execution, \(2^{19}\) elements: below it, on the
     * machines measured, handing half of a fused sum to another thread costs more than it saves
     * (docs/performance.md, "Multi-threading threshold").
     */
    public static final int DEFAULT_PARALLEL_THRESHOLD = DEFAULT_THRESHOLD;

    /**
     * The largest parallelism accepted, {@value}, by both CPU backends: more than the hardware
     * threads of current machines, beyond which more threads only add overhead, and far below
     * where starting them exhausts memory or the operating system's thread limit. A fixed number,
     * so that a configuration valid on one machine is valid on every other.
     */
    public static final int MAX_PARALLELISM = CpuVectorOps.MAX_PARALLELISM;

    /**
     * Uses {@link Runtime#availableProcessors()} threads (at most {@link #MAX_PARALLELISM}) above
     * {@link #DEFAULT_PARALLEL_THRESHOLD} elements.
     */
    public DoubleVectorOps() {
        this(defaultParallelism(), DEFAULT_PARALLEL_THRESHOLD);
    }

    /**
     * @param parallelism number of threads sharing large operations, the calling thread included,
     *     {@code 1..MAX_PARALLELISM}; {@code parallelism - 1} daemon threads are started now
     * @param parallelThreshold minimum number of elements (of multiply-adds for
     *     {@link #denseCombination}) for which an operation is split across threads, {@code >= 1}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public DoubleVectorOps(int parallelism, int parallelThreshold) {
        super(parallelism, parallelThreshold);
    }

    /** @return a single-thread instance; it starts no threads */
    public static DoubleVectorOps serial() {
        return new DoubleVectorOps(1, DEFAULT_PARALLEL_THRESHOLD);
    }

    /** @return {@code "cpu-double"} */
    @Override
    public String name() {
        return "cpu-double";
    }

    /** @return 8 */
    @Override
    public int bytesPerElement() {
        return Double.BYTES;
    }

    @Override
    public double[] allocate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length = " + length + ", must be >= 0");
        }
        return new double[length];
    }

    @Override
    public double[][] newArray(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size = " + size + ", must be >= 0");
        }
        return new double[size][];
    }

    @Override
    public double[] fromArray(double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        return values.clone();
    }

    @Override
    public void toArray(double[] v, double[] out) {
        if (v == null || out == null) {
            throw new IllegalArgumentException(v == null ? "v is null" : "out is null");
        }
        if (v.length != out.length) {
            throw new IllegalArgumentException("out has length " + out.length
                + ", v has length " + v.length);
        }
        System.arraycopy(v, 0, out, 0, v.length);
    }

    @Override
    public void copyFrom(double[] values, double[] dst) {
        if (values == null || dst == null) {
            throw new IllegalArgumentException(values == null ? "values is null" : "dst is null");
        }
        if (values.length != dst.length) {
            throw new IllegalArgumentException("dst has length " + dst.length
                + ", values has length " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            dst[i] = values[i];
        }
    }

    @Override
    public void copyRange(double[] src, int srcPos, double[] dst, int dstPos, int length) {
        if (src == null || dst == null) {
            throw new IllegalArgumentException(src == null ? "src is null" : "dst is null");
        }
        VectorArguments.range(src.length, srcPos, dst.length, dstPos, length);
        System.arraycopy(src, srcPos, dst, dstPos, length);
    }

    @Override
    public int length(double[] v) {
        return v.length;
    }

    @Override
    public void copy(double[] src, double[] dst) {
        if (src == null || dst == null) {
            throw new IllegalArgumentException(src == null ? "src is null" : "dst is null");
        }
        if (src.length != dst.length) {
            throw new IllegalArgumentException("dst has length " + dst.length
                + ", src has length " + src.length);
        }
        System.arraycopy(src, 0, dst, 0, src.length);
    }

    @Override
    public void fill(double[] dst, double value) {
        if (dst == null) {
            throw new IllegalArgumentException("dst is null");
        }
        Arrays.fill(dst, value);
    }

    // ---- kernels: one loop per term count so that the JIT vectorises each ----

    @Override
    void scaledTerms(double[] a, double[][] x, int j0, int count, double[] d, boolean acc,
                     int from, int to) {
        final double a0 = a[j0];
        final double[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    d[i] = d[i] + a0 * x0[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    d[i] = a0 * x0[i];
                }
            }
            return;
        }
        final double a1 = a[j0 + 1];
        final double[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    d[i] = d[i] + a0 * x0[i] + a1 * x1[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    d[i] = a0 * x0[i] + a1 * x1[i];
                }
            }
            return;
        }
        final double a2 = a[j0 + 2];
        final double[] x2 = x[j0 + 2];
        if (count == 3) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    d[i] = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    d[i] = a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                }
            }
            return;
        }
        final double a3 = a[j0 + 3];
        final double[] x3 = x[j0 + 3];
        if (acc) {
            for (int i = from; i < to; i++) {
                d[i] = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                d[i] = a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
            }
        }
    }

    // ---- the same sums, returning max |d_i| of the values written (same bits in d) ----

    @Override
    double scaledTermsMax(double[] a, double[][] x, int j0, int count, double[] d, boolean acc,
                          int from, int to) {
        double m = 0;
        final double a0 = a[j0];
        final double[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final double v = d[i] + a0 * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final double v = a0 * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final double a1 = a[j0 + 1];
        final double[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final double v = d[i] + a0 * x0[i] + a1 * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final double v = a0 * x0[i] + a1 * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final double a2 = a[j0 + 2];
        final double[] x2 = x[j0 + 2];
        if (count == 3) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final double v = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final double v = a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final double a3 = a[j0 + 3];
        final double[] x3 = x[j0 + 3];
        if (acc) {
            for (int i = from; i < to; i++) {
                final double v = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        } else {
            for (int i = from; i < to; i++) {
                final double v = a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Override
    double diagonalTermsMax(double[][] w, double[][] x, int j0, int count, double[] d, boolean acc,
                            int from, int to) {
        double m = 0;
        final double[] w0 = w[j0];
        final double[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final double v = d[i] + w0[i] * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final double v = w0[i] * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final double[] w1 = w[j0 + 1];
        final double[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final double v = d[i] + w0[i] * x0[i] + w1[i] * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final double v = w0[i] * x0[i] + w1[i] * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final double[] w2 = w[j0 + 2];
        final double[] x2 = x[j0 + 2];
        if (acc) {
            for (int i = from; i < to; i++) {
                final double v = d[i] + w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        } else {
            for (int i = from; i < to; i++) {
                final double v = w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Override
    void diagonalTerms(double[][] w, double[][] x, int j0, int count, double[] d, boolean acc,
                       int from, int to) {
        final double[] w0 = w[j0];
        final double[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    d[i] = d[i] + w0[i] * x0[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    d[i] = w0[i] * x0[i];
                }
            }
            return;
        }
        final double[] w1 = w[j0 + 1];
        final double[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    d[i] = d[i] + w0[i] * x0[i] + w1[i] * x1[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    d[i] = w0[i] * x0[i] + w1[i] * x1[i];
                }
            }
            return;
        }
        final double[] w2 = w[j0 + 2];
        final double[] x2 = x[j0 + 2];
        if (acc) {
            for (int i = from; i < to; i++) {
                d[i] = d[i] + w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                d[i] = w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
            }
        }
    }

    /*
     * Complex terms: (wr + i wi)(xr + i xi) = (wr*xr - wi*xi) + i (wr*xi + wi*xr). Both parts of an
     * element are read before either is written, so d may alias any input.
     */
    @Override
    void complexTerms(double[][] w, double[][] x, int j0, int count, double[] d, boolean acc,
                      int from, int to) {
        final double[] w0 = w[j0];
        final double[] x0 = x[j0];
        if (count == 1) {
            for (int i = from; i < to; i += 2) {
                final double r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final double m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
                if (acc) {
                    d[i] = d[i] + r0;
                    d[i + 1] = d[i + 1] + m0;
                } else {
                    d[i] = r0;
                    d[i + 1] = m0;
                }
            }
            return;
        }
        final double[] w1 = w[j0 + 1];
        final double[] x1 = x[j0 + 1];
        if (count == 2) {
            for (int i = from; i < to; i += 2) {
                final double r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final double m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
                final double r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
                final double m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
                if (acc) {
                    d[i] = d[i] + r0 + r1;
                    d[i + 1] = d[i + 1] + m0 + m1;
                } else {
                    d[i] = r0 + r1;
                    d[i + 1] = m0 + m1;
                }
            }
            return;
        }
        final double[] w2 = w[j0 + 2];
        final double[] x2 = x[j0 + 2];
        if (count == 3) {
            for (int i = from; i < to; i += 2) {
                final double r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final double m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
                final double r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
                final double m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
                final double r2 = w2[i] * x2[i] - w2[i + 1] * x2[i + 1];
                final double m2 = w2[i] * x2[i + 1] + w2[i + 1] * x2[i];
                if (acc) {
                    d[i] = d[i] + r0 + r1 + r2;
                    d[i + 1] = d[i + 1] + m0 + m1 + m2;
                } else {
                    d[i] = r0 + r1 + r2;
                    d[i + 1] = m0 + m1 + m2;
                }
            }
            return;
        }
        final double[] w3 = w[j0 + 3];
        final double[] x3 = x[j0 + 3];
        for (int i = from; i < to; i += 2) {
            final double r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
            final double m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
            final double r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
            final double m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
            final double r2 = w2[i] * x2[i] - w2[i + 1] * x2[i + 1];
            final double m2 = w2[i] * x2[i + 1] + w2[i + 1] * x2[i];
            final double r3 = w3[i] * x3[i] - w3[i + 1] * x3[i + 1];
            final double m3 = w3[i] * x3[i + 1] + w3[i + 1] * x3[i];
            if (acc) {
                d[i] = d[i] + r0 + r1 + r2 + r3;
                d[i + 1] = d[i + 1] + m0 + m1 + m2 + m3;
            } else {
                d[i] = r0 + r1 + r2 + r3;
                d[i + 1] = m0 + m1 + m2 + m3;
            }
        }
    }

    @Override
    void denseRows(double[][] w, double[][] x, int k, double[] out, int n, int rowFrom,
                   int rowTo) {
        final double[] w0 = w[0];
        final double[] x0 = x[0];
        for (int r = rowFrom; r < rowTo; r++) {
            final int row = r * n;
            double s = w0[row] * x0[0];
            for (int c = 1; c < n; c++) {
                s = s + w0[row + c] * x0[c];
            }
            for (int j = 1; j < k; j++) {
                final double[] wj = w[j];
                final double[] xj = x[j];
                for (int c = 0; c < n; c++) {
                    s = s + wj[row + c] * xj[c];
                }
            }
            out[r] = s;
        }
    }

    @Override
    double dotRange(double[] x, double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            // Widened first, so that products of narrower elements are exact.
            final double xi = x[i];
            final double yi = y[i];
            s += xi * yi;
        }
        return s;
    }

    @Override
    double maxAbsRange(double[] x, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    @Override
    double squaresRange(double[] x, double[] y, double atol, double rtol, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            final double xi = x[i];
            final double yi = y[i];
            final double diff = xi - yi;
            // diff == 0 covers x_i = y_i = 0 with atol = 0, where the scale is 0 as well.
            final double e = diff == 0 ? 0 : diff / (atol + rtol * Math.max(Math.abs(xi),
                Math.abs(yi)));
            s = s + e * e;
        }
        return s;
    }

    @Override
    double squaresRange(double[] x, double[] y, double[] atol, double rtol, double minAtol,
                        int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            final double xi = x[i];
            final double yi = y[i];
            final double ai = atol[i];
            final double diff = xi - yi;
            final double e = diff == 0 ? 0 : diff / (ai + rtol * Math.max(Math.abs(xi),
                Math.abs(yi)));
            s = s + (ai >= minAtol ? e * e : Double.NaN);
        }
        return s;
    }

    @Override
    double sampleSquaresRange(double[] x, double[] y, double scale, double[] r, double atol, double rtol,
                              int from, int to) {
        double s = 0;
        // 0 * v is +-0 for a finite v and NaN otherwise: the sum of those flags non-finite values.
        double flags = 0;
        for (int i = from; i < to; i++) {
            final double xs = scale * x[i];
            final double ys = scale * y[i];
            final double ri = r[i];
            final double delta = Math.max(atol, rtol * Math.max(Math.abs(ys), Math.abs(ri)));
            final double e = (xs - ys) / delta;
            s = s + e * e;
            flags = flags + (0 * xs + 0 * ys + 0 * ri);
        }
        // With finite values a sum is NaN only where an infinite difference met an infinite delta.
        return flags != flags ? Double.NaN : s != s ? Double.POSITIVE_INFINITY : s;
    }

    @Override
    double element(double[] v, int i) {
        return v[i];
    }
}
