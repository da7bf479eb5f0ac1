package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.model.X0Correction;

/**
 * Dynamic thresholding of the data prediction (Saharia et al. 2022, Imagen), the reference's
 * {@code correcting_x0_fn="dynamic_thresholding"}. For each of the \(B\) samples of a batch
 * separately:
 * <ol>
 * <li>\( s = Q_p(|\hat x_0|) \), the \(p\)-quantile of the absolute values of the sample's \(D\)
 *     entries, \( p \) = {@code ratio} (default 0.995);</li>
 * <li>\( s \leftarrow \max(s, m) \), \(m\) = {@code maxValue} (default 1);</li>
 * <li>\( \hat x_0 \leftarrow \mathrm{clamp}(\hat x_0, -s, s)/s \).</li>
 * </ol>
 * So entries are clipped at the \(p\)-quantile and rescaled into \([-1, 1]\) only where the
 * quantile exceeds \(m\); with \(m = 1\) a sample already inside \([-1, 1]\) is unchanged. Note that
 * diffusers' {@code sample_max_value} has a different meaning (an upper clamp of \(s\)).
 *
 * <p><b>Quantile.</b> As {@code torch.quantile} (linear interpolation, NumPy's default): with the
 * values in increasing order \( v_0 \le \dots \le v_{D-1} \), rank \( r = p(D - 1) \),
 * \( i = \lfloor r \rfloor \), \( w = r - i \),
 * \( Q_p = \mathrm{lerp}(v_i, v_{\lceil r\rceil}, w) \), where {@code lerp} is
 * \( a + w(b - a) \) for \( w &lt; 1/2 \) and \( b - (b - a)(1 - w) \) otherwise (the form PyTorch
 * uses).
 * On {@code float[]} vectors the rank, weight, interpolation, clamp and division are evaluated in
 * {@code float}, as PyTorch does for {@code float32} tensors. The two order statistics are found
 * by quickselect in \(O(D)\) expected time rather than by sorting.
 *
 * <p><b>Non-finite input.</b> A NaN or infinite entry throws {@link IllegalArgumentException}
 * naming the sample, the entry, the value and the time, before anything is changed. The reference
 * instead turns a sample containing NaN into all NaN while correcting the others, and clips an
 * infinity lying above the quantile to a finite value, which hides it from the sampler's
 * finiteness checks.
 *
 * <p>Instances keep a work array of \(D\) entries (allocated on first use and again only when
 * \(D\) grows), so calls allocate nothing in steady state, and are therefore not thread-safe.
 * Suitable only for pixel-space models with data prediction (the reference's README); unsuitable
 * for latent diffusion.
 *
 * @param <V> vector type ({@code double[]} or {@code float[]})
 */
public abstract class DynamicThresholding<V> implements X0Correction<V> {

    /** Default quantile level \(p\). */
    public static final double DEFAULT_RATIO = 0.995;

    /** Default lower bound \(m\) of the threshold. */
    public static final double DEFAULT_MAX_VALUE = 1;

    /** Number of samples \(B\) per batch. */
    private final int samples;

    /** Quantile level \(p\). */
    private final double ratio;

    /** Lower bound \(m\) of the threshold. */
    private final double maxValue;

    /**
     * @param samples \(B\)
     * @param ratio \(p\)
     * @param maxValue \(m\)
     */
    private DynamicThresholding(int samples, double ratio, double maxValue) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples = " + samples + ", must be >= 1");
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio = " + ratio + ", must be in [0, 1]");
        }
        if (!(maxValue > 0 && maxValue < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "maxValue = " + maxValue + ", must be positive and finite");
        }
        this.samples = samples;
        this.ratio = ratio;
        this.maxValue = maxValue;
    }

    /**
     * @param samples the number of samples \(B\) in each batch
     * @return thresholding of {@code double[]} batches with \(p = 0.995\), \(m = 1\)
     * @throws IllegalArgumentException if {@code samples < 1}
     */
    public static DynamicThresholding<double[]> ofDoubles(int samples) {
        return ofDoubles(samples, DEFAULT_RATIO, DEFAULT_MAX_VALUE);
    }

    /**
     * @param samples the number of samples \(B\) in each batch
     * @param ratio the quantile level \(p \in [0, 1]\)
     * @param maxValue the lower bound \(m > 0\) of the threshold
     * @return thresholding of {@code double[]} batches
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static DynamicThresholding<double[]> ofDoubles(int samples, double ratio, double maxValue) {
        return new OfDoubles(samples, ratio, maxValue);
    }

    /**
     * @param samples the number of samples \(B\) in each batch
     * @return thresholding of {@code float[]} batches with \(p = 0.995\), \(m = 1\)
     * @throws IllegalArgumentException if {@code samples < 1}
     */
    public static DynamicThresholding<float[]> ofFloats(int samples) {
        return ofFloats(samples, DEFAULT_RATIO, DEFAULT_MAX_VALUE);
    }

    /**
     * @param samples the number of samples \(B\) in each batch
     * @param ratio the quantile level \(p \in [0, 1]\)
     * @param maxValue the lower bound \(m > 0\) of the threshold
     * @return thresholding of {@code float[]} batches
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static DynamicThresholding<float[]> ofFloats(int samples, double ratio, double maxValue) {
        return new OfFloats(samples, ratio, maxValue);
    }

    /** @return the number of samples \(B\) per batch */
    public int samples() {
        return samples;
    }

    /** @return the quantile level \(p\) */
    public double ratio() {
        return ratio;
    }

    /** @return the lower bound \(m\) of the threshold */
    public double maxValue() {
        return maxValue;
    }

    /**
     * @param length the batch length
     * @return the sample dimension \( D = \mathrm{length}/B \)
     * @throws IllegalArgumentException if \(B\) does not divide the length
     */
    final int dimension(int length) {
        if (length % samples != 0) {
            throw new IllegalArgumentException("batch length " + length
                    + " is not a multiple of the number of samples " + samples);
        }
        return length / samples;
    }

    /**
     * @param x0 the batch
     * @param d the sample dimension \(D\)
     * @param t the time passed to {@code correct}
     * @throws IllegalArgumentException naming the first non-finite entry
     */
    static void requireFinite(double[] x0, int d, double t) {
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw nonFinite(i, x0[i], d, t);
            }
        }
    }

    /** As {@link #requireFinite(double[], int, double)} for {@code float} batches. */
    static void requireFinite(float[] x0, int d, double t) {
        for (int i = 0; i < x0.length; i++) {
            if (!Float.isFinite(x0[i])) {
                throw nonFinite(i, x0[i], d, t);
            }
        }
    }

    private static IllegalArgumentException nonFinite(int index, double value, int d, double t) {
        return new IllegalArgumentException("dynamic thresholding needs finite data predictions, got sample "
                + index / d + ", entry " + index % d + " (x0[" + index + "]) = " + value + " at t = " + t);
    }

    /**
     * The \(p\)-quantile with {@code torch.quantile}'s linear interpolation. The two order
     * statistics are found by selection, not sorting; {@code values} is rearranged.
     *
     * @param values the values, rearranged
     * @param n number of values used, {@code >= 1}
     * @param p the level in \([0, 1]\)
     * @return \( Q_p \); NaN if a value is NaN
     */
    static double quantile(double[] values, int n, double p) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
        }
        final double rank = p * (n - 1);
        final int below = (int) rank;
        final double weight = rank - below;
        final double a = Selection.select(values, n, below);
        final double b = (int) Math.ceil(rank) == below ? a : Selection.next(values, n, below);
        return weight < 0.5 ? a + weight * (b - a) : b - (b - a) * (1 - weight);
    }

    /**
     * As {@link #quantile(double[], int, double)} in {@code float} arithmetic, \(p\) first rounded
     * to {@code float}, of {@code float} values given widened to {@code double}.
     *
     * @param values the {@code float} values, widened; rearranged
     * @param n number of values used, {@code >= 1}
     * @param p the level in \([0, 1]\)
     * @return \( Q_p \); NaN if a value is NaN
     */
    static float quantileOfFloats(double[] values, int n, double p) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                return Float.NaN;
            }
        }
        final float rank = (float) p * (n - 1);
        final int below = (int) rank;
        final float weight = rank - below;
        final float a = (float) Selection.select(values, n, below);
        final float b = (int) Math.ceil(rank) == below ? a : (float) Selection.next(values, n, below);
        return weight < 0.5f ? a + weight * (b - a) : b - (b - a) * (1 - weight);
    }

    /** Thresholding of {@code double[]} batches. */
    private static final class OfDoubles extends DynamicThresholding<double[]> {

        /** Absolute values of one sample, rearranged by selection. */
        private double[] work = new double[0];

        OfDoubles(int samples, double ratio, double maxValue) {
            super(samples, ratio, maxValue);
        }

        @Override
        public void correct(double[] x0, double t) {
            final int d = dimension(x0.length);
            if (d == 0) {
                return;
            }
            requireFinite(x0, d, t);
            if (work.length < d) {
                work = new double[d];
            }
            for (int start = 0; start < x0.length; start += d) {
                for (int i = 0; i < d; i++) {
                    work[i] = Math.abs(x0[start + i]);
                }
                final double s = Math.max(quantile(work, d, ratio()), maxValue());
                for (int i = start; i < start + d; i++) {
                    x0[i] = Math.min(Math.max(x0[i], -s), s) / s;
                }
            }
        }

        @Override
        public String toString() {
            return "DynamicThresholding[double, B=" + samples() + ", p=" + ratio() + ", m="
                    + maxValue() + "]";
        }
    }

    /** Thresholding of {@code float[]} batches, in {@code float} arithmetic. */
    private static final class OfFloats extends DynamicThresholding<float[]> {

        /** Absolute values of one sample, widened exactly, rearranged by selection. */
        private double[] work = new double[0];

        OfFloats(int samples, double ratio, double maxValue) {
            super(samples, ratio, maxValue);
        }

        @Override
        public void correct(float[] x0, double t) {
            final int d = dimension(x0.length);
            if (d == 0) {
                return;
            }
            requireFinite(x0, d, t);
            if (work.length < d) {
                work = new double[d];
            }
            final float m = (float) maxValue();
            for (int start = 0; start < x0.length; start += d) {
                for (int i = 0; i < d; i++) {
                    work[i] = Math.abs(x0[start + i]);
                }
                final float s = Math.max(quantileOfFloats(work, d, ratio()), m);
                for (int i = start; i < start + d; i++) {
                    x0[i] = Math.min(Math.max(x0[i], -s), s) / s;
                }
            }
        }

        @Override
        public String toString() {
            return "DynamicThresholding[float, B=" + samples() + ", p=" + ratio() + ", m="
                    + maxValue() + "]";
        }
    }
}
