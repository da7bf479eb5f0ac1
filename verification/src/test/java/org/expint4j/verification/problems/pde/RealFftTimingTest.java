package org.expint4j.verification.problems.pde;

import java.util.Locale;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quick comparison quoted in {@link RealFft}'s Javadoc: forward plus inverse transform of
 * random data, ours against Commons Math's {@link FastFourierTransformer}, best of several timed
 * batches after warm-up, and bytes allocated per pair. Prints a table; asserts nothing about speed
 * (machines differ). Run with {@code -Dgroups=slow -Dtest=RealFftTimingTest}.
 */
@Tag("slow")
class RealFftTimingTest {

    private static volatile double sink;

    @Test
    void compareWithCommonsMath() {
        System.out.println("     n   ours ns   CM ns   ours B/pair   CM B/pair");
        for (int n : new int[] {128, 256, 1024, 4096}) {
            double[] x = RealFftProperties.random(n, 42);
            RealFft fft = new RealFft(n);
            double[] data = new double[n + 2];
            FastFourierTransformer cm = new FastFourierTransformer(DftNormalization.STANDARD);
            Runnable ours = () -> {
                System.arraycopy(x, 0, data, 0, n);
                fft.forward(data);
                fft.inverse(data);
                sink += data[1];
            };
            Runnable theirs = () -> {
                Complex[] c = cm.transform(x, TransformType.FORWARD);
                Complex[] back = cm.transform(c, TransformType.INVERSE);
                sink += back[1].getReal();
            };
            double oursBytes = Allocations.perCall(ours);
            double theirBytes = Allocations.perCall(theirs);
            System.out.printf(Locale.ROOT, "%6d %9.0f %7.0f %13.0f %11.0f%n", n, nanos(ours), nanos(theirs),
                    oursBytes, theirBytes);
        }
    }

    private static double nanos(Runnable action) {
        int calls = 2000;
        double best = Double.POSITIVE_INFINITY;
        for (int batch = 0; batch < 15; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                action.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) calls);
        }
        return best;
    }
}
