package org.expint4j.vector;

import java.util.SplittableRandom;

/**
 * Random instances and straightforward reference loops for the vector backend tests. The
 * references spell out the documented evaluation order one element at a time, so the backends must
 * match them bit for bit.
 */
final class VectorTesting {

    private VectorTesting() {
    }

    /**
     * @return a value of random sign and magnitude in about \([10^{-3}, 10^{3}]\), sometimes 0, so
     *     that sums see cancellation and rounding in every position
     */
    static double value(SplittableRandom rnd) {
        final int kind = rnd.nextInt(16);
        if (kind == 0) {
            return 0;
        }
        final double m = rnd.nextDouble(1, 2) * Math.pow(10, rnd.nextInt(-3, 4));
        return rnd.nextBoolean() ? m : -m;
    }

    static double[] vector(SplittableRandom rnd, int n) {
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(rnd);
        }
        return v;
    }

    /** @return a vector whose values are exactly representable as {@code float} */
    static double[] floatValues(SplittableRandom rnd, int n) {
        final double[] v = vector(rnd, n);
        for (int i = 0; i < n; i++) {
            v[i] = (float) v[i];
        }
        return v;
    }

    static double[][] vectors(SplittableRandom rnd, int k, int n) {
        final double[][] v = new double[k][];
        for (int j = 0; j < k; j++) {
            v[j] = vector(rnd, n);
        }
        return v;
    }

    static float[] toFloat(double[] v) {
        final float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    static float[][] toFloat(double[][] v) {
        final float[][] f = new float[v.length][];
        for (int j = 0; j < v.length; j++) {
            f[j] = toFloat(v[j]);
        }
        return f;
    }

    static double[] toDouble(float[] v) {
        final double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double[][] copies(double[][] v) {
        final double[][] c = new double[v.length][];
        for (int j = 0; j < v.length; j++) {
            c[j] = v[j].clone();
        }
        return c;
    }

    static float[][] copies(float[][] v) {
        final float[][] c = new float[v.length][];
        for (int j = 0; j < v.length; j++) {
            c[j] = v[j].clone();
        }
        return c;
    }

    // ---- references in the documented order ----

    static double[] linear(double[] a, double[][] x, int k, int n) {
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = a[0] * x[0][i];
            for (int j = 1; j < k; j++) {
                s = s + a[j] * x[j][i];
            }
            out[i] = s;
        }
        return out;
    }

    static float[] linear(double[] a, float[][] x, int k, int n) {
        final float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float s = (float) a[0] * x[0][i];
            for (int j = 1; j < k; j++) {
                s = s + (float) a[j] * x[j][i];
            }
            out[i] = s;
        }
        return out;
    }

    static double[] diagonal(double[][] w, double[][] x, int k, int n) {
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = w[0][i] * x[0][i];
            for (int j = 1; j < k; j++) {
                s = s + w[j][i] * x[j][i];
            }
            out[i] = s;
        }
        return out;
    }

    static float[] diagonal(float[][] w, float[][] x, int k, int n) {
        final float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float s = w[0][i] * x[0][i];
            for (int j = 1; j < k; j++) {
                s = s + w[j][i] * x[j][i];
            }
            out[i] = s;
        }
        return out;
    }

    static float[] complex(float[][] w, float[][] x, int k, int n) {
        final float[] out = new float[n];
        for (int i = 0; i < n; i += 2) {
            float re = w[0][i] * x[0][i] - w[0][i + 1] * x[0][i + 1];
            float im = w[0][i] * x[0][i + 1] + w[0][i + 1] * x[0][i];
            for (int j = 1; j < k; j++) {
                re = re + (w[j][i] * x[j][i] - w[j][i + 1] * x[j][i + 1]);
                im = im + (w[j][i] * x[j][i + 1] + w[j][i + 1] * x[j][i]);
            }
            out[i] = re;
            out[i + 1] = im;
        }
        return out;
    }

    static double[] dense(double[][] w, double[][] x, int k, int n) {
        final double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            double s = w[0][r * n] * x[0][0];
            for (int j = 0; j < k; j++) {
                for (int c = j == 0 ? 1 : 0; c < n; c++) {
                    s = s + w[j][r * n + c] * x[j][c];
                }
            }
            out[r] = s;
        }
        return out;
    }

    static float[] dense(float[][] w, float[][] x, int k, int n) {
        final float[] out = new float[n];
        for (int r = 0; r < n; r++) {
            float s = w[0][r * n] * x[0][0];
            for (int j = 0; j < k; j++) {
                for (int c = j == 0 ? 1 : 0; c < n; c++) {
                    s = s + w[j][r * n + c] * x[j][c];
                }
            }
            out[r] = s;
        }
        return out;
    }

    /** The squared scaled error of one component, 0 where the components agree. */
    static double term(double x, double y, double atol, double rtol) {
        final double d = x - y;
        if (d == 0) {
            return 0;
        }
        final double e = d / (atol + rtol * Math.max(Math.abs(x), Math.abs(y)));
        return e * e;
    }

    /**
     * The documented blocked sum: blocks of {@link CpuVectorOps#BLOCK} elements from the start of
     * {@code [from, to)}, each summed from 0, block sums added from 0.
     */
    static double rmsBlocked(double[] x, double[] y, double[] atol, double atolScalar,
                             double rtol, int from, int to) {
        double sum = 0;
        for (int b = from; b < to; b += CpuVectorOps.BLOCK) {
            double s = 0;
            for (int i = b; i < Math.min(to, b + CpuVectorOps.BLOCK); i++) {
                s = s + term(x[i], y[i], atol == null ? atolScalar : atol[i], rtol);
            }
            sum = sum + s;
        }
        final int n = to - from;
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /** @return the norm by plain summation, to check the blocked one within rounding */
    static double rmsNaive(double[] x, double[] y, double[] atol, double atolScalar, double rtol) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += term(x[i], y[i], atol == null ? atolScalar : atol[i], rtol);
        }
        return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
    }

    static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean sameBits(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return the first index where the bits differ, for messages; -1 if none */
    static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    static int firstDifference(float[] a, float[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }
}
