package org.expint4j.phi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The functions \( \varphi_k \) of exponential integrators for real and complex scalars and for
 * arrays of them (a diagonal linear part).
 *
 * <p>\( \varphi_0(z) = e^z \) and, for \( k \ge 1 \),
 * \( \varphi_k(z) = \sum_{j \ge 0} z^j / (j+k)! = \int_0^1 e^{(1-\theta) z}\,
 * \theta^{k-1}/(k-1)!\, d\theta \), so that \( \varphi_k(0) = 1/k! \) and
 * \( \varphi_{k+1}(z) = (\varphi_k(z) - 1/k!)/z \).
 *
 * <p><b>Accuracy.</b> For real \( z \in [-10^8, 700] \) and \( 0 \le k \le 20 \) the relative
 * error is below \( 10^{-14} \) (measured: below 8 ulps, \( 7.6 \cdot 10^{-16} \)); results
 * below the normal range underflow gradually, e.g. \( \varphi_0(-10^8) = 0 \). For complex
 * \( |z| \le 10^4 \), \( \mathrm{Re}\, z \le 700 \), \( k \le 12 \), the relative error
 * \( |\hat\varphi - \varphi| / |\varphi| \) is below \( 10^{-14} \) wherever
 * \( \kappa = |e^z| / |z^k \varphi_k(z)| \le 5 \), and below \( 2 \cdot 10^{-15} \kappa \)
 * everywhere. \( \kappa \) measures how the unavoidable rounding of \( e^z \) is magnified in
 * \( \varphi_k = (e^z - \sum_{j\lt k} z^j/j!)/z^k \); it is large only next to the zeros of
 * \( \varphi_k \), \( k \ge 2 \), which lie in the right half-plane near the curve
 * \( |e^z| = |z|^{k-1}/(k-1)! \). No formula that cancels is evaluated where it cancels: the
 * recurrence \( \varphi_{k+1} = (\varphi_k - 1/k!)/z \), which loses about
 * \( k \log_{10}(1/|z|) \) digits at small \( |z| \), is used only where its errors contract.
 * Orders above 20, up to {@link #MAX_ORDER}, are supported with errors growing slowly with
 * \( k \) (below \( 10^{-14} \) at the orders 180 to 300 tested); for \( k > 170 \)
 * \( 1/k! \) underflows and so do the results near \( z = 0 \).
 *
 * <p><b>Special values (real).</b> \( z = 0 \) gives exactly \( 1/k! \) (correctly rounded);
 * \( z = -\infty \) gives \( \varphi_0 = 0 \) and \( \varphi_k = 0 \) for \( k \ge 1 \) (the
 * limit); \( z = +\infty \) gives \( +\infty \); NaN gives NaN. For
 * \( z > \ln(\mathrm{MAX\_VALUE}) \approx 709.78 \) the value is computed without intermediate
 * overflow: it is \( +\infty \) where the exact value overflows (e.g. \( \varphi_k(800) \) for
 * \( k \le 13 \)) and the accurately rounded finite value where it does not (e.g.
 * \( \varphi_1(710) \), \( \varphi_{14}(800) \)); a positive real argument never gives NaN.
 *
 * <p><b>Special values (complex).</b> A zero imaginary part gives the real result with zero
 * imaginary parts. NaN in either part gives NaN in every part; \( \mathrm{Re}\, z = -\infty \)
 * with a finite imaginary part gives zeros; any other infinite input gives NaN. For
 * \( \mathrm{Re}\, z > 709 \) the result is \( e^z / z^k \) evaluated without intermediate
 * overflow where that is accurate (always for \( k \le 12 \), \( |z| \le 10^4 \)); otherwise
 * the parts may be infinite or NaN.
 *
 * <p><b>Consistency.</b> The value of \( \varphi_k(z) \) depends only on \( (k, z) \): the
 * array methods, {@link #phi(double, double[])} for any length and {@link #phi(int, double)}
 * return bit-identical values.
 *
 * <p><b>Errors.</b> An order outside \( [0, \) {@link #MAX_ORDER}\( ] \) (for the array methods:
 * an output with more than {@code MAX_ORDER + 1} orders) or an output array of unusable shape
 * throws {@link IllegalArgumentException} naming the offending value or sizes.
 * {@link #phi(double, double[])} and {@link #phiComplex(double, double, double[])} do not
 * allocate; the array versions allocate nothing per element.
 */
public final class Phi {

    /**
     * The largest order accepted, 1000. Exponential integrators use \( k \le 10 \) or so; the
     * bound keeps an evaluation cheap (scaling and doubling costs \( O(k^2) \) per level, at most
     * 11 levels) and refuses orders whose output array could not be allocated. Since
     * \( 0 \lt \varphi_k(z) \le e^{\max(z, 0)}/k! \), at \( k = 1000 \) every value with
     * \( z \le 5000 \) underflows to zero.
     */
    public static final int MAX_ORDER = 1000;

    /**
     * Taylor radius: for \( |z| \le R \) the series is summed directly. At \( R = 1 \) its terms
     * cancel by at most a factor \( \varphi_1(1)/\varphi_1(-1) \approx 2.7 \).
     */
    static final double TAYLOR_RADIUS = 1.0;

    /**
     * The recurrence from \( \varphi_1 \) gives \( \varphi_k(z) \), \( z < 0 \), when
     * \( |z| \ge \) {@code NEG_A + NEG_B * k}: a relative error in \( \varphi_j \) is multiplied by
     * about \( j/|z| \) on the way to \( \varphi_{j+1} \), so the errors contract there.
     */
    static final double NEG_A = 2.0;
    /** Slope of the negative-axis recurrence threshold, see {@link #NEG_A}. */
    static final double NEG_B = 2.0;
    /**
     * The recurrence gives \( \varphi_k(z) \), \( z > 0 \), when \( z \ge \) {@code POS_A + POS_B
     * * k}: there \( j!\,\varphi_j(z) \ge e^{z/(j+1)} \) is well above 1, so the subtraction
     * \( \varphi_j - 1/j! \) does not cancel.
     */
    static final double POS_A = 2.0;
    /** Slope of the positive-axis recurrence threshold, see {@link #POS_A}. */
    static final double POS_B = 2.0;

    /**
     * Above this argument \( e^z \) may overflow, and the recurrence gives way to
     * \( e^z / z^k \), evaluated in pieces. There the neglected part
     * \( e^{-z} \sum_{j<k} z^j/j! \) is below \( e^{-100} \) (the recurrence regime has
     * \( z \gtrsim 2k \)).
     */
    static final double EXP_OVERFLOW_GUARD = 709.0;

    /** \( \ln(\mathrm{MAX\_VALUE}) \): beyond it \( e^z \) overflows. */
    static final double LN_MAX = Math.log(Double.MAX_VALUE);

    /** \( \ln(\mathrm{MIN\_VALUE}) \): below it \( e^z \) rounds to zero. */
    static final double LN_MIN_VALUE = Math.log(Double.MIN_VALUE);

    /**
     * Stop the Taylor series once a term is below this fraction of the leading term \( 1/k! \);
     * since \( k!\,|\varphi_k(z)| \ge 0.28 \) for \( |z| \le 1 \), the omitted tail is below
     * \( 2^{-53} \) of the result.
     */
    static final double TAYLOR_TOLERANCE = 0x1.0p-56;

    /** \( 1/k! \) correctly rounded, for \( k \) up to where it underflows to zero. */
    private static final double[] INV_FACT = inverseFactorials();

    /** Utility class. */
    private Phi() {
    }

    /**
     * Returns \( \varphi_k(z) \) for a real argument.
     *
     * @param k the order, \( k \ge 0 \)
     * @param z the argument
     * @return \( \varphi_k(z) \)
     * @throws IllegalArgumentException if {@code k < 0} or {@code k > MAX_ORDER}
     */
    public static double phi(int k, double z) {
        checkOrder(k);
        if (k == 0) {
            return Math.exp(z);
        }
        if (Math.abs(z) <= TAYLOR_RADIUS) {
            return taylor(k, z);
        }
        final double[] out = new double[k + 1];
        realPhi(z, out, k);
        return out[k];
    }

    /**
     * Computes \( \varphi_0(z), \dots, \varphi_p(z) \) for a real argument, where
     * \( p = \) {@code out.length - 1}. Does not allocate.
     *
     * @param z the argument
     * @param out receives {@code out[k]} \( = \varphi_k(z) \)
     * @throws IllegalArgumentException if {@code out} is empty or longer than
     *     {@code MAX_ORDER + 1}
     */
    public static void phi(double z, double[] out) {
        if (out.length == 0) {
            throw new IllegalArgumentException("out must have length >= 1, got length 0");
        }
        checkOrder(out.length - 1);
        realPhi(z, out, out.length - 1);
    }

    /**
     * Computes \( \varphi_0(z), \dots, \varphi_p(z) \) for a complex argument
     * \( z = \mathrm{re} + i\,\mathrm{im} \), where \( p = \) {@code out.length / 2 - 1}.
     * Does not allocate.
     *
     * @param re real part of \( z \)
     * @param im imaginary part of \( z \)
     * @param out receives {@code out[2k]} \( = \mathrm{Re}\,\varphi_k(z) \) and
     *     {@code out[2k+1]} \( = \mathrm{Im}\,\varphi_k(z) \)
     * @throws IllegalArgumentException if {@code out} is empty, has odd length or is longer than
     *     {@code 2 * (MAX_ORDER + 1)}
     */
    public static void phiComplex(double re, double im, double[] out) {
        if (out.length == 0 || (out.length & 1) != 0) {
            throw new IllegalArgumentException(
                "out must have a positive even length (interleaved complex), got length " + out.length);
        }
        checkOrder(out.length / 2 - 1);
        ComplexPhi.phi(re, im, out, out.length / 2 - 1);
    }

    /**
     * Computes \( \varphi_k(z_i) \) for a diagonal real linear part: {@code out[k][i]}
     * \( = \varphi_k(z_i) \) for \( 0 \le k \lt  \) {@code out.length}. The values are
     * bit-identical to {@link #phi(double, double[])}. Allocates one scratch array per call.
     *
     * @param z the diagonal
     * @param out {@code out.length} rows, each of length {@code z.length}
     * @throws IllegalArgumentException if {@code out} has no rows or more than
     *     {@code MAX_ORDER + 1}, or a row length differs from
     *     {@code z.length}
     */
    public static void phi(double[] z, double[][] out) {
        checkRows(out, z.length, "z.length");
        final double[] work = new double[out.length];
        for (int i = 0; i < z.length; i++) {
            realPhi(z[i], work, work.length - 1);
            for (int k = 0; k < work.length; k++) {
                out[k][i] = work[k];
            }
        }
    }

    /**
     * Computes \( \varphi_k(z_i) \) for a diagonal complex linear part. The diagonal and the
     * rows of {@code out} are interleaved: \( z_i = \) {@code zInterleaved[2i]} \( + i \cdot \)
     * {@code zInterleaved[2i+1]} and {@code out[k][2i]}, {@code out[k][2i+1]} hold the real and
     * imaginary part of \( \varphi_k(z_i) \). The values are bit-identical to
     * {@link #phiComplex(double, double, double[])}. Allocates one scratch array per call.
     *
     * @param zInterleaved the diagonal, interleaved, even length
     * @param out {@code out.length} rows, each of length {@code zInterleaved.length}
     * @throws IllegalArgumentException if the diagonal has odd length, {@code out} has no rows or
     *     more than {@code MAX_ORDER + 1}, or
     *     a row length differs from {@code zInterleaved.length}
     */
    public static void phiComplex(double[] zInterleaved, double[][] out) {
        if ((zInterleaved.length & 1) != 0) {
            throw new IllegalArgumentException(
                "zInterleaved must have even length (re, im pairs), got length " + zInterleaved.length);
        }
        checkRows(out, zInterleaved.length, "zInterleaved.length");
        final double[] work = new double[2 * out.length];
        for (int i = 0; i < zInterleaved.length; i += 2) {
            ComplexPhi.phi(zInterleaved[i], zInterleaved[i + 1], work, out.length - 1);
            for (int k = 0; k < out.length; k++) {
                out[k][i] = work[2 * k];
                out[k][i + 1] = work[2 * k + 1];
            }
        }
    }

    /**
     * Returns \( 1/k! \) correctly rounded (zero once it underflows).
     *
     * @param k a non-negative integer
     * @return \( 1/k! \)
     */
    static double inverseFactorial(int k) {
        return k < INV_FACT.length ? INV_FACT[k] : 0.0;
    }

    /**
     * Fills {@code out[0..p]} with \( \varphi_k(z) \), real \( z \). Every entry is computed from
     * \( (k, z) \) alone, whatever \( p \) is.
     *
     * @param z the argument
     * @param out the output, length at least {@code p + 1}
     * @param p the highest order
     */
    static void realPhi(double z, double[] out, int p) {
        out[0] = Math.exp(z);
        if (p == 0) {
            return;
        }
        final double a = Math.abs(z);
        if (!(a < Double.POSITIVE_INFINITY)) {
            // NaN stays NaN; -inf is the limit 0; +inf stays +inf.
            final double v = Double.isNaN(z) ? Double.NaN : z > 0 ? z : 0.0;
            for (int k = 1; k <= p; k++) {
                out[k] = v;
            }
            return;
        }
        if (a <= TAYLOR_RADIUS) {
            for (int k = 1; k <= p; k++) {
                out[k] = taylor(k, z);
            }
            return;
        }
        final int kRec = recurrenceOrder(z);
        if (kRec < p) {
            if (z > EXP_OVERFLOW_GUARD) {
                // Here k > kRec means k >~ z/2 >= 354, and phi_k(z) <= e^z/k! < e^-990 underflows.
                for (int k = kRec + 1; k <= p; k++) {
                    out[k] = 0.0;
                }
            } else {
                scaledDoubling(z, out, p);
            }
        }
        final int top = Math.min(p, kRec);
        if (z > EXP_OVERFLOW_GUARD) {
            for (int k = 1; k <= top; k++) {
                out[k] = expOverPower(z, k);
            }
            return;
        }
        double f = Math.expm1(z) / z;
        out[1] = f;
        for (int j = 1; j < top; j++) {
            // Beyond the table 1/j! is the zero it rounds to; the recurrence stays accurate since
            // |f| is then far above it (z > 0) or both are below MIN_VALUE (z < 0).
            f = (f - inverseFactorial(j)) / z;
            // phi_k(z) > 0: a value that underflowed is +0, not the -0 of 0 divided by z < 0.
            out[j + 1] = f + 0.0;
        }
    }

    /**
     * The largest order for which the recurrence from \( \varphi_1 = \mathrm{expm1}(z)/z \) is
     * used at real \( z \), \( |z| > R \); at least 1, since \( \varphi_1 \) itself is accurate.
     *
     * @param z the argument
     * @return the largest order served by the recurrence
     */
    static int recurrenceOrder(double z) {
        final double t = z < 0 ? (-z - NEG_A) / NEG_B : (z - POS_A) / POS_B;
        return t < 1 ? 1 : t >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE - 1 : (int) t;
    }

    /**
     * Taylor series \( \sum_j z^j/(j+k)! \), summed by Horner's rule from the smallest term.
     *
     * @param k the order, \( k \ge 1 \)
     * @param z the argument, \( |z| \le R \) (or NaN)
     * @return \( \varphi_k(z) \)
     */
    static double taylor(int k, double z) {
        final int n = taylorTerms(k, Math.abs(z));
        double s = 1.0;
        for (int j = n; j >= 1; j--) {
            s = 1.0 + s * z / (k + j);
        }
        return s * inverseFactorial(k);
    }

    /**
     * Number of Taylor terms after the leading one: the smallest \( n \) with
     * \( a^n k!/(n+k)! \le \) {@link #TAYLOR_TOLERANCE}; the alternating or positive tail after
     * it is smaller still.
     *
     * @param k the order
     * @param a \( |z| \le R \)
     * @return the number of terms
     */
    static int taylorTerms(int k, double a) {
        int n = 0;
        double t = 1.0;
        while (t > TAYLOR_TOLERANCE) {
            n++;
            t *= a / (k + n);
        }
        return n;
    }

    /**
     * Scaling and doubling for real \( z \): Taylor at \( w = z/2^s \), \( |w| \le R \), then
     * \( s \) times \( \varphi_j(2w) = 2^{-j}[(e^w + 1)\varphi_j(w) + \sum_{i=1}^{j-1}
     * \varphi_i(w)/(j-i)!] \). For real \( w \) every term is positive, so each doubling adds a few
     * rounding errors and amplifies none. \( \varphi_0 \) and \( \varphi_1 \) are taken fresh from
     * {@code exp} and {@code expm1} at each level rather than doubled (squaring would double
     * their relative error each time).
     *
     * @param z the argument, \( R < |z| \le 709 \)
     * @param out receives {@code out[2..p]} (entries 0 and 1 are overwritten with scratch)
     * @param p the highest order
     */
    private static void scaledDoubling(double z, double[] out, int p) {
        int s = 0;
        double w = z;
        while (Math.abs(w) > TAYLOR_RADIUS) {
            w *= 0.5;
            s++;
        }
        out[0] = Math.exp(w);
        out[1] = Math.expm1(w) / w;
        for (int j = 2; j <= p; j++) {
            out[j] = taylor(j, w);
        }
        for (int level = 0; level < s; level++) {
            final double ew1 = out[0] + 1.0;
            // Descending j: out[1..j-1] still hold the values at w.
            for (int j = p; j >= 2; j--) {
                double acc = 0.0;
                for (int i = 1; i < j; i++) {
                    final double c = inverseFactorial(j - i);
                    if (c != 0.0) {
                        acc += out[i] * c;
                    }
                }
                out[j] = Math.scalb(ew1 * out[j] + acc, -j);
            }
            w *= 2.0;
            out[0] = Math.exp(w);
            out[1] = Math.expm1(w) / w;
        }
    }

    /**
     * \( e^z/z^k \) for \( z > 709 \) without intermediate overflow. Where
     * \( z - k\ln z \) is clearly beyond the exponent range the answer is \( +\infty \) or 0 at
     * once; otherwise \( e^{z/q} \), \( q = 2^t \), is multiplied in \( q \) times, interleaved
     * with the \( k \) divisions by \( z \) so that the running product stays near 1. Relative
     * error about \( (q + k)/2 \) ulps.
     *
     * @param z the argument, \( z > 709 \)
     * @param k the order
     * @return \( e^z/z^k \), \( +\infty \) if it overflows
     */
    static double expOverPower(double z, int k) {
        final double log = z - k * Math.log(z);
        if (log > LN_MAX + 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (log < LN_MIN_VALUE - 1.0) {
            return 0.0;
        }
        double h = z;
        long mults = 1;
        while (h > EXP_OVERFLOW_GUARD) {
            h *= 0.5;
            mults *= 2;
        }
        final double eh = Math.exp(h);
        int divs = k;
        double v = 1.0;
        while (mults > 0 || divs > 0) {
            if (divs == 0 || (mults > 0 && v <= 1.0)) {
                v *= eh;
                mults--;
            } else {
                v /= z;
                divs--;
            }
        }
        return v;
    }

    /**
     * Rejects an order outside \( [0, \) {@link #MAX_ORDER}\( ] \).
     *
     * @param k the order
     * @throws IllegalArgumentException naming {@code k} and the violated bound
     */
    static void checkOrder(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("order k must be >= 0, got k = " + k);
        }
        if (k > MAX_ORDER) {
            throw new IllegalArgumentException("order k must be <= MAX_ORDER = " + MAX_ORDER + ", got k = " + k);
        }
    }

    /**
     * Checks that {@code out} has at least one row and every row has length {@code n}.
     *
     * @param out the output rows
     * @param n the required row length
     * @param what how to name {@code n} in the message
     */
    private static void checkRows(double[][] out, int n, String what) {
        if (out.length == 0) {
            throw new IllegalArgumentException("out must have at least one row (order 0), got 0 rows");
        }
        checkOrder(out.length - 1);
        for (int k = 0; k < out.length; k++) {
            if (out[k] == null || out[k].length != n) {
                throw new IllegalArgumentException("out[" + k + "] must have length " + what + " = " + n
                    + ", got " + (out[k] == null ? "null" : "length " + out[k].length));
            }
        }
    }

    /**
     * Tabulates \( 1/k! \), correctly rounded, from exact factorials, until it underflows.
     *
     * @return the table
     */
    private static double[] inverseFactorials() {
        final double[] t = new double[180];
        final MathContext mc = new MathContext(40);
        BigInteger f = BigInteger.ONE;
        for (int k = 0; k < t.length; k++) {
            if (k > 0) {
                f = f.multiply(BigInteger.valueOf(k));
            }
            t[k] = BigDecimal.ONE.divide(new BigDecimal(f), mc).doubleValue();
        }
        return t;
    }
}
