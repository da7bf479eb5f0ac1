package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real FFT against a naive DFT (whose own error is about \(n\,\epsilon\,\|x\|_1\), hence the
 * tolerance) and against Commons Math, on seeded random data.
 */
class RealFftProperties {

    /** Lengths 2 to 1024, three seeds each. */
    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(1, 10).boxed()
                .flatMap(p -> LongStream.rangeClosed(1, 3).mapToObj(i -> Arguments.of(1 << p, 0x9E3779B97F4A7C15L * i)));
    }

    static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }

    /** Naive DFT, angles reduced modulo n in integers so that they stay exact. */
    static double[] naive(double[] x) {
        int n = x.length;
        double[] out = new double[n + 2];
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double angle = 2 * Math.PI * (((long) j * k) % n) / n;
                re += x[j] * Math.cos(angle);
                im -= x[j] * Math.sin(angle);
            }
            out[2 * k] = re;
            out[2 * k + 1] = im;
        }
        return out;
    }

    static double l1(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    @ParameterizedTest(name = "n={0} seed={1}")
    @MethodSource("cases")
    void forwardMatchesTheNaiveDft(int n, long seed) {
        double[] x = random(n, seed);
        double[] expected = naive(x);
        double[] data = new double[n + 2];
        System.arraycopy(x, 0, data, 0, n);
        new RealFft(n).forward(data);
        double tolerance = 4 * n * Math.ulp(1.0) * l1(x);
        for (int i = 0; i < n + 2; i++) {
            assertEquals(expected[i], data[i], tolerance, "n=" + n + " seed=" + seed + " entry " + i);
        }
        assertEquals(0.0, data[1], "n=" + n + " seed=" + seed + ": Im X_0 must be exactly 0");
        assertEquals(0.0, data[n + 1], "n=" + n + " seed=" + seed + ": Im X_{n/2} must be exactly 0");
    }

    @ParameterizedTest(name = "n={0} seed={1}")
    @MethodSource("cases")
    void forwardMatchesCommonsMath(int n, long seed) {
        double[] x = random(n, seed);
        Complex[] reference = new FastFourierTransformer(DftNormalization.STANDARD).transform(x, TransformType.FORWARD);
        double[] ours = new double[n + 2];
        new RealFft(n).forward(x, ours);
        // Both are O(eps log n) accurate; allow a few ulps of the data scale per level.
        double tolerance = 8 * (1 + Math.log(n) / Math.log(2)) * Math.ulp(1.0) * l1(x);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(reference[k].getReal(), ours[2 * k], tolerance, "n=" + n + " seed=" + seed + " Re X_" + k);
            assertEquals(reference[k].getImaginary(), ours[2 * k + 1], tolerance,
                    "n=" + n + " seed=" + seed + " Im X_" + k);
        }
    }

    @ParameterizedTest(name = "n={0} seed={1}")
    @MethodSource("cases")
    void inverseUndoesForward(int n, long seed) {
        double[] x = random(n, seed);
        RealFft fft = new RealFft(n);
        double[] data = new double[n + 2];
        fft.forward(x, data);
        double[] back = new double[n];
        fft.inverse(data, back);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], back[i], 8 * (1 + Math.log(n)) * Math.ulp(1.0), "n=" + n + " seed=" + seed + " x_" + i);
        }
        // In place as well, and the out-of-place inverse left its input alone.
        fft.inverse(data);
        for (int i = 0; i < n; i++) {
            assertEquals(back[i], data[i], 0.0, "n=" + n + " seed=" + seed + ": in place and out of place differ");
        }
    }

    @ParameterizedTest(name = "n={0} seed={1}")
    @MethodSource("cases")
    void inverseIgnoresTheImaginaryPartsThatRealDataCannotHave(int n, long seed) {
        double[] x = random(n, seed);
        RealFft fft = new RealFft(n);
        double[] data = new double[n + 2];
        fft.forward(x, data);
        double[] clean = new double[n];
        fft.inverse(data, clean);
        data[1] = 123.0;
        data[n + 1] = -7.0;
        double[] dirty = new double[n];
        fft.inverse(data, dirty);
        assertEquals(java.util.Arrays.toString(clean), java.util.Arrays.toString(dirty), "seed=" + seed);
    }

    @Test
    void transformsOfSingleModesAreExact() {
        // x_j = cos(2 pi 3 j / 16) has X_3 = X_13 = 8 and nothing else.
        int n = 16;
        double[] data = new double[n + 2];
        for (int j = 0; j < n; j++) {
            data[j] = Math.cos(2 * Math.PI * 3 * j / n);
        }
        new RealFft(n).forward(data);
        for (int k = 0; k <= n / 2; k++) {
            assertEquals(k == 3 ? 8.0 : 0.0, data[2 * k], 1e-14, "Re X_" + k);
            assertEquals(0.0, data[2 * k + 1], 1e-14, "Im X_" + k);
        }
    }

    @Test
    void transformsAllocateNothing() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Allocations.supported(), "no per-thread allocation counter");
        int n = 256;
        RealFft fft = new RealFft(n);
        double[] x = random(n, 7);
        double[] data = new double[n + 2];
        double[] values = new double[n];
        double bytes = Allocations.perCall(() -> {
            fft.forward(x, data);
            fft.inverse(data, values);
            fft.forward(data);
            fft.inverse(data);
        });
        assertEquals(0.0, bytes, "bytes allocated per forward/inverse round");
    }

    @Test
    void rejectsBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(0));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(1));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(12));
        RealFft fft = new RealFft(8);
        assertThrows(IllegalArgumentException.class, () -> fft.forward(new double[9]));
        assertThrows(IllegalArgumentException.class, () -> fft.inverse(new double[10], new double[7]));
        assertTrue(fft.coefficientCount() == 5 && fft.length() == 8);
    }
}
