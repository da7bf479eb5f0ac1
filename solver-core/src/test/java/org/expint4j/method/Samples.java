package org.expint4j.method;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/** Seeds and random scalar arguments shared by the property tests of this package. */
final class Samples {

    /** The largest \(|z|\) drawn: far into the stiff regime, like the default samples. */
    static final double MAX_ABS_Z = 1000;

    private Samples() {
    }

    /** @return the seeds of the property tests */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12).map(i -> 0x9E3779B97F4A7C15L * i + 0x2545F4914F6CDD1DL);
    }

    /**
     * @param rnd the generator
     * @param n how many
     * @return {@code n} arguments in \([-\)MAX_ABS_Z\(, 1]\), log-uniform in magnitude on the
     *     negative side so that small and large \(|z|\) are both drawn
     */
    static double[] random(SplittableRandom rnd, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextInt(8) == 0
                    ? rnd.nextDouble(0.05, 1.0)
                    : -Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(MAX_ABS_Z)));
        }
        return z;
    }

    /**
     * @param rnd the generator
     * @param n how many random arguments to add
     * @return the default samples of {@link OrderConditions} followed by {@code n} random ones
     */
    static double[] withDefaults(SplittableRandom rnd, int n) {
        return DoubleStream.concat(Arrays.stream(OrderConditions.defaultSamples()),
                Arrays.stream(random(rnd, n))).toArray();
    }
}
