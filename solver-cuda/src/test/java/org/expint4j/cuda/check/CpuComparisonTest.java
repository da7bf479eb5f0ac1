package org.expint4j.cuda.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.api.Test;

/**
 * The comparison harness of the GPU check, run here on two CPU backends (serial and
 * multi-threaded, which agree bit for bit by contract), so that the harness is known to work
 * before it first meets a GPU.
 */
class CpuComparisonTest {

    @Test
    void harnessRunsEveryComparisonOnTwoCpuBackends() {
        final int n = 5006;
        try (DoubleVectorOps threaded = new DoubleVectorOps(2, 64);
             FloatVectorOps threadedF = new FloatVectorOps(2, 64)) {
            final List<CpuComparison.Result> d = new CpuComparison(n, 7).run(DoubleVectorOps.serial(), threaded, "f64");
            final List<CpuComparison.Result> f = new CpuComparison(n, 7).run(FloatVectorOps.serial(), threadedF, "f32");
            assertEquals(d.size(), f.size());
            assertTrue(d.size() > 50, "only " + d.size() + " comparisons");
            for (CpuComparison.Result r : d) {
                assertTrue(r.identical(), r.toString());
            }
            for (CpuComparison.Result r : f) {
                assertTrue(r.identical(), r.toString());
            }
        }
    }

    @Test
    void differenceCountsUlpsInThePrecision() {
        final CpuComparison.Result d = CpuComparison.difference("x", "f64", new double[] {1, 2, Double.NaN},
            new double[] {1 + 0x1p-52, 2, Double.NaN});
        assertFalse(d.identical());
        assertEquals(1.0, d.maxUlps());
        final CpuComparison.Result f = CpuComparison.difference("x", "f32", new double[] {1}, new double[] {1 + 0x1p-22});
        assertEquals(2.0, f.maxUlps());
        assertTrue(CpuComparison.difference("x", "f32", new double[] {-0.0}, new double[] {-0.0}).identical());
        assertFalse(CpuComparison.difference("x", "f64", new double[] {-0.0}, new double[] {0.0}).identical());
        assertTrue(Double.isNaN(CpuComparison.difference("x", "f64", new double[] {1}, new double[] {Double.NaN})
            .maxUlps()));
    }
}
