package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

/** Edge cases, special values and argument checking of {@link Phi}. */
class PhiTest {

    /** Relative tolerance, as in {@link PhiProperties}. */
    private static final double TOL = 1e-14;

    /**
     * \( 1/k! \) correctly rounded, from the oracle.
     *
     * @param k order
     * @return \( 1/k! \)
     */
    private static double inverseFactorial(int k) {
        return BigPhi.phi(k, 0.0).doubleValue();
    }

    @Test
    void zeroGivesInverseFactorialExactly() {
        for (int k = 0; k <= 25; k++) {
            assertEquals(inverseFactorial(k), Phi.phi(k, 0.0), "z = 0, k = " + k);
            assertEquals(inverseFactorial(k), Phi.phi(k, -0.0), "z = -0, k = " + k);
        }
        final double[] c = new double[2 * 9];
        Phi.phiComplex(0.0, 0.0, c);
        for (int k = 0; k < 9; k++) {
            assertEquals(inverseFactorial(k), c[2 * k], "complex z = 0, k = " + k);
            assertEquals(0.0, c[2 * k + 1], "complex z = 0, k = " + k);
        }
    }

    @Test
    void tinyAndSubnormalArguments() {
        final double[] zs = {1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
            Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-310, -2.5e-320, 1e-17, -1e-17};
        for (double z : zs) {
            for (int k = 0; k <= 12; k++) {
                final double err = BigPhi.relativeError(Phi.phi(k, z), BigPhi.phi(k, z));
                assertTrue(err <= TOL, "z = " + z + ", k = " + k + ": relative error " + err);
                final double[] c = new double[2 * k + 2];
                Phi.phiComplex(z, z, c);
                final double errC = BigPhi.relativeError(c[2 * k], c[2 * k + 1], BigPhi.phi(k, z, z));
                assertTrue(errC <= TOL, "complex z = " + z + "(1 + i), k = " + k + ": relative error " + errC);
            }
        }
    }

    @Test
    void infinitiesAndNaN() {
        for (int k = 0; k <= 10; k++) {
            assertEquals(0.0, Phi.phi(k, Double.NEGATIVE_INFINITY), "z = -inf, k = " + k);
            assertEquals(Double.POSITIVE_INFINITY, Phi.phi(k, Double.POSITIVE_INFINITY), "z = +inf, k = " + k);
            assertTrue(Double.isNaN(Phi.phi(k, Double.NaN)), "z = NaN, k = " + k);
        }
        final double[] c = new double[6];
        Phi.phiComplex(Double.NEGATIVE_INFINITY, 3.0, c);
        for (double v : c) {
            assertEquals(0.0, v, "complex z = -inf + 3i");
        }
        Phi.phiComplex(Double.NaN, 1.0, c);
        for (double v : c) {
            assertTrue(Double.isNaN(v), "complex z = NaN + i");
        }
        Phi.phiComplex(1.0, Double.POSITIVE_INFINITY, c);
        for (double v : c) {
            assertTrue(Double.isNaN(v), "complex z = 1 + inf i");
        }
    }

    /**
     * Beyond \( \ln(\mathrm{MAX\_VALUE}) \): exactly \( +\infty \) where the exact value overflows,
     * the accurate finite value where it does not, never NaN.
     */
    @Test
    void largePositiveArguments() {
        final double[] zs = {700.0, 709.7, 709.9, 710.0, 712.5, 716.0, 720.0, 750.0, 800.0, 1000.0, 1500.0, 3000.0};
        final BigDecimal max = new BigDecimal(Double.MAX_VALUE);
        for (double z : zs) {
            for (int k = 0; k <= 40; k++) {
                final double v = Phi.phi(k, z);
                final BigDecimal exact = BigPhi.phi(k, z);
                if (exact.compareTo(max) > 0) {
                    assertEquals(Double.POSITIVE_INFINITY, v, "z = " + z + ", k = " + k + ": exact value overflows");
                } else {
                    final double err = BigPhi.relativeError(v, exact);
                    assertTrue(err <= TOL, "z = " + z + ", k = " + k + ": relative error " + err);
                }
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, Phi.phi(13, 800.0), "phi_13(800) overflows");
        assertTrue(Double.isFinite(Phi.phi(14, 800.0)), "phi_14(800) is finite");
        assertTrue(Double.isFinite(Phi.phi(1, 710.0)), "phi_1(710) is finite");
        // Orders beyond the recurrence at z > 709: the value underflows; the oracle agrees.
        assertEquals(0.0, Phi.phi(400, 720.0), "phi_400(720)");
        assertTrue(BigPhi.phi(400, 720.0).compareTo(new BigDecimal(Double.MIN_VALUE)) < 0, "oracle phi_400(720)");
    }

    @Test
    void highOrdersStayAccurate() {
        final double[] zs = {-1e6, -300.0, -45.0, -7.5, -0.3, 0.3, 7.5, 45.0, 300.0, 700.0};
        final int[] ks = {25, 30, 50, 100};
        for (double z : zs) {
            for (int k : ks) {
                final double err = BigPhi.relativeError(Phi.phi(k, z), BigPhi.phi(k, z));
                assertTrue(err <= TOL, "z = " + z + ", k = " + k + ": relative error " + err);
            }
        }
    }

    /** The regime where the naive recurrence loses everything: \( 10^{-8} \le |z| \le 10^{-2} \). */
    @Test
    void noCancellationAtSmallArguments() {
        final MathContext mc = new MathContext(20);
        for (double z : new double[] {-1e-2, -1e-4, -1e-6, -1e-8, 1e-3}) {
            for (int k = 1; k <= 8; k++) {
                final BigDecimal exact = BigPhi.phi(k, z);
                final double err = BigPhi.relativeError(Phi.phi(k, z), exact);
                assertTrue(err <= 4 * Math.ulp(1.0), "z = " + z + ", k = " + k + ": relative error " + err
                    + " (exact " + exact.round(mc) + ")");
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        final IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> Phi.phi(-1, 0.5));
        assertTrue(e1.getMessage().contains("k = -1"), e1.getMessage());
        final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(0.5, new double[0]));
        assertTrue(e2.getMessage().contains("length 0"), e2.getMessage());
        final IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phiComplex(0.5, 0.5, new double[3]));
        assertTrue(e3.getMessage().contains("length 3"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Phi.phiComplex(0.5, 0.5, new double[0]));
        final IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(new double[4], new double[][] {new double[4], new double[5]}));
        assertTrue(e4.getMessage().contains("out[1]") && e4.getMessage().contains("4")
            && e4.getMessage().contains("length 5"), e4.getMessage());
        final IllegalArgumentException e5 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(new double[4], new double[0][]));
        assertTrue(e5.getMessage().contains("0 rows"), e5.getMessage());
        final IllegalArgumentException e6 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phiComplex(new double[5], new double[][] {new double[5]}));
        assertTrue(e6.getMessage().contains("length 5"), e6.getMessage());
        final IllegalArgumentException e7 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phiComplex(new double[4], new double[][] {new double[4], new double[2]}));
        assertTrue(e7.getMessage().contains("out[1]") && e7.getMessage().contains("length 2"), e7.getMessage());
    }

    /**
     * Issue 19: beyond order 179, \( 1/k! \) is below the table of inverse factorials; the
     * recurrence must read it as the zero it rounds to rather than index past the table. At
     * \( z = -10^5 \) the value underflows (\( \approx 1/(199!\,10^5) \)), at \( z = 700 \) it is
     * a normal number near \( 10^{-265} \); both against the oracle.
     */
    @Test
    void phiOfOrder200AtMinus1e5() {
        final double[][] cases = {{200, -1e5}, {180, -1e5}, {200, -500.0}, {250, -1e4},
            {200, 700.0}, {300, 700.0}, {185, 400.0}};
        for (double[] c : cases) {
            final int k = (int) c[0];
            final double z = c[1];
            final double v = Phi.phi(k, z);
            final double err = BigPhi.relativeError(v, BigPhi.phi(k, z));
            assertTrue(err <= TOL, "z = " + z + ", k = " + k + ": " + v + ", relative error " + err);
            assertTrue(v >= 0 && 1 / v > 0, "z = " + z + ", k = " + k + ": phi is positive, got " + v);
            final double[] all = new double[k + 1];
            Phi.phi(z, all);
            assertEquals(v, all[k], "z = " + z + ", k = " + k + ": array entry point");
        }
    }

    /** Issue 19: an order above {@link Phi#MAX_ORDER} is refused before anything is allocated. */
    @Test
    void phiOfOrderIntegerMaxValueAt2() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(Integer.MAX_VALUE, 2.0));
        assertTrue(e.getMessage().contains("k = " + Integer.MAX_VALUE)
            && e.getMessage().contains(String.valueOf(Phi.MAX_ORDER)), e.getMessage());
        assertTrue(Double.isFinite(Phi.phi(Phi.MAX_ORDER, 2.0)), "the maximum order itself is accepted");
        assertThrows(IllegalArgumentException.class, () -> Phi.phi(Phi.MAX_ORDER + 1, 2.0));
        final IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(2.0, new double[Phi.MAX_ORDER + 2]));
        assertTrue(e2.getMessage().contains("k = " + (Phi.MAX_ORDER + 1)), e2.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> Phi.phiComplex(2.0, 1.0, new double[2 * Phi.MAX_ORDER + 4]));
        assertThrows(IllegalArgumentException.class,
            () -> Phi.phi(new double[1], new double[Phi.MAX_ORDER + 2][1]));
        assertThrows(IllegalArgumentException.class,
            () -> Phi.phiComplex(new double[2], new double[Phi.MAX_ORDER + 2][2]));
    }

    @Test
    void emptyDiagonalIsFine() {
        final double[][] out = new double[3][0];
        Phi.phi(new double[0], out);
        Phi.phiComplex(new double[0], out);
        assertEquals(0, out[2].length);
    }

    /** Complex \( \mathrm{Re}\, z > 709 \): \( e^z/z^k \) without intermediate overflow. */
    @Test
    void complexBeyondExpOverflow() {
        final double[][] zs = {{710.0, 100.0}, {712.0, -3000.0}, {709.5, 1e4}};
        final double[] out = new double[2 * 13];
        for (double[] z : zs) {
            Phi.phiComplex(z[0], z[1], out);
            for (int k = 1; k <= 12; k++) {
                final double err = BigPhi.relativeError(out[2 * k], out[2 * k + 1], BigPhi.phi(k, z[0], z[1]));
                assertTrue(err <= TOL, "z = " + z[0] + " + " + z[1] + "i, k = " + k + ": relative error " + err);
            }
        }
    }

    /** The step-size-loop entry points allocate nothing, in every regime. */
    @Test
    void outputArrayEntryPointsDoNotAllocate() {
        final java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return; // allocation counters not available on this JVM
        }
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        final double[] zs = {0.0, 1e-3, -0.7, -5.0, 20.0, -300.0, 650.0, 720.0, Double.NaN};
        final double[] out = new double[13];
        final double[] outC = new double[26];
        double sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            final long tid = Thread.currentThread().getId();
            final long before = mx.getThreadAllocatedBytes(tid);
            for (int rep = 0; rep < 2000; rep++) {
                for (double z : zs) {
                    Phi.phi(z, out);
                    Phi.phiComplex(z, 0.5 * z + 1e-3, outC);
                    sink += out[12] + outC[24];
                }
            }
            final long allocated = mx.getThreadAllocatedBytes(tid) - before;
            if (warm == 1) {
                assertEquals(0L, allocated, "bytes allocated by 36000 calls (sink " + sink + ")");
            }
        }
    }

    /**
     * Next to the zero \( z_0 \approx 2.66407 + 13.87906i \) of \( \varphi_2 \) (a root of
     * \( e^z = 1 + z \)) the relative error grows like \( \kappa = |e^z|/|z^2\varphi_2(z)| \):
     * measured error/\( \kappa \) is \( 0.3 \)–\( 1 \) ulp, i.e. no more than the rounding of
     * \( e^z \) itself causes. This is why the complex guarantee is stated with \( \kappa \).
     */
    @Test
    void nearZerosTheErrorTracksKappa() {
        final double x0 = 2.664068142429071;
        final double y0 = 13.87905600274681;
        final double[] out = new double[6];
        final MathContext mc = new MathContext(20);
        for (double d : new double[] {1e-2, 1e-4, 1e-6}) {
            final double x = x0 + d;
            Phi.phiComplex(x, y0, out);
            final BigDecimal[] exact = BigPhi.phi(2, x, y0);
            final double err = BigPhi.relativeError(out[4], out[5], exact);
            final double kappa = Math.exp(x) / (x * x + y0 * y0) / BigPhi.abs(exact, mc).doubleValue();
            assertTrue(kappa > 50, "distance " + d + ": kappa " + kappa + " (the point is near a zero)");
            assertTrue(err <= 2e-15 * kappa, "distance " + d + ", k = 2: relative error " + err + ", kappa " + kappa);
        }
    }
}
