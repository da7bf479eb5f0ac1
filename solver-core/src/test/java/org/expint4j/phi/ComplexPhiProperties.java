package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random properties of complex \( \varphi_k \) against the {@link BigPhi} oracle.
 *
 * <p><b>Tolerance.</b> The relative error \( |c - e|/|e| \) must be at most \( 10^{-14} \)
 * wherever \( \kappa = |e^z| / |z^k \varphi_k(z)| \le 5 \) (and for \( |z| \le 1 \)). The factor
 * \( \kappa \) is how much a relative error in \( e^z \) — at least half an ulp in any double
 * evaluation — is magnified in \( \varphi_k = (e^z - \sum_{j<k} z^j/j!)/z^k \); it is large only
 * next to the zeros of \( \varphi_k \) (\( k \ge 2 \)) in the right half-plane. There the bound
 * is \( 2 \cdot 10^{-15} \kappa \) (measured: at most \( 1.3 \cdot 10^{-15} \kappa \)), which no
 * double-precision evaluation of \( e^z \) can beat by more than a small factor.
 */
class ComplexPhiProperties {

    /** Relative tolerance where the problem is well conditioned. */
    private static final double TOL = 1e-14;

    /** Error per unit of \( \kappa \) allowed near zeros of \( \varphi_k \). */
    private static final double PER_KAPPA = 2e-15;

    /** Highest order checked. */
    private static final int P = 12;

    /** Points per instance. */
    private static final int POINTS = 25;

    /**
     * Magnitude ranges times directions times seeds.
     *
     * @return (direction, lo, hi, seed)
     */
    static Stream<Arguments> cases() {
        final double[][] mags = {{1e-300, 1e-6}, {1e-6, 1.0}, {1.0, 30.0}, {30.0, 1e3}, {1e3, 1e4}};
        final String[] dirs = {"any", "imaginary", "left", "right"};
        final Stream.Builder<Arguments> b = Stream.builder();
        long seed = 2000;
        for (String d : dirs) {
            for (double[] m : mags) {
                for (int s = 0; s < 2; s++) {
                    b.add(Arguments.of(d, m[0], m[1], seed++));
                }
            }
        }
        return b.build();
    }

    /**
     * Draws a point: modulus log-uniform in [lo, hi], argument by direction: uniform, within
     * \( 10^{-3} \) rad of the imaginary axis, in the left or the right half-plane. The real part
     * is capped at 700 so that \( e^z \) is finite.
     *
     * @param r generator
     * @param dir direction name
     * @param lo lowest modulus
     * @param hi highest modulus
     * @return {re, im}
     */
    static double[] draw(SplittableRandom r, String dir, double lo, double hi) {
        final double m = PhiProperties.logUniform(r, lo, hi);
        final double u = r.nextDouble();
        final double theta;
        switch (dir) {
            case "imaginary":
                theta = (r.nextBoolean() ? 0.5 : -0.5) * Math.PI + 2e-3 * (u - 0.5);
                break;
            case "left":
                theta = 0.5 * Math.PI + Math.PI * u;
                break;
            case "right":
                theta = -0.5 * Math.PI + Math.PI * u;
                break;
            default:
                theta = 2 * Math.PI * u;
        }
        return new double[] {Math.min(700.0, m * Math.cos(theta)), m * Math.sin(theta)};
    }

    @ParameterizedTest(name = "{0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("cases")
    void relativeErrorBelowTolerance(String dir, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[] out = new double[2 * P + 2];
        final MathContext mc = new MathContext(20);
        for (int t = 0; t < POINTS; t++) {
            final double[] z = draw(r, dir, lo, hi);
            Phi.phiComplex(z[0], z[1], out);
            final double mod = Math.hypot(z[0], z[1]);
            for (int k = 0; k <= P; k++) {
                final BigDecimal[] exact = BigPhi.phi(k, z[0], z[1]);
                final double err = BigPhi.relativeError(out[2 * k], out[2 * k + 1], exact);
                // In logarithms: e^z may underflow.
                final double kappa = mod <= 1 || k == 0 ? 1.0 : Math.pow(10.0, z[0] / Math.log(10.0)
                    - k * Math.log10(mod) - BigPhi.log10(BigPhi.abs(exact, mc)));
                final double bound = Math.max(TOL, PER_KAPPA * kappa);
                assertTrue(err <= bound, "seed " + seed + ", z = " + z[0] + " + " + z[1] + "i, k = " + k
                    + ": relative error " + err + " (kappa " + kappa + ", bound " + bound + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("cases")
    void consistencyAcrossEntryPoints(String dir, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = 40;
        final double[] zs = new double[2 * n];
        for (int i = 0; i < n; i++) {
            final double[] z = draw(r, dir, lo, hi);
            zs[2 * i] = z[0];
            zs[2 * i + 1] = z[1];
        }
        final double[][] rows = new double[P + 1][2 * n];
        Phi.phiComplex(zs, rows);
        final double[] all = new double[2 * P + 2];
        final double[] conj = new double[2 * P + 2];
        for (int i = 0; i < n; i++) {
            final double re = zs[2 * i];
            final double im = zs[2 * i + 1];
            Phi.phiComplex(re, im, all);
            Phi.phiComplex(re, -im, conj);
            for (int k = 0; k <= P; k++) {
                final double[] single = new double[2 * k + 2];
                Phi.phiComplex(re, im, single);
                final String at = "seed " + seed + ", z = " + re + " + " + im + "i, k = " + k;
                assertEquals(bits(all[2 * k]), bits(single[2 * k]), at + ": re depends on the array length");
                assertEquals(bits(all[2 * k + 1]), bits(single[2 * k + 1]), at + ": im depends on the array length");
                assertEquals(bits(all[2 * k]), bits(rows[k][2 * i]), at + ": array version re differs");
                assertEquals(bits(all[2 * k + 1]), bits(rows[k][2 * i + 1]), at + ": array version im differs");
                // cos is even and sin odd in Java's libm, and nothing else sees the sign of im.
                assertEquals(bits(all[2 * k]), bits(conj[2 * k]), at + ": phi(conj z) is not conj phi(z)");
                assertEquals(bits(-all[2 * k + 1]), bits(conj[2 * k + 1]), at + ": phi(conj z) is not conj phi(z)");
            }
        }
    }

    /**
     * \( \varphi_1(2z) = \tfrac12(e^z + 1)\varphi_1(z) \); measured against the size of the
     * right-hand terms, \( \tfrac12(|e^z| + 1)|\varphi_1(z)| \), since \( e^z + 1 \) cancels
     * near \( z = i\pi(2n+1) \).
     */
    @ParameterizedTest(name = "{0}, |z| in [{1}, {2}], seed {3}")
    @MethodSource("cases")
    void doublingIdentity(String dir, double lo, double hi, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final double[] a = new double[4];
        final double[] b = new double[4];
        for (int t = 0; t < 4 * POINTS; t++) {
            final double[] z = draw(r, dir, lo, Math.min(hi, 700.0));
            z[0] = Math.min(z[0], 350.0);
            Phi.phiComplex(z[0], z[1], a);
            Phi.phiComplex(2 * z[0], 2 * z[1], b);
            final double er = a[0] + 1.0;
            final double rr = 0.5 * (er * a[2] - a[1] * a[3]);
            final double ri = 0.5 * (er * a[3] + a[1] * a[2]);
            final double scale = 0.5 * (Math.hypot(a[0], a[1]) + 1.0) * Math.hypot(a[2], a[3]);
            final double diff = Math.hypot(b[2] - rr, b[3] - ri);
            assertTrue(diff <= 1e-15 * scale, "seed " + seed + ", z = " + z[0] + " + " + z[1]
                + "i, k = 1: doubling identity off by " + diff / scale);
        }
    }

    /**
     * Raw bits of a double.
     *
     * @param v value
     * @return its bits
     */
    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }
}
