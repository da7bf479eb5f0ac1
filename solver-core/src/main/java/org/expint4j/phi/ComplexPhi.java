package org.expint4j.phi;

import java.util.Arrays;

/**
 * The complex-argument algorithms behind {@link Phi#phiComplex(double, double, double[])}.
 * Complex numbers are pairs of doubles; results go to interleaved arrays, so nothing is
 * allocated.
 *
 * <p>The scheme mirrors the real one: Taylor series for \( |z| \le R \); for larger \( |z| \),
 * \( \varphi_1 = \mathrm{expm1}(z)/z \) with an accurate complex {@code expm1} and the upward
 * recurrence for the orders \( k \) with \( |z| \ge \) {@code A + B k}, where errors contract;
 * scaling and doubling for the remaining orders.
 */
final class ComplexPhi {

    /** Complex recurrence threshold, constant part: see {@link Phi#NEG_A}. */
    static final double A = 0.0;
    /** Complex recurrence threshold, slope. */
    static final double B = 1.5;

    /** Utility class. */
    private ComplexPhi() {
    }

    /**
     * Fills {@code out[0..2p+1]} (interleaved) with \( \varphi_k(z) \), \( k = 0..p \). Every
     * entry depends only on \( (k, z) \).
     *
     * @param x real part of \( z \)
     * @param y imaginary part of \( z \)
     * @param out output, length at least {@code 2p + 2}
     * @param p the highest order
     */
    static void phi(double x, double y, double[] out, int p) {
        if (y == 0.0) {
            // The real axis: the real algorithm, spread out to interleaved storage.
            Phi.realPhi(x, out, p);
            for (int k = p; k >= 0; k--) {
                out[2 * k] = out[k];
                out[2 * k + 1] = 0.0;
            }
            return;
        }
        if (!(Math.abs(x) < Double.POSITIVE_INFINITY && Math.abs(y) < Double.POSITIVE_INFINITY)) {
            final double v = x == Double.NEGATIVE_INFINITY && !Double.isInfinite(y) && !Double.isNaN(y)
                ? 0.0 : Double.NaN;
            Arrays.fill(out, 0, 2 * p + 2, v);
            return;
        }
        final double ex = Math.exp(x);
        out[0] = ex * Math.cos(y);
        out[1] = ex * Math.sin(y);
        if (p == 0) {
            return;
        }
        final double a = Math.sqrt(x * x + y * y);
        if (a <= Phi.TAYLOR_RADIUS) {
            for (int k = 1; k <= p; k++) {
                taylor(k, x, y, out, 2 * k);
            }
            return;
        }
        final int kRec = recurrenceOrder(a);
        if (kRec < p) {
            scaledDoubling(x, y, out, p);
            out[0] = ex * Math.cos(y);
            out[1] = ex * Math.sin(y);
        }
        final int top = Math.min(p, kRec);
        // 1/z, scaled so that |z|^2 neither overflows nor underflows.
        final int e = Math.getExponent(Math.max(Math.abs(x), Math.abs(y)));
        final double xs = Math.scalb(x, -e);
        final double ys = Math.scalb(y, -e);
        final double d = xs * xs + ys * ys;
        final double ir = Math.scalb(xs / d, -e);
        final double ii = Math.scalb(-ys / d, -e);
        if (x > Phi.EXP_OVERFLOW_GUARD) {
            expOverPower(x, y, ir, ii, a, out, top);
            return;
        }
        expm1(x, y, out, 2);
        double fr = out[2];
        double fi = out[3];
        double gr = fr * ir - fi * ii;
        double gi = fr * ii + fi * ir;
        out[2] = gr;
        out[3] = gi;
        for (int j = 1; j < top; j++) {
            fr = gr - Phi.inverseFactorial(j);
            fi = gi;
            gr = fr * ir - fi * ii;
            gi = fr * ii + fi * ir;
            out[2 * j + 2] = gr;
            out[2 * j + 3] = gi;
        }
    }

    /**
     * The largest order served by the recurrence at modulus \( |z| > R \); at least 1.
     *
     * @param a \( |z| \)
     * @return the order
     */
    static int recurrenceOrder(double a) {
        final double t = (a - A) / B;
        return t < 1 ? 1 : t >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE - 1 : (int) t;
    }

    /**
     * Writes \( e^z - 1 \) to {@code out[at]}, {@code out[at+1]}, as
     * \( \mathrm{expm1}(x)\cos y - 2\sin^2(y/2) + i\, e^x \sin y \): the real part then has no
     * cancellation of its own near \( z = 0 \) or \( z = 2\pi i n \).
     *
     * @param x real part
     * @param y imaginary part
     * @param out output array
     * @param at index of the real part
     */
    static void expm1(double x, double y, double[] out, int at) {
        final double sh = Math.sin(0.5 * y);
        out[at] = Math.expm1(x) * Math.cos(y) - 2.0 * sh * sh;
        out[at + 1] = Math.exp(x) * Math.sin(y);
    }

    /**
     * Taylor series of \( \varphi_k(z) \), \( |z| \le R \), by Horner's rule.
     *
     * @param k the order, \( k \ge 1 \)
     * @param x real part
     * @param y imaginary part
     * @param out output array
     * @param at index of the real part
     */
    static void taylor(int k, double x, double y, double[] out, int at) {
        final int n = Phi.taylorTerms(k, Math.sqrt(x * x + y * y));
        double sr = 1.0;
        double si = 0.0;
        for (int j = n; j >= 1; j--) {
            final double tr = sr * x - si * y;
            final double ti = sr * y + si * x;
            sr = 1.0 + tr / (k + j);
            si = ti / (k + j);
        }
        final double c = Phi.inverseFactorial(k);
        out[at] = sr * c;
        out[at + 1] = si * c;
    }

    /**
     * Scaling and doubling, as for real arguments:
     * \( \varphi_j(2w) = 2^{-j}[(e^w + 1)\varphi_j(w) + \sum_{i=1}^{j-1} \varphi_i(w)/(j-i)!] \)
     * with \( \varphi_0 \), \( \varphi_1 \) taken fresh at each level.
     *
     * @param x real part of \( z \)
     * @param y imaginary part of \( z \)
     * @param out receives \( \varphi_2..\varphi_p \); entries 0..3 are left with scratch
     * @param p the highest order
     */
    private static void scaledDoubling(double x, double y, double[] out, int p) {
        double wr = x;
        double wi = y;
        while (Math.sqrt(wr * wr + wi * wi) > Phi.TAYLOR_RADIUS) {
            wr *= 0.5;
            wi *= 0.5;
        }
        levelStart(wr, wi, out);
        for (int j = 2; j <= p; j++) {
            taylor(j, wr, wi, out, 2 * j);
        }
        while (wr != x || wi != y) {
            final double er = out[0] + 1.0;
            final double ei = out[1];
            for (int j = p; j >= 2; j--) {
                double accr = 0.0;
                double acci = 0.0;
                for (int i = 1; i < j; i++) {
                    final double c = Phi.inverseFactorial(j - i);
                    if (c != 0.0) {
                        accr += out[2 * i] * c;
                        acci += out[2 * i + 1] * c;
                    }
                }
                final double pr = out[2 * j];
                final double pi = out[2 * j + 1];
                out[2 * j] = Math.scalb(er * pr - ei * pi + accr, -j);
                out[2 * j + 1] = Math.scalb(er * pi + ei * pr + acci, -j);
            }
            wr *= 2.0;
            wi *= 2.0;
            levelStart(wr, wi, out);
        }
    }

    /**
     * Writes \( e^w \) and \( \varphi_1(w) = \mathrm{expm1}(w)/w \) to {@code out[0..3]}.
     *
     * @param wr real part of \( w \neq 0 \)
     * @param wi imaginary part of \( w \)
     * @param out output array
     */
    private static void levelStart(double wr, double wi, double[] out) {
        final double ex = Math.exp(wr);
        out[0] = ex * Math.cos(wi);
        out[1] = ex * Math.sin(wi);
        expm1(wr, wi, out, 2);
        final double d = wr * wr + wi * wi;
        final double nr = out[2];
        final double ni = out[3];
        out[2] = (nr * wr + ni * wi) / d;
        out[3] = (ni * wr - nr * wi) / d;
    }

    /**
     * \( \varphi_k(z) = e^z/z^k \) for \( \mathrm{Re}\, z > 709 \), where
     * \( \sum_{j<k} z^j/j! \) is negligible against \( e^z \), without intermediate overflow:
     * \( e^{x/2}(\cos y + i \sin y) / z^k \cdot e^{x/2} \). Orders where the polynomial part is
     * not negligible (\( (k-1)\ln|z| + \ln k > x - 45 \)) are left to the ordinary formulas,
     * which may then overflow.
     *
     * @param x real part, \( x > 709 \)
     * @param y imaginary part
     * @param ir real part of \( 1/z \)
     * @param ii imaginary part of \( 1/z \)
     * @param a \( |z| \)
     * @param out output array
     * @param top highest order to write
     */
    private static void expOverPower(double x, double y, double ir, double ii, double a,
                                     double[] out, int top) {
        final double h = Math.exp(0.5 * x);
        double vr = h * Math.cos(y);
        double vi = h * Math.sin(y);
        final double lnA = Math.log(a);
        for (int k = 1; k <= top; k++) {
            final double tr = vr * ir - vi * ii;
            vi = vr * ii + vi * ir;
            vr = tr;
            if ((k - 1) * lnA + Math.log(k) > x - 45.0) {
                out[2 * k] = Double.NaN;
                out[2 * k + 1] = Double.NaN;
            } else {
                out[2 * k] = vr * h;
                out[2 * k + 1] = vi * h;
            }
        }
    }
}
