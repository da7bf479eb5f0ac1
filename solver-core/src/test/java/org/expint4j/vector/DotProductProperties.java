package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorOps#dot}: the blocked summation order of the contract, bit for bit, on every
 * backend and thread count (CPU double and float, serial and parallel, and the interface's
 * default used by device backends).
 */
class DotProductProperties {

    static Stream<Long> seeds() {
        return LongStream.range(0, 16).mapToObj(i -> 0xd07L + 977 * i);
    }

    private static double blocked(double[] x, double[] y) {
        double total = 0;
        for (int from = 0; from < x.length; from += 1024) {
            double s = 0;
            for (int i = from; i < Math.min(x.length, from + 1024); i++) {
                s += x[i] * y[i];
            }
            total += s;
        }
        return total;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyBackendSumsInTheBlockedOrder(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = rnd.nextInt(5000);
        final double[] x = new double[n];
        final double[] y = new double[n];
        final float[] xf = new float[n];
        final float[] yf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) rnd.nextDouble(-1, 1);
            yf[i] = (float) rnd.nextDouble(-1, 1);
            x[i] = xf[i];
            y[i] = yf[i];
        }
        final double expected = blocked(x, y);
        try (DoubleVectorOps parallel = new DoubleVectorOps(3, 64); FloatVectorOps parallelF = new FloatVectorOps(3, 64)) {
            assertEquals(expected, DoubleVectorOps.serial().dot(x, y), 0.0, "seed " + seed + " serial double");
            assertEquals(expected, parallel.dot(x, y), 0.0, "seed " + seed + " parallel double");
            // Float products widened to double are exact, so the float backend gives the same bits.
            assertEquals(expected, FloatVectorOps.serial().dot(xf, yf), 0.0, "seed " + seed + " serial float");
            assertEquals(expected, parallelF.dot(xf, yf), 0.0, "seed " + seed + " parallel float");
        }
        final VectorOps<double[]> viaDefault = new ForwardingOps(DoubleVectorOps.serial());
        assertEquals(expected, viaDefault.dot(x, y), 0.0, "seed " + seed + " interface default");
    }

    /** A backend that does not override {@code dot}, as a device backend without a kernel. */
    private static final class ForwardingOps implements VectorOps<double[]> {
        private final DoubleVectorOps d;

        ForwardingOps(DoubleVectorOps d) {
            this.d = d;
        }

        @Override public String name() { return "forwarding"; }
        @Override public int bytesPerElement() { return 8; }
        @Override public double[] allocate(int length) { return d.allocate(length); }
        @Override public double[][] newArray(int size) { return d.newArray(size); }
        @Override public double[] fromArray(double[] values) { return d.fromArray(values); }
        @Override public void copyRange(double[] s, int sp, double[] t, int tp, int l) { d.copyRange(s, sp, t, tp, l); }
        @Override public void toArray(double[] v, double[] out) { d.toArray(v, out); }
        @Override public int length(double[] v) { return v.length; }
        @Override public void copy(double[] s, double[] t) { d.copy(s, t); }
        @Override public void fill(double[] t, double value) { d.fill(t, value); }
        @Override public void linearCombination(double[] a, double[][] x, int k, double[] out) {
            d.linearCombination(a, x, k, out);
        }
        @Override public void diagonalCombination(double[][] w, double[][] x, int k, double[] out) {
            d.diagonalCombination(w, x, k, out);
        }
        @Override public void complexDiagonalCombination(double[][] w, double[][] x, int k, double[] out) {
            d.complexDiagonalCombination(w, x, k, out);
        }
        @Override public void denseCombination(double[][] w, double[][] x, int k, double[] out) {
            d.denseCombination(w, x, k, out);
        }
        @Override public double maxAbs(double[] x) { return d.maxAbs(x); }
        @Override public double weightedRms(double[] x, double[] y, double atol, double rtol) {
            return d.weightedRms(x, y, atol, rtol);
        }
        @Override public double weightedRms(double[] x, double[] y, double[] atol, double rtol) {
            return d.weightedRms(x, y, atol, rtol);
        }
        @Override public double maxSampleRms(double[] x, double[] y, double s, double[] r, double a, double t, int m) {
            return d.maxSampleRms(x, y, s, r, a, t, m);
        }
    }
}
