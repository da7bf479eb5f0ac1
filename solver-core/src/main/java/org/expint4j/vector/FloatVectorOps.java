package org.expint4j.vector;

import java.util.Arrays;

/**
 * The CPU vector backend in single precision: vectors are {@code float[]}.
 *
 * <p>Storage and the arithmetic of the weighted sums are in {@code float}: every scalar weight is
 * rounded to {@code float} (into a local variable, nothing is allocated) and each element
 * evaluates \( a_0 x_{0,i} + a_1 x_{1,i} + \dots \) strictly left to right with separate
 * multiplications and additions in single precision (no fused multiply-add), the order of
 * {@link DoubleVectorOps}; see the
 * {@linkplain org.expint4j.vector package documentation}. Reductions widen the elements to
 * {@code double} and compute and accumulate in double precision, so on float-representable data
 * they return exactly the value of {@link DoubleVectorOps}.
 *
 * <p>Threading and thread-safety are those of {@link DoubleVectorOps}: vectors of at least
 * {@link #parallelThreshold()} elements are split across {@link #parallelism()} threads with
 * bit-identical results, and an instance may be shared by threads, each call giving the bits of
 * the same call made alone.
 */
public final class FloatVectorOps extends CpuVectorOps<float[]> {

    /**
     * Default minimum length for multi-threaded execution, \(2^{19}\) elements: below it, on the
     * machines measured, handing half of a fused sum to another thread costs more than it saves
     * (docs/performance.md, "Multi-threading threshold").
     */
    public static final int DEFAULT_PARALLEL_THRESHOLD = DEFAULT_THRESHOLD;

    /** The largest parallelism accepted, {@value}, as {@link DoubleVectorOps#MAX_PARALLELISM}. */
    public static final int MAX_PARALLELISM = CpuVectorOps.MAX_PARALLELISM;

    /**
     * Uses {@link Runtime#availableProcessors()} threads (at most {@link #MAX_PARALLELISM}) above
     * {@link #DEFAULT_PARALLEL_THRESHOLD} elements.
     */
    public FloatVectorOps() {
        this(defaultParallelism(), DEFAULT_PARALLEL_THRESHOLD);
    }

    /**
     * @param parallelism number of threads sharing large operations, the calling thread included,
     *     {@code 1..MAX_PARALLELISM}; {@code parallelism - 1} daemon threads are started now
     * @param parallelThreshold minimum number of elements (of multiply-adds for
     *     {@link #denseCombination}) for which an operation is split across threads, {@code >= 1}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public FloatVectorOps(int parallelism, int parallelThreshold) {
        super(parallelism, parallelThreshold);
    }

    /** @return a single-thread instance; it starts no threads */
    public static FloatVectorOps serial() {
        return new FloatVectorOps(1, DEFAULT_PARALLEL_THRESHOLD);
    }

    /** @return {@code "cpu-float"} */
    @Override
    public String name() {
        return "cpu-float";
    }

    /** @return 4 */
    @Override
    public int bytesPerElement() {
        return Float.BYTES;
    }

    @Override
    public float[] allocate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length = " + length + ", must be >= 0");
        }
        return new float[length];
    }

    @Override
    public float[][] newArray(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size = " + size + ", must be >= 0");
        }
        return new float[size][];
    }

    /** Rounds each value to the nearest {@code float}. */
    @Override
    public float[] fromArray(double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values is null");
        }
        final float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) values[i];
        }
        return v;
    }

    /** Widens each element exactly. */
    @Override
    public void toArray(float[] v, double[] out) {
        if (v == null || out == null) {
            throw new IllegalArgumentException(v == null ? "v is null" : "out is null");
        }
        if (v.length != out.length) {
            throw new IllegalArgumentException("out has length " + out.length
                + ", v has length " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
    }

    @Override
    public void copyFrom(double[] values, float[] dst) {
        if (values == null || dst == null) {
            throw new IllegalArgumentException(values == null ? "values is null" : "dst is null");
        }
        if (values.length != dst.length) {
            throw new IllegalArgumentException("dst has length " + dst.length
                + ", values has length " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            dst[i] = (float) values[i];
        }
    }

    @Override
    public void copyRange(float[] src, int srcPos, float[] dst, int dstPos, int length) {
        if (src == null || dst == null) {
            throw new IllegalArgumentException(src == null ? "src is null" : "dst is null");
        }
        VectorArguments.range(src.length, srcPos, dst.length, dstPos, length);
        System.arraycopy(src, srcPos, dst, dstPos, length);
    }

    @Override
    public int length(float[] v) {
        return v.length;
    }

    @Override
    public void copy(float[] src, float[] dst) {
        if (src == null || dst == null) {
            throw new IllegalArgumentException(src == null ? "src is null" : "dst is null");
        }
        if (src.length != dst.length) {
            throw new IllegalArgumentException("dst has length " + dst.length
                + ", src has length " + src.length);
        }
        System.arraycopy(src, 0, dst, 0, src.length);
    }

    /** Fills with {@code value} rounded to {@code float}. */
    @Override
    public void fill(float[] dst, double value) {
        if (dst == null) {
            throw new IllegalArgumentException("dst is null");
        }
        Arrays.fill(dst, (float) value);
    }

    // ---- kernels: one loop per term count so that the JIT vectorises each ----

    @Override
    void scaledTerms(double[] a, float[][] x, int j0, int count, float[] d, boolean acc,
                     int from, int to) {
        final float a0 = (float) a[j0];
        final float[] x0 = x[j0];
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
        final float a1 = (float) a[j0 + 1];
        final float[] x1 = x[j0 + 1];
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
        final float a2 = (float) a[j0 + 2];
        final float[] x2 = x[j0 + 2];
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
        final float a3 = (float) a[j0 + 3];
        final float[] x3 = x[j0 + 3];
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
    double scaledTermsMax(double[] a, float[][] x, int j0, int count, float[] d, boolean acc,
                          int from, int to) {
        float m = 0;
        final float a0 = (float) a[j0];
        final float[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final float v = d[i] + a0 * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final float v = a0 * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final float a1 = (float) a[j0 + 1];
        final float[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final float v = d[i] + a0 * x0[i] + a1 * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final float v = a0 * x0[i] + a1 * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final float a2 = (float) a[j0 + 2];
        final float[] x2 = x[j0 + 2];
        if (count == 3) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final float v = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final float v = a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final float a3 = (float) a[j0 + 3];
        final float[] x3 = x[j0 + 3];
        if (acc) {
            for (int i = from; i < to; i++) {
                final float v = d[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        } else {
            for (int i = from; i < to; i++) {
                final float v = a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Override
    double diagonalTermsMax(float[][] w, float[][] x, int j0, int count, float[] d, boolean acc,
                            int from, int to) {
        float m = 0;
        final float[] w0 = w[j0];
        final float[] x0 = x[j0];
        if (count == 1) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final float v = d[i] + w0[i] * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final float v = w0[i] * x0[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final float[] w1 = w[j0 + 1];
        final float[] x1 = x[j0 + 1];
        if (count == 2) {
            if (acc) {
                for (int i = from; i < to; i++) {
                    final float v = d[i] + w0[i] * x0[i] + w1[i] * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            } else {
                for (int i = from; i < to; i++) {
                    final float v = w0[i] * x0[i] + w1[i] * x1[i];
                    d[i] = v;
                    m = Math.max(m, Math.abs(v));
                }
            }
            return m;
        }
        final float[] w2 = w[j0 + 2];
        final float[] x2 = x[j0 + 2];
        if (acc) {
            for (int i = from; i < to; i++) {
                final float v = d[i] + w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        } else {
            for (int i = from; i < to; i++) {
                final float v = w0[i] * x0[i] + w1[i] * x1[i] + w2[i] * x2[i];
                d[i] = v;
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    @Override
    void diagonalTerms(float[][] w, float[][] x, int j0, int count, float[] d, boolean acc,
                       int from, int to) {
        final float[] w0 = w[j0];
        final float[] x0 = x[j0];
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
        final float[] w1 = w[j0 + 1];
        final float[] x1 = x[j0 + 1];
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
        final float[] w2 = w[j0 + 2];
        final float[] x2 = x[j0 + 2];
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
    void complexTerms(float[][] w, float[][] x, int j0, int count, float[] d, boolean acc,
                      int from, int to) {
        final float[] w0 = w[j0];
        final float[] x0 = x[j0];
        if (count == 1) {
            for (int i = from; i < to; i += 2) {
                final float r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final float m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
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
        final float[] w1 = w[j0 + 1];
        final float[] x1 = x[j0 + 1];
        if (count == 2) {
            for (int i = from; i < to; i += 2) {
                final float r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final float m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
                final float r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
                final float m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
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
        final float[] w2 = w[j0 + 2];
        final float[] x2 = x[j0 + 2];
        if (count == 3) {
            for (int i = from; i < to; i += 2) {
                final float r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
                final float m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
                final float r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
                final float m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
                final float r2 = w2[i] * x2[i] - w2[i + 1] * x2[i + 1];
                final float m2 = w2[i] * x2[i + 1] + w2[i + 1] * x2[i];
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
        final float[] w3 = w[j0 + 3];
        final float[] x3 = x[j0 + 3];
        for (int i = from; i < to; i += 2) {
            final float r0 = w0[i] * x0[i] - w0[i + 1] * x0[i + 1];
            final float m0 = w0[i] * x0[i + 1] + w0[i + 1] * x0[i];
            final float r1 = w1[i] * x1[i] - w1[i + 1] * x1[i + 1];
            final float m1 = w1[i] * x1[i + 1] + w1[i + 1] * x1[i];
            final float r2 = w2[i] * x2[i] - w2[i + 1] * x2[i + 1];
            final float m2 = w2[i] * x2[i + 1] + w2[i + 1] * x2[i];
            final float r3 = w3[i] * x3[i] - w3[i + 1] * x3[i + 1];
            final float m3 = w3[i] * x3[i + 1] + w3[i + 1] * x3[i];
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
    void denseRows(float[][] w, float[][] x, int k, float[] out, int n, int rowFrom,
                   int rowTo) {
        final float[] w0 = w[0];
        final float[] x0 = x[0];
        for (int r = rowFrom; r < rowTo; r++) {
            final int row = r * n;
            float s = w0[row] * x0[0];
            for (int c = 1; c < n; c++) {
                s = s + w0[row + c] * x0[c];
            }
            for (int j = 1; j < k; j++) {
                final float[] wj = w[j];
                final float[] xj = x[j];
                for (int c = 0; c < n; c++) {
                    s = s + wj[row + c] * xj[c];
                }
            }
            out[r] = s;
        }
    }

    @Override
    double dotRange(float[] x, float[] y, int from, int to) {
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
    double maxAbsRange(float[] x, int from, int to) {
        float m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    @Override
    double squaresRange(float[] x, float[] y, double atol, double rtol, int from, int to) {
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
    double squaresRange(float[] x, float[] y, float[] atol, double rtol, double minAtol,
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
    double sampleSquaresRange(float[] x, float[] y, double scale, float[] r, double atol, double rtol,
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
    double element(float[] v, int i) {
        return v[i];
    }
}
