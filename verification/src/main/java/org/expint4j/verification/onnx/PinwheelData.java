package org.expint4j.verification.onnx;

import java.util.SplittableRandom;

/**
 * The labelled 2-D data set the shipped model was trained on: the pinwheel of \(K = 5\) arms.
 * For arm \(k\) (uniform on \(0..K-1\)), \( r = 1 + 0.3 z_1 \), \( s = 0.05 z_2 \) with \(z\)
 * standard normal, angle \( a = 2\pi k/K + 0.25\,e^{r} \), and the point
 * \( 1.5\,(r\cos a - s\sin a,\ r\sin a + s\cos a) \) — the definition the training script
 * ({@code train_pinwheel.py}) draws from. Samples drawn here with any seed are independent of the
 * training set: held-out data.
 */
public final class PinwheelData {

    /** Number of classes (arms). */
    public static final int CLASSES = 5;

    private PinwheelData() {
    }

    /**
     * @param random the source
     * @param n number of points
     * @param label the arm, or -1 for a uniformly drawn arm per point
     * @param out receives the points back to back, length {@code 2n}
     * @param labels receives the arms, length {@code n}, or {@code null}
     */
    public static void sample(SplittableRandom random, int n, int label, double[] out, int[] labels) {
        if (label < -1 || label >= CLASSES) {
            throw new IllegalArgumentException("class " + label + " is out of range 0.." + (CLASSES - 1));
        }
        if (out.length != 2L * n || (labels != null && labels.length != n)) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + 2L * n);
        }
        for (int i = 0; i < n; i++) {
            int k = label >= 0 ? label : random.nextInt(CLASSES);
            double r = 1 + 0.3 * random.nextGaussian();
            double s = 0.05 * random.nextGaussian();
            double a = 2 * Math.PI * k / CLASSES + 0.25 * Math.exp(r);
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            out[2 * i] = 1.5 * (r * cos - s * sin);
            out[2 * i + 1] = 1.5 * (r * sin + s * cos);
            if (labels != null) {
                labels[i] = k;
            }
        }
    }
}
