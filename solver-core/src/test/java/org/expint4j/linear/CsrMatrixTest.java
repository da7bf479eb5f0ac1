package org.expint4j.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CsrMatrix}: construction, products against the dense definition, symmetry, bad input. */
class CsrMatrixTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 20).mapToObj(i -> 0xc5a0L + 31 * i);
    }

    /** Same sum order as the dense row loop over the stored entries: equal bit for bit. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void applyMatchesDenseRowSums(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = 1 + rnd.nextInt(60);
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextInt(4) == 0) {
                    a[i][j] = rnd.nextDouble(-5, 5);
                }
            }
        }
        final CsrMatrix m = CsrMatrix.fromDense(a);
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        final double[] out = new double[n];
        m.apply(v, out);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0) {
                    s += a[i][j] * v[j];
                }
            }
            assertEquals(s, out[i], 0.0, "seed " + seed + ", row " + i);
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a[i], m.toDense()[i], 0.0, "seed " + seed + ", row " + i);
        }
    }

    /** Triplets in random order with duplicates give the summed matrix; symmetry is detected. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tripletsSumDuplicatesAndDetectSymmetry(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = 2 + rnd.nextInt(30);
        final int t = 4 * n;
        final int[] r = new int[2 * t];
        final int[] c = new int[2 * t];
        final double[] v = new double[2 * t];
        final double[][] dense = new double[n][n];
        for (int k = 0; k < t; k++) {
            r[2 * k] = rnd.nextInt(n);
            c[2 * k] = rnd.nextInt(n);
            // Small integers: sums are exact in any order.
            v[2 * k] = rnd.nextInt(-8, 9);
            r[2 * k + 1] = c[2 * k];
            c[2 * k + 1] = r[2 * k];
            v[2 * k + 1] = v[2 * k];
            dense[r[2 * k]][c[2 * k]] += v[2 * k];
            dense[c[2 * k]][r[2 * k]] += v[2 * k];
        }
        final CsrMatrix m = CsrMatrix.fromTriplets(n, r, c, v);
        assertTrue(m.isSymmetric(), "seed " + seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(dense[i][j], m.get(i, j), 0.0, "seed " + seed + " (" + i + ", " + j + ")");
            }
        }
        final double[][] skewed = m.toDense();
        skewed[0][n - 1] += 1;
        assertFalse(CsrMatrix.fromDense(skewed).isSymmetric(), "seed " + seed);
    }

    @Test
    void normOneIsLargestColumnSum() {
        final CsrMatrix m = CsrMatrix.fromDense(new double[][] {{1, -4}, {-2, 3}});
        assertEquals(7, m.normOne(), 0.0);
        assertEquals(4, m.nonZeros());
    }

    @Test
    void badInputIsNamed() {
        final String nan = assertThrows(IllegalArgumentException.class,
            () -> new CsrMatrix(2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, Double.NaN})).getMessage();
        assertTrue(nan.contains("A[1][1] = NaN"), nan);
        final String col = assertThrows(IllegalArgumentException.class,
            () -> new CsrMatrix(2, new int[] {0, 1, 2}, new int[] {0, 2}, new double[] {1, 1})).getMessage();
        assertTrue(col.contains("columns[1] = 2"), col);
        final String order = assertThrows(IllegalArgumentException.class,
            () -> new CsrMatrix(2, new int[] {0, 2, 2}, new int[] {1, 1}, new double[] {1, 1})).getMessage();
        assertTrue(order.contains("strictly increasing"), order);
        final String rows = assertThrows(IllegalArgumentException.class,
            () -> new CsrMatrix(3, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 1})).getMessage();
        assertTrue(rows.contains("rowStart has length 3, expected n + 1 = 4"), rows);
        final String last = assertThrows(IllegalArgumentException.class,
            () -> new CsrMatrix(2, new int[] {0, 1, 1}, new int[] {0, 1}, new double[] {1, 1})).getMessage();
        assertTrue(last.contains("rowStart[n] = rowStart[2] = 1"), last);
        final String square = assertThrows(IllegalArgumentException.class,
            () -> CsrMatrix.fromDense(new double[][] {{1, 2}})).getMessage();
        assertTrue(square.contains("square"), square);
        final String inf = assertThrows(IllegalArgumentException.class,
            () -> CsrMatrix.fromDense(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}})).getMessage();
        assertTrue(inf.contains("A[0][1] = Infinity"), inf);
        final String trip = assertThrows(IllegalArgumentException.class,
            () -> CsrMatrix.fromTriplets(2, new int[] {0}, new int[] {5}, new double[] {1})).getMessage();
        assertTrue(trip.contains("(0, 5)"), trip);
        final CsrMatrix m = CsrMatrix.fromDense(new double[][] {{1, 2}, {3, 4}});
        final String size = assertThrows(IllegalArgumentException.class,
            () -> m.apply(new double[3], new double[2])).getMessage();
        assertTrue(size.contains("dimension 2 applied to v of length 3"), size);
        final double[] same = new double[2];
        assertThrows(IllegalArgumentException.class, () -> m.apply(same, same));
    }

    @Test
    void applyAllocatesNothing() {
        final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported());
        final int n = 500;
        final int[] r = new int[3 * n];
        final int[] c = new int[3 * n];
        final double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int d = -1; d <= 1; d++) {
                r[3 * i + d + 1] = i;
                c[3 * i + d + 1] = Math.floorMod(i + d, n);
                v[3 * i + d + 1] = d == 0 ? -2 : 1;
            }
        }
        final CsrMatrix m = CsrMatrix.fromTriplets(n, r, c, v);
        final double[] x = new double[n];
        final double[] y = new double[n];
        java.util.Arrays.fill(x, 1);
        for (int i = 0; i < 2000; i++) {
            m.apply(x, y);
        }
        // Reading the counter may itself allocate; measure that and subtract it.
        final long probe0 = bean.getCurrentThreadAllocatedBytes();
        final long probe1 = bean.getCurrentThreadAllocatedBytes();
        final long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 500; i++) {
            m.apply(x, y);
        }
        final long after = bean.getCurrentThreadAllocatedBytes();
        assertEquals(0, after - before - (probe1 - probe0), "bytes allocated by 500 products");
    }
}
