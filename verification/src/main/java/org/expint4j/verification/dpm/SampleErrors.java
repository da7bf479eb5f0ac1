package org.expint4j.verification.dpm;

import java.util.Arrays;

/** Per-sample Euclidean errors of a batch and their summaries (the sampling study and the demo). */
public final class SampleErrors {

    private SampleErrors() {
    }

    /** @return \( \|x_b - y_b\|_2 \) for each of the samples of dimension {@code d} */
    public static double[] perSample(double[] x, double[] y, int d) {
        if (x.length != y.length || x.length % d != 0) {
            throw new IllegalArgumentException("batches of lengths " + x.length + " and " + y.length
                    + " are not equal multiples of " + d);
        }
        double[] e = new double[x.length / d];
        for (int b = 0; b < e.length; b++) {
            double s = 0;
            for (int j = b * d; j < (b + 1) * d; j++) {
                double r = x[j] - y[j];
                s += r * r;
            }
            e[b] = Math.sqrt(s);
        }
        return e;
    }

    /**
     * @param e values
     * @return their median
     */
    public static double median(double[] e) {
        double[] s = e.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * @param e values
     * @return their root mean square
     */
    public static double rms(double[] e) {
        double s = 0;
        for (double v : e) {
            s += v * v;
        }
        return Math.sqrt(s / e.length);
    }

    /**
     * @param e values
     * @return their maximum, NaN if any is NaN
     */
    public static double max(double[] e) {
        double m = 0;
        for (double v : e) {
            // NaN propagates: a diverged run must not look accurate.
            m = Double.isNaN(v) ? v : Math.max(m, v);
            if (Double.isNaN(m)) {
                return m;
            }
        }
        return m;
    }
}
