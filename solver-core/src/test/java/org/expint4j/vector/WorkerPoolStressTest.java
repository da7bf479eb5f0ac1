package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Back-to-back parallel calls must not overlap. A worker still scanning for chunks of one call
 * could claim a chunk of the next one (seen once as a failure of ParallelConsistencyProperties
 * under load), so the caller returned before every chunk had run. The window is narrow: this test
 * exercises it with many short calls but did not reproduce it deterministically; the fix is
 * argued in {@code WorkerPool.tryInvoke}.
 */
class WorkerPoolStressTest {

    @Test
    void backToBackReductionsMatchSerial() {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-1, 1);
            y[i] = random.nextDouble(-1, 1);
        }
        double expected = DoubleVectorOps.serial().maxSampleRms(x, y, 0.9, x, 1e-3, 1e-2, 8);
        try (DoubleVectorOps parallel = new DoubleVectorOps(3, 64)) {
            for (int call = 0; call < 20_000; call++) {
                double got = parallel.maxSampleRms(x, y, 0.9, x, 1e-3, 1e-2, 8);
                assertEquals(expected, got, 0.0, "seed " + seed + ", call " + call);
            }
        }
    }
}
